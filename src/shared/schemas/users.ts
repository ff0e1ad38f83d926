/**
 * Accounts (tài khoản): a citizen's own profile, staff accounts managed by administrators, and API tokens for
 * integrations. Input schemas clean and validate; output schemas have no transforms (they also serialise).
 */
import { z } from 'zod';
import { STAFF_ROLES } from '../permissions';
import { Email, Paginated, Pagination, Password, Phone, RequiredText, TaxCode, Text, Uuid } from './common';

export const UserKind = z.enum(['citizen', 'staff']);
export const UserStatus = z.enum(['active', 'disabled']);
export type UserStatus = z.infer<typeof UserStatus>;

/** Actions on an account, returned as `abilities` so the UI shows only allowed buttons. */
export const USER_ACTIONS = ['update', 'set_roles', 'disable', 'enable', 'issue_token'] as const;
/** Actions on one's own account. */
export const OWN_ACCOUNT_ACTIONS = ['update_profile', 'change_password'] as const;

const StaffRole = z.enum(STAFF_ROLES as [string, ...string[]], {
  error: 'Vai trò không hợp lệ cho tài khoản cán bộ',
});
const StaffRoles = z
  .array(StaffRole)
  .min(1, 'Cần ít nhất một vai trò')
  .max(STAFF_ROLES.length)
  .transform((roles) => [...new Set(roles)].sort());

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, 'Tên đăng nhập gồm 3–50 ký tự: chữ không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang');

const AgencyRef = z.object({ id: z.string(), name: z.string(), shortName: z.string() });
const DepartmentRef = z.object({ id: z.string(), name: z.string() });

/** One account, as shown on its detail page (and to its owner on /api/users/me). */
export const UserDetail = z.object({
  id: z.string(),
  kind: UserKind,
  fullName: z.string(),
  username: z.string().nullable(),
  /** Unmasked only to the owner and to staff who handle personal data (each view is audited). */
  idNumber: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  organisationName: z.string().nullable(),
  taxCode: z.string().nullable(),
  agency: AgencyRef.nullable(),
  department: DepartmentRef.nullable(),
  roles: z.array(z.string()),
  status: UserStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.record(z.string(), z.boolean()),
});
export type UserDetail = z.infer<typeof UserDetail>;

/** A row of the account list: ID number and phone masked. */
export const UserListItem = UserDetail.pick({
  id: true,
  kind: true,
  fullName: true,
  username: true,
  idNumberMasked: true,
  email: true,
  agency: true,
  department: true,
  roles: true,
  status: true,
  createdAt: true,
}).extend({ phoneMasked: z.string().nullable() });
export type UserListItem = z.infer<typeof UserListItem>;

export const UserListQuery = Pagination.extend({
  /** Name (diacritics ignored), username, email, or an exact ID number. */
  q: z.string().trim().max(100).optional(),
  kind: UserKind.optional(),
  /** The agency's whole subtree. */
  agencyId: Uuid.optional(),
  role: z.string().max(40).optional(),
  status: UserStatus.optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserList = Paginated(UserListItem);
export type UserList = z.infer<typeof UserList>;

const FIELD_LABELS: Record<string, string> = {
  idNumber: 'số định danh cá nhân',
  fullName: 'họ và tên',
  roles: 'vai trò',
  status: 'trạng thái tài khoản',
  username: 'tên đăng nhập',
};

const nullableText = (max: number) => Text(max).nullable().optional();

/**
 * What a user may change about themselves: contact details and the organisation represented. The name and the
 * ID number belong to the identity record (CCCD) and are not self-service fields.
 */
export const OwnProfileUpdateInput = z.strictObject(
  {
    phone: Phone.optional(),
    email: Email.nullable().optional(),
    address: nullableText(300),
    organisationName: nullableText(200),
    taxCode: TaxCode.nullable().optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Không thể tự thay đổi: ${issue.keys.map((k) => FIELD_LABELS[k] ?? k).join(', ')}`
        : undefined,
  },
);
export type OwnProfileUpdateInput = z.infer<typeof OwnProfileUpdateInput>;

/** Tạo tài khoản cán bộ. Without a password, one is generated and sent through the outbox. */
export const StaffCreateInput = z.object({
  username: Username,
  fullName: RequiredText(120, 'Họ và tên'),
  email: Email.optional(),
  phone: Phone.optional(),
  agencyId: Uuid,
  departmentId: Uuid.optional(),
  roles: StaffRoles,
  password: Password.optional(),
});
export type StaffCreateInput = z.infer<typeof StaffCreateInput>;

export const StaffUpdateInput = z
  .object({
    fullName: RequiredText(120, 'Họ và tên').optional(),
    email: Email.nullable().optional(),
    phone: Phone.nullable().optional(),
    /** Moves the officer to another agency of the administrator's subtree (điều động); the department is reset unless given. */
    agencyId: Uuid.optional(),
    departmentId: Uuid.nullable().optional(),
    roles: StaffRoles.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Không có thông tin nào để cập nhật' });
export type StaffUpdateInput = z.infer<typeof StaffUpdateInput>;

/** The body may be omitted (Fastify then passes null). */
export const DisableUserInput = z.object({ reason: Text(500).optional() }).nullish();
export type DisableUserInput = z.infer<typeof DisableUserInput>;

export const UserIdParams = z.object({ id: Uuid });

// ---------------------------------------------------------------- API tokens

export const API_TOKEN_ACTIONS = ['revoke'] as const;
export const ApiTokenStatus = z.enum(['active', 'expired', 'revoked']);

export const ApiTokenCreateInput = z.object({
  name: RequiredText(120, 'Tên mã truy cập'),
  /** The staff or integration account the token acts as. */
  userId: Uuid,
  expiresAt: z.iso
    .datetime({ offset: true, message: 'Thời điểm hết hạn phải theo định dạng ISO 8601' })
    .refine((v) => new Date(v).getTime() > Date.now(), { message: 'Thời điểm hết hạn phải ở tương lai' })
    .optional(),
});
export type ApiTokenCreateInput = z.infer<typeof ApiTokenCreateInput>;

export const ApiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  /** First characters of the token, to recognise it. */
  prefix: z.string(),
  status: ApiTokenStatus,
  user: z.object({ id: z.string(), fullName: z.string(), username: z.string().nullable() }),
  createdBy: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  abilities: z.record(z.string(), z.boolean()),
});
export type ApiTokenView = z.infer<typeof ApiTokenView>;

/** The token's secret is shown here once and never again. */
export const ApiTokenCreated = z.object({ token: ApiTokenView, secret: z.string() });

export const ApiTokenListQuery = Pagination.extend({
  userId: Uuid.optional(),
  status: ApiTokenStatus.optional(),
});
export type ApiTokenListQuery = z.infer<typeof ApiTokenListQuery>;

export const ApiTokenList = Paginated(ApiTokenView);

export const ApiTokenIdParams = z.object({ id: Uuid });
