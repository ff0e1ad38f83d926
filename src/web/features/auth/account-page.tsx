import { App, Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { roleLabels, type Role } from '../../../shared/permissions';
import type { SessionUser } from '../../../shared/schemas/auth';
import { useSession } from '../../api/client';
import { useChangePassword, useSignOut } from '../../api/auth';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/page-title';
import { useFormError } from '../../lib/forms';
import { NewPasswordFields } from './password-fields';

function ProfileCard({ user }: { user: SessionUser }) {
  const items = [
    { key: 'name', label: 'Họ và tên', children: user.fullName },
    { key: 'kind', label: 'Loại tài khoản', children: user.kind === 'staff' ? 'Cán bộ, công chức' : 'Công dân, tổ chức' },
    ...(user.idNumberMasked ? [{ key: 'id', label: 'Số định danh cá nhân', children: user.idNumberMasked }] : []),
    ...(user.agency ? [{ key: 'agency', label: 'Cơ quan', children: user.agency.name }] : []),
    ...(user.department ? [{ key: 'department', label: 'Phòng, bộ phận', children: user.department.name }] : []),
    ...(user.kind === 'staff'
      ? [{ key: 'roles', label: 'Vai trò', children: user.roles.map((r) => <Tag key={r}>{roleLabels[r as Role] ?? r}</Tag>) }]
      : []),
  ];
  return (
    <Card title="Thông tin tài khoản">
      <Descriptions column={1} items={items} />
    </Card>
  );
}

function ChangePasswordCard() {
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; confirmPassword: string }>();
  const change = useChangePassword();
  const { message } = App.useApp();
  const { error, clear, fail } = useFormError(form);
  return (
    <Card title="Đổi mật khẩu">
      <Form
        form={form}
        layout="vertical"
        disabled={change.isPending}
        style={{ maxWidth: 420 }}
        onFinish={(values) => {
          clear();
          change.mutate(
            { currentPassword: values.currentPassword, newPassword: values.newPassword },
            {
              onSuccess: () => {
                form.resetFields();
                void message.success('Đã đổi mật khẩu');
              },
              onError: fail,
            },
          );
        }}
      >
        <FormError message={error} />
        <Form.Item name="currentPassword" label="Mật khẩu hiện tại" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu hiện tại' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          Đổi mật khẩu
        </Button>
      </Form>
    </Card>
  );
}

/** Rendered inside RequireUser. */
export function AccountPage() {
  usePageTitle('Tài khoản của tôi');
  const { user } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!user) return null;
  return (
    <div className="page-container">
      <div className="section-title" style={{ marginTop: 0 }}>
        <h1 style={{ margin: 0, fontSize: 26 }}>Tài khoản của tôi</h1>
        <Button icon={<LogoutOutlined />} loading={signOut.isPending} onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/') })}>
          Đăng xuất
        </Button>
      </div>
      <div style={{ display: 'grid', gap: 16 }}>
        <ProfileCard user={user} />
        <ChangePasswordCard />
      </div>
    </div>
  );
}
