import { Alert } from 'antd';

/** The form-level error (the API's Vietnamese message), announced to screen readers. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} role="alert" />;
}
