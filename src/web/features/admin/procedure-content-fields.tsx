/**
 * The content of one procedure version as a publication decision states it (NĐ 63/2010 Điều 8): name, field,
 * level, processing time, online level and scope, methods, subjects, steps, documents with forms, fees, result,
 * conditions and legal basis. Rendered inside a decision's item (`prefix` is the item's path in the form), and
 * the conversion from a procedure's published detail, used to start an amendment from what is in force.
 */
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  APPLICANT_KINDS,
  applicantKindLabels,
  ONLINE_SCOPES,
  onlineScopeLabels,
  PROCEDURE_LEVELS,
  procedureLevelLabels,
  SUBMISSION_METHODS,
  submissionMethodLabels,
  TIME_UNITS,
  timeUnitLabels,
  type ProcedureContentInput,
  type ProcedureDetail,
} from '../../../shared/schemas/catalog';
import { formatMoney } from '../../../shared/text';
import { api } from '../../api/client';
import { DATE_FORMAT, isoDateItem } from './admin-common';

type Path = (string | number)[];

/** A procedure's published detail as the content of a decision item (to amend or replace it). */
export function contentOfDetail(d: ProcedureDetail): ProcedureContentInput {
  return {
    name: d.name,
    fieldCode: d.field.code,
    level: d.level,
    departmentKey: d.departmentKey,
    time: { value: d.time.value, unit: d.time.unit, note: d.time.note },
    onlineLevel: d.onlineLevel,
    onlineScope: d.onlineScope,
    onTheSpot: d.onTheSpot,
    interAgency: d.interAgency,
    postalReturn: d.postalReturn,
    cutoffTime: d.cutoffTime,
    methods: d.methods.map((m) => m.code),
    subjects: d.subjects.map((s) => s.code),
    steps: d.steps,
    documents: d.documents.map((doc) => ({ ...doc })),
    sets: d.sets,
    result: d.result,
    conditions: d.conditions,
    fees: d.fees.map((f) => ({ name: f.name, amount: f.amount, note: f.note })),
    feeExemptions: d.feeExemptions,
    legalBasis: d.legalBasis.map((l) => ({ ...l })),
  };
}

/** A blank content with the usual defaults (one method, one subject, level 2). */
export function emptyContent(): Partial<ProcedureContentInput> {
  return { level: 'commune', time: { value: 5, unit: 'working_days', note: null }, onlineLevel: 2, onlineScope: null, onTheSpot: false, interAgency: false, postalReturn: false, methods: ['in_person'], subjects: ['individual'], steps: [''], documents: [], sets: 1, fees: [], legalBasis: [{ number: '', title: '' }] };
}

const required = (message: string) => [{ required: true, whitespace: true, message }];
const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((v) => ({ value: v, label: labels[v] }));

function ListCard({ title, children, onAdd, addLabel }: { title: string; children: React.ReactNode; onAdd: () => void; addLabel: string }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} extra={<Button size="small" icon={<PlusOutlined />} onClick={onAdd}>{addLabel}</Button>}>
      {children}
    </Card>
  );
}

function RemoveButton({ onClick, label }: { onClick: () => void; label: string }) {
  return <Button type="text" danger icon={<DeleteOutlined />} aria-label={label} onClick={onClick} />;
}

export function ProcedureContentFields({ prefix }: { prefix: Path }) {
  const fields = useQuery({ queryKey: ['catalog', 'fields'], queryFn: ({ signal }) => api.get<{ items: { code: string; name: string }[] }>('/api/catalog/fields', undefined, signal) });
  const n = (...rest: Path) => [...prefix, ...rest];
  const form = Form.useFormInstance();
  const onlineLevel = Form.useWatch(n('onlineLevel'), form) as number | undefined;
  return (
    <>
      <Form.Item name={n('name')} label="Tên thủ tục" rules={required('Nhập tên thủ tục')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={n('fieldCode')} label="Lĩnh vực" rules={[{ required: true, message: 'Chọn lĩnh vực' }]}>
            <Select showSearch optionFilterProp="label" loading={fields.isPending} options={(fields.data?.items ?? []).map((f) => ({ value: f.code, label: `${f.name} (${f.code})` }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={n('level')} label="Cấp thực hiện" rules={[{ required: true, message: 'Chọn cấp' }]}>
            <Select options={options(PROCEDURE_LEVELS, procedureLevelLabels)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={n('departmentKey')} label="Mã phòng chuyên môn" tooltip="Phòng, ban thẩm định hồ sơ tại mỗi cơ quan (ví dụ TPHT)">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={8} md={4}>
          <Form.Item name={n('time', 'value')} label="Thời hạn" rules={[{ required: true, message: 'Nhập thời hạn' }]}>
            <InputNumber min={0.25} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={16} md={8}>
          <Form.Item name={n('time', 'unit')} label="Đơn vị thời hạn" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
            <Select options={options(TIME_UNITS, timeUnitLabels)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={n('time', 'note')} label="Ghi chú thời hạn">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name={n('onlineLevel')} label="Mức độ trực tuyến" rules={[{ required: true, message: 'Chọn mức độ' }]}>
            <Select options={[1, 2, 3, 4].map((l) => ({ value: l, label: `Mức ${l}` }))} onChange={(l: number) => l <= 2 && form.setFieldValue(n('onlineScope'), null)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={n('onlineScope')} label="Phạm vi trực tuyến">
            <Select allowClear disabled={(onlineLevel ?? 0) <= 2} placeholder="Không" options={options(ONLINE_SCOPES, onlineScopeLabels)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={n('cutoffTime')} label="Giờ chốt nhận trong ngày" tooltip="Nhận sau giờ này thì tính từ ngày làm việc tiếp theo; để trống nếu không áp dụng">
            <Input placeholder="15:00" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={n('sets')} label="Số bộ hồ sơ" rules={[{ required: true, message: 'Nhập số bộ' }]}>
            <InputNumber min={0} max={20} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap size="large">
        <Form.Item name={n('onTheSpot')} valuePropName="checked" noStyle>
          <Checkbox>5 tại chỗ</Checkbox>
        </Form.Item>
        <Form.Item name={n('interAgency')} valuePropName="checked" noStyle>
          <Checkbox>Liên thông</Checkbox>
        </Form.Item>
        <Form.Item name={n('postalReturn')} valuePropName="checked" noStyle>
          <Checkbox>Trả kết quả qua bưu chính</Checkbox>
        </Form.Item>
      </Space>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} md={12}>
          <Form.Item name={n('methods')} label="Cách thức thực hiện" rules={[{ required: true, message: 'Chọn cách thức' }]}>
            <Checkbox.Group options={options(SUBMISSION_METHODS, submissionMethodLabels)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={n('subjects')} label="Đối tượng thực hiện" rules={[{ required: true, message: 'Chọn đối tượng' }]}>
            <Checkbox.Group options={options(APPLICANT_KINDS, applicantKindLabels)} />
          </Form.Item>
        </Col>
      </Row>

      <Form.List name={n('steps')}>
        {(items, { add, remove }) => (
          <ListCard title="Trình tự thực hiện" onAdd={() => add('')} addLabel="Thêm bước">
            {items.map((item, i) => (
              <Space key={item.key} align="start" style={{ display: 'flex' }}>
                <Form.Item {...item} label={`Bước ${i + 1}`} rules={required('Nhập nội dung bước')} style={{ flex: 1, minWidth: 420 }}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                </Form.Item>
                <RemoveButton onClick={() => remove(item.name)} label={`Xóa bước ${i + 1}`} />
              </Space>
            ))}
          </ListCard>
        )}
      </Form.List>

      <Form.List name={n('documents')}>
        {(items, { add, remove }) => (
          <ListCard title="Thành phần hồ sơ" onAdd={() => add({ name: '', originals: 1, copies: 0 })} addLabel="Thêm giấy tờ">
            {items.length === 0 && <Typography.Text type="secondary">Không yêu cầu giấy tờ.</Typography.Text>}
            {items.map((item, i) => (
              <Row key={item.key} gutter={8} align="top">
                <Col xs={24} md={10}>
                  <Form.Item name={[item.name, 'name']} label={`Giấy tờ ${i + 1}`} rules={required('Nhập tên giấy tờ')}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
                  </Form.Item>
                </Col>
                <Col xs={6} md={3}>
                  <Form.Item name={[item.name, 'originals']} label="Bản chính">
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={6} md={3}>
                  <Form.Item name={[item.name, 'copies']} label="Bản sao">
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={10} md={7}>
                  <Form.Item name={[item.name, 'formName']} label="Mẫu đơn, tờ khai">
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={2} md={1} style={{ paddingTop: 30 }}>
                  <RemoveButton onClick={() => remove(item.name)} label={`Xóa giấy tờ ${i + 1}`} />
                </Col>
              </Row>
            ))}
          </ListCard>
        )}
      </Form.List>

      <Form.Item name={n('result')} label="Kết quả thực hiện" rules={required('Nhập kết quả thực hiện')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      <Form.Item name={n('conditions')} label="Yêu cầu, điều kiện">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>

      <Form.List name={n('fees')}>
        {(items, { add, remove }) => (
          <ListCard title="Phí, lệ phí" onAdd={() => add({ name: '', amount: 0 })} addLabel="Thêm khoản thu">
            {items.length === 0 && <Typography.Text type="secondary">Không thu phí, lệ phí.</Typography.Text>}
            {items.map((item, i) => (
              <Row key={item.key} gutter={8} align="top">
                <Col xs={24} md={10}>
                  <Form.Item name={[item.name, 'name']} label={`Khoản thu ${i + 1}`} rules={required('Nhập tên khoản thu')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={10} md={5}>
                  <Form.Item name={[item.name, 'amount']} label="Mức thu (đồng)" rules={[{ required: true, message: 'Nhập mức thu' }]}>
                    <InputNumber<number> min={0} step={1000} style={{ width: '100%' }} formatter={(v) => (v === undefined ? '' : formatMoney(Number(v)).replace(' đ', ''))} parser={(v) => Number((v ?? '').replace(/\D/g, ''))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name={[item.name, 'note']} label="Ghi chú">
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={2} md={1} style={{ paddingTop: 30 }}>
                  <RemoveButton onClick={() => remove(item.name)} label={`Xóa khoản thu ${i + 1}`} />
                </Col>
              </Row>
            ))}
          </ListCard>
        )}
      </Form.List>
      <Form.Item name={n('feeExemptions')} label="Miễn, giảm phí, lệ phí">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>

      <Form.List name={n('legalBasis')}>
        {(items, { add, remove }) => (
          <ListCard title="Căn cứ pháp lý" onAdd={() => add({ number: '', title: '' })} addLabel="Thêm văn bản">
            {items.map((item, i) => (
              <Row key={item.key} gutter={8} align="top">
                <Col xs={24} md={6}>
                  <Form.Item name={[item.name, 'number']} label={`Số hiệu văn bản ${i + 1}`} rules={required('Nhập số hiệu')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[item.name, 'title']} label="Trích yếu" rules={required('Nhập trích yếu')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={20} md={5}>
                  <Form.Item name={[item.name, 'issuedOn']} label="Ngày ban hành" {...isoDateItem}>
                    <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1} style={{ paddingTop: 30 }}>
                  <RemoveButton onClick={() => remove(item.name)} label={`Xóa văn bản ${i + 1}`} />
                </Col>
              </Row>
            ))}
          </ListCard>
        )}
      </Form.List>
    </>
  );
}
