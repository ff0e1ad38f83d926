/**
 * One modal form per workflow action. The action id is drawn once when the modal opens and reused on every retry of
 * the same submission, so a double click or a lost answer never performs the action twice.
 */
import { useEffect, useMemo, useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserList } from '../../../shared/schemas/users';
import type { DossierDetail } from '../../../shared/schemas/dossiers';
import { DOSSIER_ACTION_LABELS, type DossierAction } from '../../../shared/workflow/dossier-workflow';
import { api, ApiError, errorMessageOf } from '../../api/client';
import { FormError } from '../../components/form-error';

/** Actions whose confirmation is a single click with an optional comment. */
const SIMPLE = new Set<DossierAction>(['accept', 'approve', 'sign', 'receive_from_agency', 'acknowledge_result', 'close_no_supplement', 'withdraw']);

interface Values {
  comment?: string;
  reason?: string;
  toStep?: number;
  documentNumber?: string;
  resultName?: string;
  method?: 'at_desk' | 'post';
  receiverName?: string;
  postalTrackingNumber?: string;
  newDueDate?: Dayjs;
  externalAgencyName?: string;
  assigneeId?: string;
  items?: { name: string; reason: string }[];
  documents?: { name: string; copies?: number; originals?: number }[];
}

function bodyOf(action: DossierAction, values: Values, actionId: string): Record<string, unknown> {
  const body: Record<string, unknown> = { action, actionId };
  if (values.comment?.trim()) body.comment = values.comment.trim();
  switch (action) {
    case 'request_supplement':
      body.items = (values.items ?? []).map((i) => ({ name: i.name, reason: i.reason }));
      break;
    case 'forward':
      if (values.toStep !== undefined) body.toStep = values.toStep;
      break;
    case 'assign':
      body.assigneeId = values.assigneeId;
      break;
    case 'refuse':
    case 'stop':
      body.reason = values.reason;
      break;
    case 'withdraw':
      if (values.reason?.trim()) body.reason = values.reason;
      break;
    case 'issue':
      body.documentNumber = values.documentNumber;
      if (values.resultName?.trim()) body.resultName = values.resultName;
      break;
    case 'return_result':
      body.method = values.method ?? 'at_desk';
      if (values.receiverName?.trim()) body.receiverName = values.receiverName;
      if (values.postalTrackingNumber?.trim()) body.postalTrackingNumber = values.postalTrackingNumber;
      break;
    case 'apologise_extend':
      body.newDueDate = values.newDueDate?.format('YYYY-MM-DD');
      body.reason = values.reason;
      break;
    case 'send_to_agency':
      body.externalAgencyName = values.externalAgencyName;
      break;
    case 'provide_supplement':
      body.documents = (values.documents ?? []).map((d) => ({ name: d.name, originals: d.originals ?? 0, copies: d.copies ?? 0 }));
      break;
  }
  return body;
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

export function ActionModal({ dossier, action, onClose }: { dossier: DossierDetail; action: DossierAction | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [actionId, setActionId] = useState('');
  useEffect(() => {
    if (!action) return;
    setActionId(crypto.randomUUID());
    form.resetFields();
  }, [action, form]);
  const mutation = useMutation({
    mutationFn: (values: Values) => api.post<DossierDetail>(`/api/dossiers/${dossier.id}/actions`, bodyOf(action!, values, actionId)),
    onSuccess: (detail) => {
      queryClient.setQueryData(['dossiers', 'detail', dossier.id], detail);
      void queryClient.invalidateQueries({ queryKey: ['dossiers'] });
      mutation.reset();
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.length > 0) form.setFields(error.fields.map((f) => ({ name: f.name as never, errors: [f.message] })));
    },
  });
  // Colleagues of the dossier's current agency, for assignment (every officer may read the staff list).
  const staff = useQuery({
    queryKey: ['users', 'assignable', dossier.currentAgency.id],
    queryFn: ({ signal }) => api.get<UserList>('/api/users', { kind: 'staff', agencyId: dossier.currentAgency.id, status: 'active', pageSize: 200 }, signal),
    enabled: action === 'assign',
  });
  const nextSteps = useMemo(() => dossier.steps.filter((s) => dossier.currentStep === null || s.position > dossier.currentStep), [dossier]);
  if (!action) return null;
  const title = DOSSIER_ACTION_LABELS[action];

  return (
    <Modal
      open
      title={title}
      okText="Xác nhận"
      cancelText="Hủy"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      destroyOnHidden
      width={action === 'request_supplement' || action === 'provide_supplement' ? 720 : 520}
    >
      <Typography.Paragraph type="secondary">
        Hồ sơ {dossier.code} · {dossier.applicantName}
      </Typography.Paragraph>
      <FormError message={mutation.isError ? errorMessageOf(mutation.error) : undefined} />
      <Form<Values>
        form={form}
        layout="vertical"
        name={`action-${action}`}
        initialValues={{ items: [{ name: '', reason: '' }], documents: [{ name: '', copies: 1 }], method: 'at_desk' }}
        onFinish={(values) => mutation.mutate(values)}
      >
        {action === 'request_supplement' && (
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                <Typography.Text strong>Các nội dung cần bổ sung, hoàn thiện (liệt kê đầy đủ một lần)</Typography.Text>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                    <Form.Item name={[field.name, 'name']} label={`Giấy tờ cần bổ sung ${i + 1}`} rules={required('Nhập tên giấy tờ cần bổ sung')} style={{ width: 280 }}>
                      <Input list="dossier-documents" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'reason']} label="Lý do, nội dung cần bổ sung" rules={required('Nhập lý do, nội dung cần bổ sung')} style={{ width: 300 }}>
                      <Input />
                    </Form.Item>
                    {fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} aria-label={`Bỏ dòng ${i + 1}`} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />}
                  </Space>
                ))}
                <datalist id="dossier-documents">
                  {dossier.procedure.documents.map((d) => (
                    <option key={d.index} value={d.name} />
                  ))}
                </datalist>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', reason: '' })} style={{ marginBottom: 16 }}>
                  Thêm nội dung
                </Button>
              </>
            )}
          </Form.List>
        )}
        {action === 'provide_supplement' && (
          <Form.List name="documents">
            {(fields, { add }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'name']} label={`Giấy tờ bổ sung ${i + 1}`} rules={required('Nhập tên giấy tờ')} style={{ width: 360 }}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[field.name, 'originals']} label="Bản chính">
                      <InputNumber min={0} max={100} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'copies']} label="Bản sao">
                      <InputNumber min={0} max={100} />
                    </Form.Item>
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', copies: 1 })} style={{ marginBottom: 16 }}>
                  Thêm giấy tờ
                </Button>
              </>
            )}
          </Form.List>
        )}
        {action === 'forward' && nextSteps.length > 0 && (
          <Form.Item name="toStep" label="Chuyển đến bước" extra="Để trống để chuyển sang bước kế tiếp của quy trình nội bộ">
            <Select allowClear placeholder="Bước kế tiếp" options={nextSteps.map((s) => ({ value: s.position, label: `${s.position + 1}. ${s.name} (${s.responsibleLabel})` }))} />
          </Form.Item>
        )}
        {action === 'assign' && (
          <Form.Item name="assigneeId" label="Cán bộ được phân công" rules={[{ required: true, message: 'Chọn cán bộ xử lý' }]} help={staff.isError ? errorMessageOf(staff.error) : undefined}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={staff.isPending}
              options={(staff.data?.items ?? []).map((u) => ({ value: u.id, label: [u.fullName, u.department?.name].filter(Boolean).join(' · ') }))}
            />
          </Form.Item>
        )}
        {(action === 'refuse' || action === 'stop') && (
          <Form.Item name="reason" label={action === 'refuse' ? 'Lý do từ chối' : 'Lý do dừng giải quyết'} rules={required('Cần nêu rõ lý do')}>
            <Input.TextArea rows={3} autoFocus />
          </Form.Item>
        )}
        {action === 'withdraw' && (
          <Form.Item name="reason" label="Lý do rút hồ sơ">
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {action === 'issue' && (
          <>
            <Form.Item name="documentNumber" label="Số văn bản kết quả" rules={required('Nhập số văn bản kết quả')}>
              <Input autoFocus placeholder="Ví dụ: 123/QĐ-UBND" />
            </Form.Item>
            <Form.Item name="resultName" label="Tên kết quả">
              <Input placeholder={dossier.procedure.result} />
            </Form.Item>
          </>
        )}
        {action === 'return_result' && (
          <>
            <Form.Item name="method" label="Hình thức trả">
              <Radio.Group options={[{ value: 'at_desk', label: 'Trả tại Bộ phận Một cửa' }, { value: 'post', label: 'Gửi qua dịch vụ bưu chính' }]} />
            </Form.Item>
            <Form.Item name="receiverName" label="Người nhận kết quả">
              <Input placeholder={dossier.applicantName} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.method !== b.method}>
              {({ getFieldValue }) =>
                getFieldValue('method') === 'post' && (
                  <Form.Item name="postalTrackingNumber" label="Số hiệu bưu gửi">
                    <Input />
                  </Form.Item>
                )
              }
            </Form.Item>
          </>
        )}
        {action === 'apologise_extend' && (
          <>
            <Form.Item name="newDueDate" label="Ngày hẹn trả mới" rules={[{ required: true, message: 'Chọn ngày hẹn trả mới' }]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="reason" label="Lý do quá hạn" rules={required('Nêu lý do quá hạn')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {action === 'send_to_agency' && (
          <Form.Item name="externalAgencyName" label="Cơ quan phối hợp" rules={required('Nhập tên cơ quan phối hợp')}>
            <Input placeholder="Ví dụ: Chi cục Thuế khu vực" />
          </Form.Item>
        )}
        <Form.Item name="comment" label={SIMPLE.has(action) || action === 'forward' ? 'Ý kiến xử lý' : 'Ghi chú'}>
          <Input.TextArea rows={2} autoFocus={SIMPLE.has(action) || action === 'forward'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
