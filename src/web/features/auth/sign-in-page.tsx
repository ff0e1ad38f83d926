import { Button, Form, Input, type FormInstance } from 'antd';
import { Link, Navigate, useSearchParams } from 'react-router';
import { LoginInput } from '../../../shared/schemas/auth';
import type { SessionUser } from '../../../shared/schemas/auth';
import { formatDateTime } from '../../../shared/text';
import { ApiError, useSession } from '../../api/client';
import { useSignIn } from '../../api/auth';
import { safeNextPath } from '../../components/guards';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/page-title';
import { showApiError, useFormError, zodRule } from '../../lib/forms';
import { AuthCard } from './auth-card';

export const IDENTIFIER_LABEL = 'Số định danh cá nhân / Email / Tên đăng nhập';

function homeOf(user: SessionUser) {
  return user.kind === 'staff' ? '/can-bo' : '/';
}

/** The API's message, with the time a locked account opens again when the server says it. */
function signInErrorMessage(form: FormInstance, error: unknown): string {
  const message = showApiError(form, error);
  const until = error instanceof ApiError && error.code === 'ACCOUNT_LOCKED' ? (error.details as { lockedUntil?: string } | undefined)?.lockedUntil : undefined;
  return until ? `${message}. Bạn có thể đăng nhập lại từ ${formatDateTime(until)}.` : message;
}

export function SignInPage() {
  usePageTitle('Đăng nhập');
  const [form] = Form.useForm<LoginInput>();
  const [params] = useSearchParams();
  const { user } = useSession();
  const signIn = useSignIn();
  const { error, clear, fail } = useFormError(form, signInErrorMessage);

  // Also reached right after a successful sign-in, when the session query gets the new user.
  if (user) return <Navigate to={safeNextPath(params.get('next')) ?? homeOf(user)} replace />;

  return (
    <AuthCard title="Đăng nhập" lead="Đăng nhập để nộp hồ sơ trực tuyến và theo dõi kết quả giải quyết.">
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={signIn.isPending}
        onFinish={(values) => {
          clear();
          signIn.mutate(values, { onError: fail });
        }}
      >
        <FormError message={error} />
        <Form.Item name="identifier" label={IDENTIFIER_LABEL} rules={[zodRule(LoginInput.shape.identifier)]}>
          <Input autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item name="password" label="Mật khẩu" rules={[zodRule(LoginInput.shape.password)]}>
          <Input.Password autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={signIn.isPending}>
          Đăng nhập
        </Button>
        <div className="auth-links">
          <Link to="/quen-mat-khau">Quên mật khẩu?</Link>
          <span>
            Chưa có tài khoản? <Link to="/dang-ky">Đăng ký</Link>
          </span>
        </div>
      </Form>
    </AuthCard>
  );
}
