/**
 * One modal form per staff action on a petition. The action id is drawn when the modal opens and sent with every
 * retry of the same submission, so a double click or a lost answer never applies the action twice.
 */
import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select, Typography, type UploadFile } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PetitionDetail } from '../../../shared/schemas/petitions';
import { PETITION_CATEGORIES, petitionActionLabels, petitionCategoryLabels, type PetitionAction } from '../../../shared/workflow/petition-workflow';
import { formatDate } from '../../../shared/text';
import { api, errorMessageOf } from '../../api/client';
import { FormError } from '../../components/form-error';
import { showApiError, withoutBlanks } from '../../lib/forms';
import { AgencySelect } from '../feedback/agency-select';
import { uploadedIds } from '../submission/uploads';
import { FilesField } from './files-field';
import { petitionDetailKey } from './petitions-api';

/** The staff actions this modal handles; the petitioner's own actions live on the portal. */
export const STAFF_ACTIONS = ['classify', 'assign', 'forward', 'reject', 'answer', 'publish', 'unpublish'] as const satisfies readonly PetitionAction[];
export type StaffPetitionAction = (typeof STAFF_ACTIONS)[number];

/** Address of each action (POST /api/petitions/:id/<path>). */
const actionPaths: Record<StaffPetitionAction, string> = {
  classify: 'classify',
  assign: 'assign',
  forward: 'forward',
  reject: 'reject',
  answer: 'answer',
  publish: 'publish',
  unpublish: 'unpublish',
};

interface Values {
  category?: string;
  assigneeId?: string;
  target?: 'system' | 'external';
  toAgencyId?: string;
  toExternalAgency?: string;
  note?: string;
  reason?: string;
  answer?: string;
  files?: UploadFile[];
  publicTitle?: string;
  publicQuestion?: string;
  publicAnswer?: string;
}

function bodyOf(action: StaffPetitionAction, v: Values, actionId: string): Record<string, unknown> {
  switch (action) {
    case 'classify':
      return { category: v.category, actionId, ...withoutBlanks({ note: v.note }) };
    case 'assign':
      return { assigneeId: v.assigneeId, actionId, ...withoutBlanks({ note: v.note }) };
    case 'forward':
      return {
        note: v.note ?? '',
        actionId,
        ...(v.target === 'external' ? withoutBlanks({ toExternalAgency: v.toExternalAgency }) : withoutBlanks({ toAgencyId: v.toAgencyId })),
      };
    case 'reject':
      return { reason: v.reason ?? '', actionId };
    case 'answer':
      return { answer: v.answer ?? '', fileIds: uploadedIds(v.files), actionId };
    case 'publish':
      return { actionId, ...withoutBlanks({ publicTitle: v.publicTitle, publicQuestion: v.publicQuestion, publicAnswer: v.publicAnswer }) };
    case 'unpublish':
      return { actionId, ...withoutBlanks({ reason: v.reason }) };
  }
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

export function PetitionActionModal({ petition, action, onClose }: { petition: PetitionDetail; action: StaffPetitionAction | null; onClose: () => void }) {
  // Unmounted between openings: each opening has a fresh form and a fresh action id.
  return action ? <ActionDialog key={action} petition={petition} action={action} onClose={onClose} /> : null;
}

function ActionDialog({ petition, action, onClose }: { petition: PetitionDetail; action: StaffPetitionAction; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [actionId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string>();
  const files = Form.useWatch('files', form);
  const mutation = useMutation({
    mutationFn: (values: Values) => api.post<PetitionDetail>(`/api/petitions/${petition.id}/${actionPaths[action]}`, bodyOf(action, values, actionId)),
    onSuccess: (detail) => {
      queryClient.setQueryData(petitionDetailKey(petition.id), detail);
      void queryClient.invalidateQueries({ queryKey: ['petitions', 'office', 'list'] });
      onClose();
    },
    onError: (e) => setError(showApiError(form, e)),
  });
  const handlers = useQuery({
    queryKey: ['petitions', 'office', 'handlers', petition.id],
    queryFn: ({ signal }) => api.get<{ id: string; fullName: string }[]>(`/api/petitions/${petition.id}/handlers`, undefined, signal),
    enabled: action === 'assign',
  });
  const title = petitionActionLabels[action];
  const uploading = files?.some((f) => f.status === 'uploading');

  return (
    <Modal
      open
      title={title}
      okText="Xác nhận"
      cancelText="Hủy"
      confirmLoading={mutation.isPending}
      okButtonProps={{ disabled: uploading }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={action === 'answer' || action === 'publish' ? 760 : 520}
    >
      <Typography.Paragraph type="secondary">
        {petition.code} · {petition.title}
      </Typography.Paragraph>
      <FormError message={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        name={`petition-${action}`}
        initialValues={{
          category: petition.category ?? undefined,
          target: 'system',
          answer: petition.answer?.text,
          publicTitle: petition.title,
          publicQuestion: petition.content,
          publicAnswer: petition.answer?.text,
        }}
        onFinish={(values) => {
          setError(undefined);
          mutation.mutate(values);
        }}
      >
        {action === 'classify' && (
          <Form.Item name="category" label="Loại phản ánh, kiến nghị" rules={[{ required: true, message: 'Chọn loại phản ánh, kiến nghị' }]}>
            <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} options={PETITION_CATEGORIES.map((c) => ({ value: c, label: petitionCategoryLabels[c] }))} />
          </Form.Item>
        )}
        {action === 'assign' && (
          <Form.Item name="assigneeId" label="Cán bộ được giao xử lý" rules={[{ required: true, message: 'Chọn cán bộ xử lý' }]} help={handlers.isError ? errorMessageOf(handlers.error) : undefined}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={handlers.isPending}
              notFoundContent="Không có cán bộ xử lý phản ánh, kiến nghị trong cơ quan"
              options={(handlers.data ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
            />
          </Form.Item>
        )}
        {action === 'forward' && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`Chuyển trong 05 ngày làm việc kể từ ngày tiếp nhận (hạn ${formatDate(petition.forwardDueOn)}); chuyển sau hạn được ghi nhận là trễ hạn.`}
            />
            <Form.Item name="target" label="Cơ quan có thẩm quyền">
              <Radio.Group
                options={[
                  { value: 'system', label: 'Cơ quan trong hệ thống' },
                  { value: 'external', label: 'Cơ quan ngoài hệ thống (bộ, ngành, tỉnh khác)' },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.target !== b.target}>
              {({ getFieldValue }) =>
                getFieldValue('target') === 'external' ? (
                  <Form.Item name="toExternalAgency" label="Tên cơ quan có thẩm quyền" rules={required('Nhập tên cơ quan có thẩm quyền')}>
                    <Input placeholder="Ví dụ: Bộ Tư pháp" />
                  </Form.Item>
                ) : (
                  <Form.Item name="toAgencyId" label="Cơ quan nhận" rules={[{ required: true, message: 'Chọn cơ quan nhận' }]}>
                    <AgencySelect />
                  </Form.Item>
                )
              }
            </Form.Item>
          </>
        )}
        {action === 'reject' && (
          <Form.Item name="reason" label="Lý do không xử lý (được thông báo cho người phản ánh)" rules={required('Cần nêu rõ lý do')}>
            <Input.TextArea rows={4} />
          </Form.Item>
        )}
        {action === 'unpublish' && (
          <Form.Item name="reason" label="Lý do gỡ công khai">
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {action === 'answer' && (
          <>
            <Form.Item name="answer" label="Nội dung trả lời" rules={required('Nhập nội dung trả lời')}>
              <Input.TextArea rows={10} maxLength={20000} />
            </Form.Item>
            <FilesField label="Văn bản trả lời đã ký và tài liệu kèm theo" />
          </>
        )}
        {action === 'publish' && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="Họ tên, số định danh, số điện thoại, thư điện tử và địa chỉ của người phản ánh được tự động lược bỏ khỏi nội dung công khai. Hãy đọc lại và bỏ mọi chi tiết khác có thể nhận ra người phản ánh."
            />
            <Form.Item name="publicTitle" label="Tiêu đề công khai" rules={required('Nhập tiêu đề công khai')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="publicQuestion" label="Nội dung phản ánh, kiến nghị công khai" rules={required('Nhập nội dung công khai')}>
              <Input.TextArea rows={5} />
            </Form.Item>
            <Form.Item name="publicAnswer" label="Nội dung trả lời công khai" rules={required('Nhập nội dung trả lời công khai')}>
              <Input.TextArea rows={7} />
            </Form.Item>
          </>
        )}
        {(action === 'classify' || action === 'assign' || action === 'forward') && (
          <Form.Item name="note" label={action === 'forward' ? 'Lý do chuyển' : 'Ghi chú'} rules={action === 'forward' ? required('Nêu lý do chuyển') : undefined}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
