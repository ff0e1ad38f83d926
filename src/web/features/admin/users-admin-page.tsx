/**
 * Người dùng: staff and citizen accounts (search, filters, paginated, masked ID numbers), creating a staff account,
 * and per account the edit drawer (contact, agency, department, roles; disable and enable).
 */
import { useState } from 'react';
import { Button, Drawer, Form, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleLabels, STAFF_ROLES, type Role } from '../../../shared/permissions';
import type { StaffCreateInput, UserDetail, UserList, UserListItem } from '../../../shared/schemas/users';
import { formatDate } from '../../../shared/text';
import { api, errorMessageOf } from '../../api/client';
import { FormError } from '../../components/form-error';
import { AdminHeading, AgencySelect, ErrorBanner, showFieldErrors, ToneTag } from './admin-common';
import { EditAccount, StaffContactFields, StaffNameField } from './user-edit-drawer';

function CreateStaff({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<StaffCreateInput>();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (v: StaffCreateInput) => api.post<UserDetail>('/api/users', v),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      form.resetFields();
      onClose();
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Drawer open={open} onClose={onClose} title="Tạo tài khoản cán bộ" size={480} destroyOnHidden>
      <FormError message={create.isError ? errorMessageOf(create.error) : undefined} />
      <Form<StaffCreateInput> form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <StaffNameField autoFocus />
        <Form.Item name="username" label="Tên đăng nhập" rules={[{ required: true, message: 'Nhập tên đăng nhập' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <StaffContactFields />
        <Form.Item name="agencyId" label="Cơ quan" rules={[{ required: true, message: 'Chọn cơ quan' }]}>
          <AgencySelect />
        </Form.Item>
        <Form.Item name="roles" label="Vai trò" rules={[{ required: true, message: 'Chọn ít nhất một vai trò' }]}>
          <Select mode="multiple" optionFilterProp="label" options={STAFF_ROLES.map((r) => ({ value: r, label: roleLabels[r] }))} />
        </Form.Item>
        <Form.Item name="password" label="Mật khẩu ban đầu" extra="Để trống để hệ thống gửi liên kết đặt mật khẩu">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          Tạo tài khoản
        </Button>
      </Form>
    </Drawer>
  );
}

export function UsersAdminPage() {
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string | undefined>('staff');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string>();
  const list = useQuery({
    queryKey: ['users', 'list', q, kind, page],
    queryFn: ({ signal }) => api.get<UserList>('/api/users', { q: q || undefined, kind, page, pageSize: 20 }, signal),
    placeholderData: (p) => p,
  });
  return (
    <>
      <AdminHeading title="Người dùng" />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label="Tìm người dùng" placeholder="Họ tên (không dấu), tên đăng nhập, thư điện tử, số định danh" enterButton="Tìm" allowClear onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ width: 420 }} />
        <Select
          aria-label="Loại tài khoản"
          value={kind ?? 'all'}
          style={{ width: 160 }}
          onChange={(v) => { setKind(v === 'all' ? undefined : v); setPage(1); }}
          options={[{ value: 'staff', label: 'Cán bộ' }, { value: 'citizen', label: 'Công dân' }, { value: 'all', label: 'Tất cả' }]}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          Tạo tài khoản cán bộ
        </Button>
      </Space>
      <ErrorBanner error={list.error} />
      <Table<UserListItem>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: 'Không có tài khoản nào' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `${t.toLocaleString('vi-VN')} tài khoản` }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Tên đăng nhập', dataIndex: 'username', render: (v: string | null) => v ?? '' },
          { title: 'Số định danh', dataIndex: 'idNumberMasked', render: (v: string | null) => v ?? '' },
          { title: 'Cơ quan', key: 'agency', render: (_, u) => [u.department?.name, u.agency?.name].filter(Boolean).join(', ') },
          { title: 'Vai trò', dataIndex: 'roles', render: (roles: string[]) => roles.map((r) => <Tag key={r}>{roleLabels[r as Role] ?? r}</Tag>) },
          { title: 'Trạng thái', dataIndex: 'status', render: (s: string) => (s === 'active' ? <ToneTag tone="green">Đang hoạt động</ToneTag> : <ToneTag tone="red">Đã khóa</ToneTag>) },
          { title: 'Ngày tạo', dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
          {
            title: 'Thao tác',
            key: 'actions',
            fixed: 'right',
            width: 110,
            render: (_, u) => (
              <Button size="small" onClick={() => setEditing(u.id)} aria-label={`Quản lý tài khoản ${u.fullName}`}>
                {u.kind === 'staff' ? 'Sửa, khóa' : 'Khóa, mở'}
              </Button>
            ),
          },
        ]}
      />
      <CreateStaff open={creating} onClose={() => setCreating(false)} />
      <EditAccount userId={editing} onClose={() => setEditing(undefined)} />
    </>
  );
}
