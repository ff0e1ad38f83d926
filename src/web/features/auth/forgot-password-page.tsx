import { Button, Form, Input, Result } from 'antd';
import { Link } from 'react-router';
import { PasswordResetRequestInput } from '../../../shared/schemas/auth';
import { useRequestPasswordReset } from '../../api/auth';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/page-title';
import { useFormError, zodRule } from '../../lib/forms';
import { AuthCard } from './auth-card';
import { IDENTIFIER_LABEL } from './sign-in-page';

export function ForgotPasswordPage() {
  usePageTitle('Quên mật khẩu');
  const [form] = Form.useForm<{ identifier: string }>();
  const request = useRequestPasswordReset();
  const { error, clear, fail } = useFormError(form);

  if (request.isSuccess) {
    return (
      <AuthCard title="Quên mật khẩu">
        <Result
          status="success"
          title="Đã ghi nhận yêu cầu"
          subTitle="Nếu thông tin trùng khớp với một tài khoản, liên kết đặt lại mật khẩu đã được gửi tới thư điện tử (hoặc số điện thoại) đã đăng ký. Liên kết chỉ có hiệu lực trong 30 phút."
          extra={<Link to="/dang-nhap">Quay lại đăng nhập</Link>}
        />
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Quên mật khẩu" lead="Nhập thông tin tài khoản, hệ thống sẽ gửi liên kết để bạn đặt mật khẩu mới.">
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={request.isPending}
        onFinish={(values) => {
          clear();
          request.mutate(values, { onError: fail });
        }}
      >
        <FormError message={error} />
        <Form.Item
          name="identifier"
          label={IDENTIFIER_LABEL}
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập thông tin tài khoản' }, zodRule(PasswordResetRequestInput.shape.identifier)]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={request.isPending}>
          Gửi liên kết đặt lại mật khẩu
        </Button>
        <div className="auth-links">
          <Link to="/dang-nhap">Quay lại đăng nhập</Link>
        </div>
      </Form>
    </AuthCard>
  );
}
