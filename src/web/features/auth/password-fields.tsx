import { Form, Input } from 'antd';
import { Password } from '../../../shared/schemas/common';
import { zodRule } from '../../lib/forms';

/** New password and its confirmation, checked with the server's password rule. */
export function NewPasswordFields({ name = 'newPassword', label = 'Mật khẩu mới' }: { name?: string; label?: string }) {
  return (
    <>
      <Form.Item name={name} label={label} required extra="Ít nhất 8 ký tự, gồm cả chữ và số." rules={[zodRule(Password)]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label="Nhập lại mật khẩu"
        required
        dependencies={[name]}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (!value) throw new Error('Vui lòng nhập lại mật khẩu');
              if (value !== getFieldValue(name)) throw new Error('Mật khẩu nhập lại không khớp');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
