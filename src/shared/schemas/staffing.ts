/** Organisation, staffing and finance records (biên chế, số lượng CBCCVC, biến động, tự chủ tài chính). */
import { z } from 'zod';
import { IsoDate, RequiredText, Text, Uuid } from './common';

export const QuotaKind = {
  CIVIL_SERVANT: 'civil_servant',
  PUBLIC_EMPLOYEE: 'public_employee',
  CONTRACT68_ADMIN: 'contract68_admin',
  CONTRACT68_SERVICE_UNIT: 'contract68_service_unit',
  CONTRACT68_ASSOCIATION: 'contract68_association',
} as const;
export type QuotaKind = (typeof QuotaKind)[keyof typeof QuotaKind];
export const QUOTA_KINDS = Object.values(QuotaKind) as [QuotaKind, ...QuotaKind[]];
export const quotaKindLabels: Record<QuotaKind, string> = {
  civil_servant: 'Biên chế công chức',
  public_employee: 'Số lượng người làm việc (biên chế sự nghiệp)',
  contract68_admin: 'Hợp đồng theo Nghị định 68 trong cơ quan hành chính',
  contract68_service_unit: 'Hợp đồng theo Nghị định 68 trong đơn vị sự nghiệp',
  contract68_association: 'Hợp đồng theo Nghị định 68 trong các hội có tính chất đặc thù',
};

export const PersonnelChangeKind = {
  RETIREMENT: 'retirement',
  RESIGNATION: 'resignation',
  APPOINTMENT: 'appointment',
  RECRUITMENT: 'recruitment',
  PROMOTION_EXAM: 'promotion_exam',
  DISCIPLINE: 'discipline',
} as const;
export type PersonnelChangeKind = (typeof PersonnelChangeKind)[keyof typeof PersonnelChangeKind];
export const PERSONNEL_CHANGE_KINDS = Object.values(PersonnelChangeKind) as [PersonnelChangeKind, ...PersonnelChangeKind[]];
export const personnelChangeKindLabels: Record<PersonnelChangeKind, string> = {
  retirement: 'Nghỉ hưu',
  resignation: 'Thôi việc',
  appointment: 'Bổ nhiệm, bổ nhiệm lại',
  recruitment: 'Tuyển dụng (công nhận kết quả xét tuyển)',
  promotion_exam: 'Thi nâng ngạch, thăng hạng',
  discipline: 'Kỷ luật',
};

export const StaffCategory = { CIVIL_SERVANT: 'civil_servant', PUBLIC_EMPLOYEE: 'public_employee', LEADER: 'leader' } as const;
export type StaffCategory = (typeof StaffCategory)[keyof typeof StaffCategory];
export const STAFF_CATEGORIES = Object.values(StaffCategory) as [StaffCategory, ...StaffCategory[]];
export const staffCategoryLabels: Record<StaffCategory, string> = {
  civil_servant: 'Công chức',
  public_employee: 'Viên chức',
  leader: 'Lãnh đạo cấp phòng',
};

export const AutonomyUnitKind = { ADMINISTRATIVE_BODY: 'administrative_body', PUBLIC_SERVICE_UNIT: 'public_service_unit' } as const;
export type AutonomyUnitKind = (typeof AutonomyUnitKind)[keyof typeof AutonomyUnitKind];
export const AUTONOMY_UNIT_KINDS = Object.values(AutonomyUnitKind) as [AutonomyUnitKind, ...AutonomyUnitKind[]];
export const autonomyUnitKindLabels: Record<AutonomyUnitKind, string> = {
  administrative_body: 'Cơ quan hành chính',
  public_service_unit: 'Đơn vị sự nghiệp công lập',
};

export const AutonomyClass = { SELF_FINANCING: 'self_financing', PARTLY_SELF_FINANCING: 'partly_self_financing', STATE_FUNDED: 'state_funded' } as const;
export type AutonomyClass = (typeof AutonomyClass)[keyof typeof AutonomyClass];
export const AUTONOMY_CLASSES = Object.values(AutonomyClass) as [AutonomyClass, ...AutonomyClass[]];
export const autonomyClassLabels: Record<AutonomyClass, string> = {
  self_financing: 'Tự bảo đảm chi thường xuyên',
  partly_self_financing: 'Tự bảo đảm một phần chi thường xuyên',
  state_funded: 'Do ngân sách nhà nước bảo đảm chi thường xuyên',
};

const Count = (label: string) => z.number({ message: `${label} phải là số` }).int(`${label} phải là số nguyên`).min(0, `${label} không được âm`).max(1_000_000, `${label} quá lớn`);

export const QuotaInput = z.object({
  agencyId: Uuid,
  year: z.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ'),
  kind: z.enum(QUOTA_KINDS, { message: 'Loại biên chế không hợp lệ' }),
  quota: Count('Số biên chế'),
  documentId: Uuid.nullable().optional(),
  note: Text(500).nullable().optional(),
});
export type QuotaInput = z.infer<typeof QuotaInput>;

export const StaffCountInput = z.object({
  agencyId: Uuid,
  asOf: IsoDate,
  postgraduate: Count('Số người trình độ sau đại học'),
  university: Count('Số người trình độ đại học'),
  collegeOrBelow: Count('Số người trình độ cao đẳng trở xuống'),
  theorySenior: Count('Số người có lý luận chính trị cao cấp, cử nhân'),
  theoryIntermediate: Count('Số người có lý luận chính trị trung cấp'),
  educationHealth: Count('Số người trong ngành giáo dục, y tế').default(0),
  note: Text(500).nullable().optional(),
});
export type StaffCountInput = z.infer<typeof StaffCountInput>;

export const PersonnelChangeInput = z.object({
  agencyId: Uuid,
  kind: z.enum(PERSONNEL_CHANGE_KINDS, { message: 'Loại biến động không hợp lệ' }),
  staffCategory: z.enum(STAFF_CATEGORIES, { message: 'Đối tượng không hợp lệ' }),
  occurredOn: IsoDate,
  personCount: Count('Số người').pipe(z.number().min(1, 'Số người phải từ 1 trở lên')),
  decisionNumber: Text(80).nullable().optional(),
  documentId: Uuid.nullable().optional(),
  note: Text(1000).nullable().optional(),
  /** The same key on a retry (or a re-imported row) records nothing new. */
  sourceKey: z.string().trim().max(120).nullable().optional(),
});
export type PersonnelChangeInput = z.infer<typeof PersonnelChangeInput>;

export const RestructuringSchemeInput = z.object({
  agencyId: Uuid,
  title: RequiredText(500, 'Tên đề án'),
  approvedOn: IsoDate,
  decisionNumber: Text(80).nullable().optional(),
  documentId: Uuid.nullable().optional(),
  note: Text(1000).nullable().optional(),
});
export type RestructuringSchemeInput = z.infer<typeof RestructuringSchemeInput>;

export const AutonomyUnitInput = z
  .object({
    managingAgencyId: Uuid,
    name: RequiredText(300, 'Tên cơ quan, đơn vị'),
    kind: z.enum(AUTONOMY_UNIT_KINDS, { message: 'Loại cơ quan, đơn vị không hợp lệ' }),
    mandatory: z.boolean().default(true),
    autonomyClass: z.enum(AUTONOMY_CLASSES, { message: 'Mức tự chủ không hợp lệ' }).nullable().optional(),
    autonomySince: IsoDate.nullable().optional(),
    legalBasis: Text(200).nullable().optional(),
    validFrom: IsoDate,
    validTo: IsoDate.nullable().optional(),
  })
  .refine((v) => v.kind !== 'public_service_unit' || !!v.autonomyClass, { message: 'Đơn vị sự nghiệp công lập phải có mức tự chủ chi thường xuyên', path: ['autonomyClass'] })
  .refine((v) => v.kind !== 'administrative_body' || !v.autonomyClass, { message: 'Cơ quan hành chính không phân loại mức tự chủ chi thường xuyên', path: ['autonomyClass'] })
  .refine((v) => !v.validTo || v.validTo >= v.validFrom, { message: 'Ngày kết thúc không được trước ngày bắt đầu', path: ['validTo'] });
export type AutonomyUnitInput = z.infer<typeof AutonomyUnitInput>;

export const StaffingListQuery = z.object({
  agencyId: Uuid.optional(),
  year: z.coerce.number().int().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  asOf: IsoDate.optional(),
  kind: z.string().max(40).optional(),
});
export type StaffingListQuery = z.infer<typeof StaffingListQuery>;

const Agency = { agencyId: z.string(), agencyName: z.string() };
export const QuotaView = z.object({ id: z.string(), ...Agency, year: z.number(), kind: z.enum(QUOTA_KINDS), kindLabel: z.string(), quota: z.number(), documentId: z.string().nullable(), note: z.string().nullable() });
export const StaffCountView = z.object({
  id: z.string(),
  ...Agency,
  asOf: z.string(),
  total: z.number(),
  postgraduate: z.number(),
  university: z.number(),
  collegeOrBelow: z.number(),
  theorySenior: z.number(),
  theoryIntermediate: z.number(),
  educationHealth: z.number(),
  note: z.string().nullable(),
});
export const PersonnelChangeView = z.object({
  id: z.string(),
  ...Agency,
  kind: z.enum(PERSONNEL_CHANGE_KINDS),
  kindLabel: z.string(),
  staffCategory: z.enum(STAFF_CATEGORIES),
  staffCategoryLabel: z.string(),
  occurredOn: z.string(),
  personCount: z.number(),
  decisionNumber: z.string().nullable(),
  note: z.string().nullable(),
});
export const RestructuringSchemeView = z.object({ id: z.string(), ...Agency, title: z.string(), approvedOn: z.string(), decisionNumber: z.string().nullable(), note: z.string().nullable() });
export const AutonomyUnitView = z.object({
  id: z.string(),
  managingAgencyId: z.string(),
  managingAgencyName: z.string(),
  name: z.string(),
  kind: z.enum(AUTONOMY_UNIT_KINDS),
  kindLabel: z.string(),
  mandatory: z.boolean(),
  autonomyClass: z.enum(AUTONOMY_CLASSES).nullable(),
  autonomyClassLabel: z.string().nullable(),
  autonomySince: z.string().nullable(),
  legalBasis: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const StaffingSummary = z.object({
  year: z.number(),
  asOf: z.string(),
  from: z.string(),
  to: z.string(),
  quotas: z.record(z.enum(QUOTA_KINDS), z.number()),
  staff: z.object({
    agencies: z.number(),
    total: z.number(),
    postgraduate: z.number(),
    university: z.number(),
    collegeOrBelow: z.number(),
    theorySenior: z.number(),
    theoryIntermediate: z.number(),
    educationHealth: z.number(),
  }),
  personnelChanges: z.array(z.object({ kind: z.string(), staffCategory: z.string(), persons: z.number(), agencies: z.number() })),
  restructuringSchemes: z.object({ count: z.number(), agencies: z.array(z.string()) }),
  autonomy: z.object({
    administrativeBodies: z.object({ mandatory: z.number(), mandatoryApplying: z.number(), voluntaryApplying: z.number() }),
    publicServiceUnits: z.object({ mandatory: z.number(), mandatoryApplying: z.number(), byClass: z.record(z.enum(AUTONOMY_CLASSES), z.number()) }),
  }),
});
export type StaffingSummary = z.infer<typeof StaffingSummary>;

export const StaffingSummaryQuery = z
  .object({ from: IsoDate, to: IsoDate, year: z.coerce.number().int().optional(), asOf: IsoDate.optional() })
  .refine((v) => v.from <= v.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['to'] });
