/** Lĩnh vực: the catalog's fields with their procedure counts today; adding one and renaming (its code is stable). */
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FieldInput, FieldListResponse, FieldView } from '../../../shared/schemas/catalog';
import { api, errorMessageOf } from '../../api/client';
import { FormError } from '../../components/form-error';
import { ErrorBanner, showFieldErrors } from './admin-common';

type Field = z.infer<typeof FieldView>;

function FieldModal({ field, open, onClose }: { field?: Field; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<FieldInput>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (v: FieldInput) => (field ? api.patch<Field>(`/api/catalog/fields/${field.id}`, { name: v.name }) : api.post<Field>('/api/catalog/fields', v)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['catalog', 'fields'] });
      void message.success(field ? 'Đã đổi tên lĩnh vực' : 'Đã thêm lĩnh vực');
      onClose();
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Modal open={open} title={field ? 'Đổi tên lĩnh vực' : 'Thêm lĩnh vực'} okText="Lưu" cancelText="Hủy" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form<FieldInput> form={form} layout="vertical" initialValues={field ? { code: field.code, name: field.name } : undefined} onFinish={(v) => save.mutate(v)}>
        <FormError message={save.isError ? errorMessageOf(save.error) : undefined} />
        <Form.Item name="code" label="Mã lĩnh vực" rules={[{ required: true, message: 'Nhập mã lĩnh vực' }]} extra="Chữ in hoa không dấu, ví dụ HOTICH; không đổi sau khi tạo.">
          <Input disabled={!!field} />
        </Form.Item>
        <Form.Item name="name" label="Tên lĩnh vực" rules={[{ required: true, whitespace: true, message: 'Nhập tên lĩnh vực' }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CatalogFields() {
  const [editing, setEditing] = useState<{ field?: Field }>();
  const fields = useQuery({ queryKey: ['catalog', 'fields'], queryFn: ({ signal }) => api.get<z.infer<typeof FieldListResponse>>('/api/catalog/fields', undefined, signal) });
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          Thêm lĩnh vực
        </Button>
      </Space>
      <ErrorBanner error={fields.error} />
      <Table<Field>
        rowKey="id"
        size="small"
        loading={fields.isFetching}
        dataSource={fields.data?.items ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: 'Chưa có lĩnh vực nào' }}
        columns={[
          { title: 'Mã', dataIndex: 'code', width: 160 },
          { title: 'Tên lĩnh vực', dataIndex: 'name' },
          { title: 'Số thủ tục đang hiệu lực', dataIndex: 'procedureCount', width: 200 },
          { title: 'Thao tác', key: 'edit', width: 110, render: (_, f) => <Button size="small" aria-label={`Đổi tên ${f.name}`} onClick={() => setEditing({ field: f })}>Đổi tên</Button> },
        ]}
      />
      <FieldModal key={editing?.field?.id ?? 'new'} open={!!editing} field={editing?.field} onClose={() => setEditing(undefined)} />
    </>
  );
}
