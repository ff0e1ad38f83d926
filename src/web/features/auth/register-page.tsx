import { App, Button, Checkbox, Form, Input } from 'antd';
import { Link, Navigate } from 'react-router';
import { RegisterInput } from '../../../shared/schemas/auth';
import { useSession } from '../../api/client';
import { useRegister } from '../../api/auth';
import { FormError } from '../../components/form-error';
import { usePageTitle } from '../../components/page-title';
import { applyFieldErrors, fieldErrorsFromZod, useFormError, withoutBlanks, zodRule } from '../../lib/forms';
import { AuthCard } from './auth-card';
import { NewPasswordFields } from './password-fields';

interface RegisterForm {
  fullName: string;
  idNumber: string;
  phone: string;
  email?: string;
  password: string;
  confirmPassword: string;
  consent: boolean;
}

const field = RegisterInput.shape;

export function RegisterPage() {
  usePageTitle('Đăng ký tài khoản');
  const [form] = Form.useForm<RegisterForm>();
  const { user } = useSession();
  const register = useRegister();
  const { message } = App.useApp();
  const { error, clear, fail } = useFormError(form);

  if (user) return <Navigate to="/tai-khoan" replace />;

  const onFinish = (values: RegisterForm) => {
    clear();
    const { fullName, idNumber, phone, email, password } = values;
    // The very schema the server applies: the same messages before and after submitting.
    const parsed = RegisterInput.safeParse(withoutBlanks({ fullName, idNumber, phone, email, password }));
    if (!parsed.success) {
      applyFieldErrors(form, fieldErrorsFromZod(parsed.error));
      return;
    }
    register.mutate(parsed.data, {
      onSuccess: () => void message.success('Đăng ký tài khoản thành công'),
      onError: fail,
    });
  };

  return (
    <AuthCard
      wide
      title="Đăng ký tài khoản"
      lead="Tài khoản dành cho công dân, người đại diện tổ chức để nộp hồ sơ trực tuyến và theo dõi kết quả."
    >
      <Form form={form} layout="vertical" validateTrigger="onBlur" disabled={register.isPending} onFinish={onFinish} scrollToFirstError>
        <FormError message={error} />
        <Form.Item name="fullName" label="Họ và tên" required rules={[zodRule(field.fullName)]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label="Số định danh cá nhân (số CCCD)"
          required
          extra="12 chữ số in trên thẻ Căn cước hoặc Căn cước công dân."
          rules={[zodRule(field.idNumber)]}
        >
          <Input inputMode="numeric" maxLength={12} autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label="Số điện thoại di động" required rules={[zodRule(field.phone)]}>
          <Input type="tel" inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item name="email" label="Thư điện tử (không bắt buộc)" rules={[zodRule(field.email, { optional: true })]}>
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <NewPasswordFields name="password" label="Mật khẩu" />
        <Form.Item
          name="consent"
          valuePropName="checked"
          rules={[{ validator: async (_r, v: unknown) => { if (!v) throw new Error('Vui lòng xác nhận đồng ý để tiếp tục'); } }]}
        >
          <Checkbox>
            Tôi đồng ý để cơ quan nhà nước xử lý dữ liệu cá nhân của tôi nhằm giải quyết thủ tục hành chính.
          </Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={register.isPending}>
          Đăng ký
        </Button>
        <div className="auth-links">
          <span>
            Đã có tài khoản? <Link to="/dang-nhap">Đăng nhập</Link>
          </span>
        </div>
      </Form>
    </AuthCard>
  );
}
