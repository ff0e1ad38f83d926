import { Alert, Button, Form, Result } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useConfirmPasswordReset } from '../../api/auth';
import { usePageTitle } from '../../components/page-title';
import { useFormError } from '../../lib/forms';
import { AuthCard } from './auth-card';
import { NewPasswordFields } from './password-fields';

export function ResetPasswordPage() {
  usePageTitle('Đặt lại mật khẩu');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<{ newPassword: string; confirmPassword: string }>();
  const confirm = useConfirmPasswordReset();
  const { error, clear, fail } = useFormError(form);

  if (token.length < 10) {
    return (
      <AuthCard title="Đặt lại mật khẩu">
        <Result
          status="warning"
          title="Liên kết không hợp lệ"
          subTitle="Liên kết đặt lại mật khẩu không đầy đủ. Vui lòng mở đúng liên kết trong thư đã nhận hoặc gửi yêu cầu mới."
          extra={<Link to="/quen-mat-khau">Gửi yêu cầu mới</Link>}
        />
      </AuthCard>
    );
  }
  if (confirm.isSuccess) {
    return (
      <AuthCard title="Đặt lại mật khẩu">
        <Result
          status="success"
          title="Đã đặt mật khẩu mới"
          subTitle="Các phiên đăng nhập cũ đã được đăng xuất. Vui lòng đăng nhập lại bằng mật khẩu mới."
          extra={<Link to="/dang-nhap">Đăng nhập</Link>}
        />
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Đặt lại mật khẩu" lead="Chọn mật khẩu mới cho tài khoản của bạn.">
      <Form
        form={form}
        layout="vertical"
        disabled={confirm.isPending}
        onFinish={(values) => {
          clear();
          confirm.mutate({ token, newPassword: values.newPassword }, { onError: fail });
        }}
      >
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            description={<Link to="/quen-mat-khau">Gửi yêu cầu đặt lại mật khẩu mới</Link>}
            style={{ marginBottom: 16 }}
            role="alert"
          />
        )}
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" block loading={confirm.isPending}>
          Đặt mật khẩu mới
        </Button>
      </Form>
    </AuthCard>
  );
}
