import { z } from 'zod';
import { Email, IdNumber, Password, Phone, RequiredText, TaxCode } from './common';

export const RegisterInput = z.object({
  fullName: RequiredText(120, 'Họ và tên'),
  idNumber: IdNumber,
  phone: Phone,
  email: Email.optional(),
  password: Password,
  dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  address: z.string().max(300).optional(),
  /** Representing an organisation (doanh nghiệp, tổ chức). */
  organisationName: z.string().max(200).optional(),
  taxCode: TaxCode.optional(),
});
export type RegisterInput = z.infer<typeof RegisterInput>;

export const LoginInput = z.object({
  /** Username (staff), or ID number, email or phone (citizens). */
  identifier: z.string().trim().min(1, 'Vui lòng nhập tên đăng nhập').max(120),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu').max(128),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const SessionUser = z.object({
  id: z.string(),
  kind: z.enum(['citizen', 'staff']),
  fullName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  agency: z.object({ id: z.string(), name: z.string(), shortName: z.string() }).nullable(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Masked (0012******67). */
  idNumberMasked: z.string().nullable(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.object({ user: SessionUser.nullable(), csrfToken: z.string().nullable() });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const PasswordResetRequestInput = z.object({ identifier: z.string().trim().min(1).max(120) });
export const PasswordResetConfirmInput = z.object({ token: z.string().min(10).max(200), newPassword: Password });
export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1).max(128), newPassword: Password });
