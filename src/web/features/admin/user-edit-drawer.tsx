/**
 * One account in the administration: a staff account's name, contact, agency (a move within the administrator's
 * subtree), department and roles; disabling (with a reason, ending its sessions) and re-enabling any account. Only
 * what the API's `abilities` allow is offered: nobody changes their own roles or agency, or locks themselves out.
 */
import { useEffect } from 'react';
import { Alert, App, Button, Descriptions, Divider, Drawer, Form, Input, Popconfirm, Select, Skeleton, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleLabels, STAFF_ROLES } from '../../../shared/permissions';
import type { AgencyDetail } from '../../../shared/schemas/units';
import type { StaffUpdateInput, UserDetail } from '../../../shared/schemas/users';
import { formatDateTime } from '../../../shared/text';
import { api, errorMessageOf } from '../../api/client';
import { FormError } from '../../components/form-error';
import { AgencySelect, showFieldErrors, ToneTag } from './admin-common';

interface StaffForm {
  fullName: string;
  email?: string | null;
  phone?: string | null;
  agencyId: string;
  departmentId?: string | null;
  roles: string[];
}

/** Only the fields that changed, with emptied contact fields sent as null (cleared). */
function changes(user: UserDetail, v: StaffForm): StaffUpdateInput {
  const out: Record<string, unknown> = {};
  if (v.fullName !== user.fullName) out.fullName = v.fullName;
  for (const key of ['email', 'phone'] as const) {
    const value = v[key]?.trim() || null;
    if (value !== user[key]) out[key] = value;
  }
  if (v.agencyId !== user.agency?.id) out.agencyId = v.agencyId;
  if ((v.departmentId ?? null) !== (user.department?.id ?? null) || out.agencyId) out.departmentId = v.departmentId ?? null;
  if ([...v.roles].sort().join() !== [...user.roles].sort().join()) out.roles = v.roles;
  return out as StaffUpdateInput;
}

/** Name of a staff account, as created and as edited. */
export function StaffNameField({ autoFocus }: { autoFocus?: boolean }) {
  return (
    <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên' }]}>
      <Input autoFocus={autoFocus} />
    </Form.Item>
  );
}

/** Contact fields of a staff account, as created and as edited. */
export function StaffContactFields() {
  return (
    <>
      <Form.Item name="email" label="Thư điện tử">
        <Input type="email" />
      </Form.Item>
      <Form.Item name="phone" label="Số điện thoại">
        <Input />
      </Form.Item>
    </>
  );
}

function StaffFields({ user, form }: { user: UserDetail; form: ReturnType<typeof Form.useForm<StaffForm>>[0] }) {
  const agencyId = Form.useWatch('agencyId', form) ?? user.agency?.id;
  const agency = useQuery({
    queryKey: ['agencies', 'detail', agencyId],
    queryFn: ({ signal }) => api.get<AgencyDetail>(`/api/agencies/${agencyId}`, undefined, signal),
    enabled: !!agencyId,
  });
  const canMove = user.abilities.set_roles;
  return (
    <>
      <StaffNameField />
      <StaffContactFields />
      <Form.Item name="agencyId" label="Cơ quan" rules={[{ required: true, message: 'Chọn cơ quan' }]} extra={canMove ? 'Đổi cơ quan khi điều động cán bộ: phạm vi xử lý đổi theo ngay.' : undefined}>
        <AgencySelect disabled={!canMove} initialLabel={user.agency?.name} />
      </Form.Item>
      <Form.Item name="departmentId" label="Phòng, ban">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          loading={agency.isFetching}
          placeholder="Không thuộc phòng, ban nào"
          options={(agency.data?.departments ?? []).map((d) => ({ value: d.id, label: d.isOneStopDesk ? `${d.name} (Bộ phận Một cửa)` : d.name }))}
        />
      </Form.Item>
      <Form.Item name="roles" label="Vai trò" rules={[{ required: true, message: 'Chọn ít nhất một vai trò' }]} extra={canMove ? undefined : 'Không tự đổi vai trò, cơ quan của chính mình.'}>
        <Select mode="multiple" optionFilterProp="label" disabled={!canMove} options={STAFF_ROLES.map((r) => ({ value: r, label: roleLabels[r] }))} />
      </Form.Item>
    </>
  );
}

function StatusActions({ user }: { user: UserDetail }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const setStatus = useMutation({
    mutationFn: (input: { enable: boolean; reason?: string }) =>
      input.enable ? api.post<UserDetail>(`/api/users/${user.id}/enable`) : api.post<UserDetail>(`/api/users/${user.id}/disable`, input.reason ? { reason: input.reason } : {}),
    onSuccess: (detail) => {
      queryClient.setQueryData(['users', 'detail', user.id], detail);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
      void message.success(detail.status === 'active' ? 'Đã mở khóa tài khoản' : 'Đã khóa tài khoản');
    },
  });
  if (!user.abilities.disable && !user.abilities.enable) return null;
  return (
    <>
      <Divider titlePlacement="start">Trạng thái tài khoản</Divider>
      <FormError message={setStatus.isError ? errorMessageOf(setStatus.error) : undefined} />
      {user.status === 'active' && user.abilities.disable && (
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="Lý do khóa (ghi vào nhật ký)">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Popconfirm
            title="Khóa tài khoản này?"
            description="Mọi phiên đăng nhập của tài khoản sẽ kết thúc ngay."
            okText="Khóa tài khoản"
            cancelText="Hủy"
            okButtonProps={{ danger: true }}
            onConfirm={() => setStatus.mutate({ enable: false, reason: form.getFieldValue('reason')?.trim() || undefined })}
          >
            <Button danger loading={setStatus.isPending}>
              Khóa tài khoản
            </Button>
          </Popconfirm>
        </Form>
      )}
      {user.status === 'disabled' && user.abilities.enable && (
        <Button type="primary" loading={setStatus.isPending} onClick={() => setStatus.mutate({ enable: true })}>
          Mở khóa tài khoản
        </Button>
      )}
    </>
  );
}

export function EditAccount({ userId, onClose }: { userId?: string; onClose: () => void }) {
  const [form] = Form.useForm<StaffForm>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const detail = useQuery({
    queryKey: ['users', 'detail', userId],
    queryFn: ({ signal }) => api.get<UserDetail>(`/api/users/${userId}`, undefined, signal),
    enabled: !!userId,
  });
  const user = detail.data;
  useEffect(() => {
    if (user?.kind === 'staff') {
      form.setFieldsValue({ fullName: user.fullName, email: user.email, phone: user.phone, agencyId: user.agency?.id, departmentId: user.department?.id ?? null, roles: user.roles });
    }
  }, [user, form]);
  const save = useMutation({
    mutationFn: (input: StaffUpdateInput) => api.patch<UserDetail>(`/api/users/${userId}`, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(['users', 'detail', userId], updated);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
      void message.success('Đã lưu tài khoản');
    },
    onError: (e) => showFieldErrors(form, e),
  });
  return (
    <Drawer open={!!userId} onClose={onClose} title={user ? `Tài khoản: ${user.fullName}` : 'Tài khoản'} size={520} destroyOnHidden>
      {detail.isPending && <Skeleton active />}
      {detail.isError && <Alert type="error" showIcon role="alert" title={errorMessageOf(detail.error)} />}
      {user && (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            style={{ marginBottom: 16 }}
            items={[
              { key: 'username', label: 'Tên đăng nhập', children: user.username ?? '' },
              ...(user.idNumberMasked ? [{ key: 'id', label: 'Số định danh', children: user.idNumberMasked }] : []),
              { key: 'status', label: 'Trạng thái', children: user.status === 'active' ? <ToneTag tone="green">Đang hoạt động</ToneTag> : <ToneTag tone="red">Đã khóa</ToneTag> },
              { key: 'updated', label: 'Cập nhật lần cuối', children: formatDateTime(user.updatedAt) },
            ]}
          />
          {user.kind === 'staff' && user.abilities.update && (
            <Form<StaffForm>
              form={form}
              layout="vertical"
              // A department belongs to one agency: choosing another agency clears it.
              onValuesChange={(changed) => 'agencyId' in changed && form.setFieldValue('departmentId', null)}
              onFinish={(v) => {
                const input = changes(user, v);
                if (Object.keys(input).length === 0) void message.info('Không có thay đổi nào');
                else save.mutate(input);
              }}
            >
              <FormError message={save.isError ? errorMessageOf(save.error) : undefined} />
              <StaffFields user={user} form={form} />
              <Space>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  Lưu thay đổi
                </Button>
                <Button onClick={onClose}>Đóng</Button>
              </Space>
            </Form>
          )}
          <StatusActions user={user} />
        </>
      )}
    </Drawer>
  );
}
