/**
 * Tiếp nhận hồ sơ tại quầy: built for a clerk at a counter with a scanner. The procedure field has the focus, Enter
 * moves to the next field, the ID number fills in a known applicant, the checklist comes from the procedure, and
 * the receipt (form 01) prints as soon as the dossier is received.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Result, Row, Select, Space, Table, Typography, Upload } from 'antd';
import { PrinterOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { ProcedureDetail, ProcedureListResponse } from '../../../shared/schemas/catalog';
import type { ApplicantLookup, DeskIntakeInput, IntakeResponse } from '../../../shared/schemas/dossiers';
import type { FileResponse } from '../../../shared/schemas/files';
import { formatDateTime } from '../../../shared/text';
import { api, ApiError, errorMessageOf } from '../../api/client';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/page-title';
import { site } from '../../site';
import { BACK_OFFICE_BASE } from '../back-office/sections';
import { openPostedPdf } from './print-pdf';

type Intake = z.infer<typeof IntakeResponse>;

interface ChecklistLine {
  received: boolean;
  originals: number;
  copies: number;
  files: FileResponse[];
}

interface Values {
  procedureId?: string;
  competentAgencyId?: string;
  channel: 'in_person' | 'post';
  idNumber?: string;
  fullName?: string;
  phone?: string;
  email?: string;
  address?: string;
  summary?: string;
  deliveryMethod: 'at_desk' | 'post';
  deliveryAddress?: string;
}

/** Enter in a text field moves to the next field instead of submitting (text areas and pickers keep their Enter). */
function enterMovesOn(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== 'Enter' || e.shiftKey) return;
  const target = e.target as HTMLElement;
  if (target.tagName !== 'INPUT' || target.closest('.ant-select') || (target as HTMLInputElement).type === 'file') return;
  const fields = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([disabled]):not([type=file]), textarea, button[type=submit]')).filter(
    (el) => el.offsetParent !== null,
  );
  const next = fields[fields.indexOf(target) + 1];
  if (!next) return;
  e.preventDefault();
  next.focus();
}

function useProcedureSearch(q: string) {
  return useQuery({
    queryKey: ['catalog', 'procedures', 'intake', q],
    queryFn: ({ signal }) => api.get<ProcedureListResponse>('/api/catalog/procedures', { q: q || undefined, pageSize: 30 }, signal),
    placeholderData: (previous) => previous,
  });
}

export function IntakePage() {
  usePageTitle('Tiếp nhận hồ sơ', site.backOfficeTitle);
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const procedures = useProcedureSearch(search);
  const procedureId = Form.useWatch('procedureId', form);
  const procedure = useQuery({
    queryKey: ['catalog', 'procedure', procedureId],
    queryFn: ({ signal }) => api.get<ProcedureDetail>(`/api/catalog/procedures/${procedureId}`, undefined, signal),
    enabled: !!procedureId,
  });
  const [lines, setLines] = useState<ChecklistLine[]>([]);
  const [applicantUserId, setApplicantUserId] = useState<string | undefined>();
  const [lookupNote, setLookupNote] = useState<string | null>(null);
  const idempotencyKey = useRef(crypto.randomUUID());
  const [done, setDone] = useState<Intake | null>(null);

  const docs = useMemo(() => procedure.data?.documents ?? [], [procedure.data]);
  // Documents marked "(nếu có)" in the catalog start unticked: they are provided only when they apply.
  const lineOf = (i: number): ChecklistLine => lines[i] ?? { received: !/\(nếu có\)/i.test(docs[i]?.name ?? ''), originals: docs[i]?.originals ?? 0, copies: docs[i]?.copies ?? 0, files: [] };
  const setLine = (i: number, change: Partial<ChecklistLine>) =>
    setLines((all) => {
      const next = docs.map((_, k) => all[k] ?? lineOf(k));
      next[i] = { ...next[i]!, ...change };
      return next;
    });

  const lookup = useMutation({
    mutationFn: (idNumber: string) => api.get<z.infer<typeof ApplicantLookup>>('/api/dossiers/applicants', { idNumber }),
    onSuccess: (res) => {
      if (!res.found || !res.applicant) {
        setApplicantUserId(undefined);
        setLookupNote('Chưa có thông tin người nộp này trong hệ thống, vui lòng nhập đầy đủ.');
        return;
      }
      const a = res.applicant;
      setApplicantUserId(a.userId ?? undefined);
      setLookupNote(`Đã điền sẵn thông tin của ${a.fullName}${a.userId ? ' (có tài khoản trên Cổng dịch vụ công)' : ''}.`);
      form.setFieldsValue({ fullName: a.fullName, phone: a.phone ?? undefined, email: a.email ?? undefined, address: a.address ?? undefined });
    },
  });

  const submit = useMutation({
    mutationFn: (values: Values) => {
      const input: DeskIntakeInput = {
        procedureId: values.procedureId!,
        competentAgencyId: values.competentAgencyId,
        channel: values.channel,
        summary: values.summary?.trim() || undefined,
        deliveryMethod: values.deliveryMethod,
        deliveryAddress: values.deliveryMethod === 'post' ? values.deliveryAddress?.trim() || undefined : undefined,
        applicant: {
          kind: 'individual',
          userId: applicantUserId,
          fullName: values.fullName?.trim() ?? '',
          idNumber: values.idNumber?.trim() || undefined,
          phone: values.phone?.trim() || undefined,
          email: values.email?.trim() || undefined,
          address: values.address?.trim() || undefined,
        },
        documents: docs
          .map((_, i) => ({ i, line: lineOf(i) }))
          .filter(({ line }) => line.received && (line.originals > 0 || line.copies > 0 || line.files.length > 0))
          .map(({ i, line }) => ({ index: i, originals: line.originals, copies: line.copies, fileIds: line.files.map((f) => f.id) })),
      };
      return api.post<Intake>('/api/dossiers', input, { idempotencyKey: idempotencyKey.current });
    },
    onSuccess: (res) => setDone(res),
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      form.setFields(
        error.fields.map((f) => ({ name: (f.name[0] === 'applicant' ? f.name.slice(1) : f.name) as never, errors: [f.message] })).filter((f) => typeof f.name[0] === 'string'),
      );
    },
  });

  const print = useMutation({
    mutationFn: (res: Intake) => openPostedPdf(`/api/dossiers/${res.dossier.id}/forms/01.pdf`, { trackingSecret: res.trackingSecret }),
  });

  if (done) {
    const d = done.dossier;
    return (
      <Result
        status="success"
        title={`Đã tiếp nhận hồ sơ ${d.code}`}
        subTitle={
          <>
            {d.procedure.name} · {d.applicantName}
            <br />
            Hẹn trả kết quả: {formatDateTime(d.dueAt) || 'theo thông báo'}
            {done.trackingSecret && (
              <>
                <br />
                Mã tra cứu: <Typography.Text strong copyable>{done.trackingSecret}</Typography.Text>
              </>
            )}
          </>
        }
        extra={
          <Space orientation="vertical">
            {print.isError && <Alert type="error" showIcon title={errorMessageOf(print.error)} role="alert" />}
            <Space wrap>
              <Button type="primary" icon={<PrinterOutlined />} autoFocus loading={print.isPending} disabled={!done.trackingSecret} onClick={() => print.mutate(done)}>
                In Giấy tiếp nhận và hẹn trả kết quả
              </Button>
              <Link to={`${BACK_OFFICE_BASE}/ho-so/${d.id}`}>Mở hồ sơ</Link>
              <Button
                onClick={() => {
                  setDone(null);
                  setLines([]);
                  setApplicantUserId(undefined);
                  setLookupNote(null);
                  idempotencyKey.current = crypto.randomUUID();
                  form.resetFields();
                }}
              >
                Tiếp nhận hồ sơ khác
              </Button>
            </Space>
          </Space>
        }
      />
    );
  }

  const agencies = procedure.data?.agencies ?? [];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        Tiếp nhận hồ sơ
      </Typography.Title>
      <Typography.Paragraph type="secondary">Nhấn Enter để chuyển sang ô tiếp theo. Hệ thống cấp mã hồ sơ và in Giấy tiếp nhận ngay sau khi lưu.</Typography.Paragraph>
      <FormError message={submit.isError ? errorMessageOf(submit.error) : undefined} />
      <div onKeyDown={enterMovesOn}>
        <Form<Values>
          form={form}
          layout="vertical"
          name="intake"
          initialValues={{ channel: 'in_person', deliveryMethod: 'at_desk' }}
          onFinish={(values) => submit.mutate(values)}
        >
          <Card size="small" title="Thủ tục">
            <Row gutter={16}>
              <Col xs={24} lg={16}>
                <Form.Item name="procedureId" label="Thủ tục hành chính" rules={[{ required: true, message: 'Chọn thủ tục hành chính' }]}>
                  <Select
                    showSearch={{ filterOption: false, onSearch: setSearch }}
                    autoFocus
                    placeholder="Gõ tên hoặc mã thủ tục (có dấu hoặc không dấu)"
                    loading={procedures.isFetching}
                    notFoundContent={procedures.isError ? errorMessageOf(procedures.error) : 'Không tìm thấy thủ tục'}
                    options={(procedures.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))}
                    onChange={() => {
                      setLines([]);
                      form.setFieldValue('competentAgencyId', undefined);
                    }}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} lg={8}>
                <Form.Item name="channel" label="Hình thức">
                  <Radio.Group options={[{ value: 'in_person', label: 'Trực tiếp' }, { value: 'post', label: 'Bưu chính' }]} />
                </Form.Item>
              </Col>
              {agencies.length > 1 && (
                <Col xs={24} lg={16}>
                  <Form.Item name="competentAgencyId" label="Cơ quan giải quyết" rules={[{ required: true, message: 'Chọn cơ quan giải quyết' }]}>
                    <Select showSearch={{ optionFilterProp: 'label' }} options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
                  </Form.Item>
                </Col>
              )}
            </Row>
            {procedure.isError && <Alert type="error" showIcon title={errorMessageOf(procedure.error)} />}
            {procedure.data && (
              <Typography.Text type="secondary">
                Thời hạn giải quyết: {procedure.data.time.label} · Kết quả: {procedure.data.result}
              </Typography.Text>
            )}
          </Card>

          <Card size="small" title="Người nộp hồ sơ" style={{ marginTop: 16 }}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="idNumber" label="Số định danh cá nhân" extra={lookupNote ?? 'Nhập 12 chữ số rồi nhấn Tra cứu để điền sẵn thông tin'}>
                  <Input
                    inputMode="numeric"
                    maxLength={12}
                    addonAfter={
                      <Button
                        type="link"
                        size="small"
                        icon={<SearchOutlined />}
                        loading={lookup.isPending}
                        onClick={() => {
                          const v = (form.getFieldValue('idNumber') as string | undefined)?.trim();
                          if (v) lookup.mutate(v);
                        }}
                      >
                        Tra cứu
                      </Button>
                    }
                    onBlur={(e) => {
                      const v = e.target.value.trim();
                      if (/^\d{12}$/.test(v)) lookup.mutate(v);
                    }}
                  />
                </Form.Item>
                {lookup.isError && <Alert type="error" showIcon title={errorMessageOf(lookup.error)} style={{ marginBottom: 12 }} />}
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên người nộp' }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="phone" label="Số điện thoại">
                  <Input inputMode="tel" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="email" label="Thư điện tử">
                  <Input type="email" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="address" label="Địa chỉ">
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="summary" label="Trích yếu nội dung yêu cầu">
                  <Input />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card size="small" title="Thành phần hồ sơ" style={{ marginTop: 16 }}>
            {!procedureId ? (
              <Typography.Text type="secondary">Chọn thủ tục để hiện danh mục giấy tờ phải nộp.</Typography.Text>
            ) : (
              <Table
                rowKey={(_, i) => String(i)}
                size="small"
                loading={procedure.isPending}
                pagination={false}
                dataSource={docs}
                scroll={{ x: 720 }}
                locale={{ emptyText: 'Thủ tục không quy định thành phần hồ sơ' }}
                columns={[
                  {
                    title: 'Đã nhận',
                    key: 'received',
                    width: 80,
                    render: (_, doc, i) => (
                      <Checkbox aria-label={`Đã nhận: ${doc.name}`} checked={lineOf(i).received} onChange={(e) => setLine(i, { received: e.target.checked })} />
                    ),
                  },
                  { title: 'Giấy tờ', dataIndex: 'name' },
                  {
                    title: 'Bản chính',
                    key: 'originals',
                    width: 100,
                    render: (_, doc, i) => (
                      <InputNumber aria-label={`Số bản chính: ${doc.name}`} min={0} max={100} value={lineOf(i).originals} onChange={(v) => setLine(i, { originals: v ?? 0 })} />
                    ),
                  },
                  {
                    title: 'Bản sao',
                    key: 'copies',
                    width: 100,
                    render: (_, doc, i) => (
                      <InputNumber aria-label={`Số bản sao: ${doc.name}`} min={0} max={100} value={lineOf(i).copies} onChange={(v) => setLine(i, { copies: v ?? 0 })} />
                    ),
                  },
                  {
                    title: 'Bản quét',
                    key: 'files',
                    render: (_, doc, i) => (
                      <Upload
                        multiple
                        accept=".pdf,.jpg,.jpeg,.png"
                        fileList={lineOf(i).files.map((f) => ({ uid: f.id, name: f.fileName, status: 'done' as const }))}
                        onRemove={(file) => setLine(i, { files: lineOf(i).files.filter((f) => f.id !== file.uid) })}
                        customRequest={async ({ file, onSuccess, onError }) => {
                          const body = new FormData();
                          body.append('file', file as Blob, (file as File).name);
                          try {
                            const stored = await api.post<FileResponse>('/api/files', body);
                            setLines((all) => {
                              const next = docs.map((_, k) => all[k] ?? lineOf(k));
                              next[i] = { ...next[i]!, files: [...next[i]!.files, stored] };
                              return next;
                            });
                            onSuccess?.(stored);
                          } catch (err) {
                            onError?.(new Error(errorMessageOf(err)));
                          }
                        }}
                      >
                        <Button size="small" icon={<UploadOutlined />} aria-label={`Tải bản quét: ${doc.name}`}>
                          Tải bản quét
                        </Button>
                      </Upload>
                    ),
                  },
                ]}
              />
            )}
          </Card>

          <Card size="small" title="Nhận kết quả" style={{ marginTop: 16 }}>
            <Form.Item name="deliveryMethod" label="Hình thức nhận kết quả">
              <Radio.Group options={[{ value: 'at_desk', label: 'Tại Bộ phận Một cửa' }, { value: 'post', label: 'Qua dịch vụ bưu chính' }]} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.deliveryMethod !== b.deliveryMethod}>
              {({ getFieldValue }) =>
                getFieldValue('deliveryMethod') === 'post' && (
                  <Form.Item name="deliveryAddress" label="Địa chỉ nhận kết quả" rules={[{ required: true, whitespace: true, message: 'Nhập địa chỉ nhận kết quả' }]}>
                    <Input />
                  </Form.Item>
                )
              }
            </Form.Item>
          </Card>

          <Button type="primary" htmlType="submit" size="large" loading={submit.isPending} style={{ marginTop: 16 }}>
            Tiếp nhận và cấp mã hồ sơ
          </Button>
        </Form>
      </div>
    </>
  );
}
