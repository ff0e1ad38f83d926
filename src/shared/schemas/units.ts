/**
 * Contracts of the `units` domain: administrative units (đơn vị hành chính, versioned by date) and agencies
 * (cơ quan) with their departments (phòng, ban). Shared by the server routes and the web app.
 */
import { z } from 'zod';
import { cleanText } from '../text';
import { IsoDate, Pagination, RequiredText, Uuid } from './common';

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

/** Loại đơn vị hành chính. `city` is both a centrally-run city (province level) and a provincial city (district level). */
export const UnitKind = z.enum(['province', 'city', 'town', 'district', 'urban_district', 'ward', 'township', 'commune', 'special_zone']);
export type UnitKind = z.infer<typeof UnitKind>;

/** Cấp hành chính: tỉnh, huyện (until 30 June 2025), xã. */
export const UnitLevel = z.enum(['province', 'district', 'commune']);
export type UnitLevel = z.infer<typeof UnitLevel>;

export const unitKindLabels: Record<UnitKind, string> = {
  province: 'Tỉnh',
  city: 'Thành phố',
  town: 'Thị xã',
  district: 'Huyện',
  urban_district: 'Quận',
  ward: 'Phường',
  township: 'Thị trấn',
  commune: 'Xã',
  special_zone: 'Đặc khu',
};

export const unitLevelLabels: Record<UnitLevel, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

/** Which kinds exist at which level. */
export const kindsOfLevel: Record<UnitLevel, readonly UnitKind[]> = {
  province: ['province', 'city'],
  district: ['city', 'town', 'district', 'urban_district'],
  commune: ['ward', 'township', 'commune', 'special_zone'],
};

/** Allowed parent levels: communes sat under districts until 30 June 2025 and sit under provinces since. */
export const parentLevelsOf: Record<UnitLevel, readonly UnitLevel[]> = {
  province: [],
  district: ['province'],
  commune: ['district', 'province'],
};

/** Digits of the statistical unit code (mã đơn vị hành chính, GSO list) at each level. */
export const unitCodeLength: Record<UnitLevel, number> = { province: 2, district: 3, commune: 5 };

/** The Vietnamese problem with a unit's code at a level, or undefined when it fits. */
export function unitCodeProblem(level: UnitLevel, code: string): string | undefined {
  const length = unitCodeLength[level];
  return new RegExp(`^\\d{${length}}$`).test(code) ? undefined : `Mã đơn vị ${unitLevelLabels[level].toLowerCase()} gồm đúng ${length} chữ số`;
}

/** Problems with a unit's kind and code at its level, as field issues relative to the unit object. */
export function unitShapeProblems(unit: { level: UnitLevel; kind: UnitKind; code: string }): { path: 'kind' | 'code'; message: string }[] {
  const problems: { path: 'kind' | 'code'; message: string }[] = [];
  if (!kindsOfLevel[unit.level].includes(unit.kind)) {
    problems.push({ path: 'kind', message: `${unitKindLabels[unit.kind]} không thuộc ${unitLevelLabels[unit.level].toLowerCase()}` });
  }
  const codeProblem = unitCodeProblem(unit.level, unit.code);
  if (codeProblem) problems.push({ path: 'code', message: codeProblem });
  return problems;
}

/** Loại cơ quan. */
export const AgencyKind = z.enum(['provincial_committee', 'department', 'public_service_centre', 'district_committee', 'commune_committee']);
export type AgencyKind = z.infer<typeof AgencyKind>;

export const agencyKindLabels: Record<AgencyKind, string> = {
  provincial_committee: 'UBND cấp tỉnh',
  department: 'Sở, ban, ngành',
  public_service_centre: 'Trung tâm Phục vụ hành chính công',
  district_committee: 'UBND cấp huyện',
  commune_committee: 'UBND cấp xã',
};

/** A People's Committee governs a unit of its own level; other agencies may serve any unit. */
export const committeeLevel: Partial<Record<AgencyKind, UnitLevel>> = {
  provincial_committee: 'province',
  district_committee: 'district',
  commune_committee: 'commune',
};

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

/** A real calendar date `YYYY-MM-DD`. */
export const CalendarDate = IsoDate.refine((v) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}, 'Ngày không tồn tại');

/** Stable key: uppercase ASCII letters, digits and underscores. */
export const StableKey = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_]{2,64}$/, 'Mã khóa chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch dưới (2–64 ký tự)');

/** Mã định danh điện tử (TT 10/2016/TT-BTTTT): `L4.L3.L2.L1`, e.g. `000.00.06.H33`. */
export const IdentifierCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z]\d{2}$/, 'Mã định danh có dạng 000.00.00.H00 (TT 10/2016/TT-BTTTT)');

const UnitCode = z.string().trim().regex(/^\d{2,5}$/, 'Mã đơn vị hành chính gồm 2 đến 5 chữ số');
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM');

export const WorkingHours = z
  .array(z.object({ start: Time, end: Time }).refine((p) => p.start < p.end, 'Giờ bắt đầu phải trước giờ kết thúc'))
  .max(6)
  .refine((list) => list.every((p, i) => i === 0 || list[i - 1]!.end <= p.start), 'Các khung giờ phải theo thứ tự và không chồng nhau');

const OptionalText = (max: number) => z.string().max(max).transform((v) => cleanText(v) || null);

export const IdParams = z.object({ id: Uuid });
export const DepartmentParams = z.object({ id: Uuid, departmentId: Uuid });

const dateOrder = (from: string, to: string | null | undefined) => !to || to >= from;

// ---------------------------------------------------------------------------------------------------------------
// Administrative units: inputs

export const UnitTreeQuery = z.object({
  /** Defaults to today in Vietnam time. */
  asOf: CalendarDate.optional(),
  /** Only the subtree of this unit. */
  rootId: Uuid.optional(),
});
export type UnitTreeQuery = z.infer<typeof UnitTreeQuery>;

export const UnitSearchQuery = Pagination.extend({
  q: z.string().trim().max(100).optional(),
  level: UnitLevel.optional(),
  /** Only units valid on that day; without it every version matches. */
  asOf: CalendarDate.optional(),
});
export type UnitSearchQuery = z.infer<typeof UnitSearchQuery>;

export const UnitCreateInput = z
  .object({
    /** Generated from the code when omitted. */
    key: StableKey.optional(),
    code: UnitCode,
    name: RequiredText(150, 'Tên đơn vị'),
    kind: UnitKind,
    level: UnitLevel,
    parentId: Uuid.nullable().optional(),
    validFrom: CalendarDate,
    validTo: CalendarDate.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    for (const p of unitShapeProblems(v)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
    if (!dateOrder(v.validFrom, v.validTo)) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'Ngày kết thúc không được trước ngày bắt đầu' });
  });
export type UnitCreateInput = z.infer<typeof UnitCreateInput>;

export const UnitUpdateInput = z
  .object({
    code: UnitCode.optional(),
    name: RequiredText(150, 'Tên đơn vị').optional(),
    kind: UnitKind.optional(),
    /**
     * Without it the version is corrected in place (a typo was never true). With it the unit changes from that
     * day (renamed, reclassified thị xã → thành phố): this version ends the day before and a new version starts.
     */
    effectiveFrom: CalendarDate.optional(),
  })
  .refine((v) => v.code !== undefined || v.name !== undefined || v.kind !== undefined, 'Không có thông tin nào cần sửa');
export type UnitUpdateInput = z.infer<typeof UnitUpdateInput>;

export const UnitEndInput = z.object({
  /** Last day the unit exists (inclusive). */
  validTo: CalendarDate,
  /** Units still under it after that day move to this unit from the next day. */
  reparentChildrenToId: Uuid.optional(),
});
export type UnitEndInput = z.infer<typeof UnitEndInput>;

export const UnitMergeInput = z
  .object({
    sourceIds: z.array(Uuid).min(2, 'Cần ít nhất hai đơn vị để sáp nhập').max(50),
    /** First day of the new unit; the merged units end the day before. */
    effectiveFrom: CalendarDate,
    unit: z.object({
      key: StableKey.optional(),
      code: UnitCode,
      name: RequiredText(150, 'Tên đơn vị'),
      kind: UnitKind,
      level: UnitLevel,
      parentId: Uuid.nullable().optional(),
    }),
    /** Move the merged units' children under the new unit from effectiveFrom (a new version of each child). */
    reparentChildren: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.sourceIds).size !== v.sourceIds.length) ctx.addIssue({ code: 'custom', path: ['sourceIds'], message: 'Danh sách đơn vị bị trùng' });
    for (const p of unitShapeProblems(v.unit)) ctx.addIssue({ code: 'custom', path: ['unit', p.path], message: p.message });
  });
export type UnitMergeInput = z.infer<typeof UnitMergeInput>;

// ---------------------------------------------------------------------------------------------------------------
// Administrative units: outputs

export const UnitRef = z.object({
  id: z.string(),
  key: z.string(),
  code: z.string(),
  name: z.string(),
  level: UnitLevel,
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type UnitRef = z.infer<typeof UnitRef>;

export const UnitVersion = UnitRef.extend({
  kind: UnitKind,
  /** The parent as it stood on this version's first day. */
  parent: UnitRef.nullable(),
  predecessorIds: z.array(z.string()),
});
export type UnitVersion = z.infer<typeof UnitVersion>;

export interface UnitTreeNode {
  id: string;
  key: string;
  code: string;
  name: string;
  kind: UnitKind;
  level: UnitLevel;
  validFrom: string;
  validTo: string | null;
  children: UnitTreeNode[];
}
export const UnitTreeNode: z.ZodType<UnitTreeNode> = z.object({
  id: z.string(),
  key: z.string(),
  code: z.string(),
  name: z.string(),
  kind: UnitKind,
  level: UnitLevel,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  get children() {
    return z.array(UnitTreeNode);
  },
});

export const UnitTreeResponse = z.object({
  asOf: z.string(),
  counts: z.object({ province: z.number(), district: z.number(), commune: z.number() }),
  roots: z.array(UnitTreeNode),
});
export type UnitTreeResponse = z.infer<typeof UnitTreeResponse>;

export const UnitSearchResponse = z.object({
  items: z.array(UnitRef.extend({ kind: UnitKind, parent: UnitRef.nullable() })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type UnitSearchResponse = z.infer<typeof UnitSearchResponse>;

export const UnitAbilities = z.object({ update: z.boolean(), end: z.boolean(), create_child: z.boolean() });

export const AgencyRef = z.object({ id: z.string(), key: z.string(), name: z.string(), shortName: z.string(), kind: AgencyKind });
export type AgencyRef = z.infer<typeof AgencyRef>;

export const UnitDetail = UnitVersion.extend({
  /** Every version of the unit, oldest first. */
  versions: z.array(UnitVersion),
  /** Units it was formed from. */
  predecessors: z.array(UnitRef),
  /** Units formed from it. */
  successors: z.array(UnitRef),
  /** Agencies attached to the unit (any version). */
  agencies: z.array(AgencyRef),
  abilities: UnitAbilities,
});
export type UnitDetail = z.infer<typeof UnitDetail>;

// ---------------------------------------------------------------------------------------------------------------
// Agencies and departments

export const AgencyListQuery = Pagination.extend({
  q: z.string().trim().max(100).optional(),
  kind: AgencyKind.optional(),
  /** Agencies attached to this unit (any of its versions). */
  unitId: Uuid.optional(),
  parentId: Uuid.optional(),
  /** Only agencies operating on that day. */
  asOf: CalendarDate.optional(),
});
export type AgencyListQuery = z.infer<typeof AgencyListQuery>;

export const AgencyCreateInput = z
  .object({
    /** Generated from the identifier code when omitted. */
    key: StableKey.optional(),
    name: RequiredText(250, 'Tên cơ quan'),
    shortName: RequiredText(120, 'Tên viết tắt'),
    kind: AgencyKind,
    unitId: Uuid,
    identifierCode: IdentifierCode,
    address: OptionalText(300).optional(),
    phone: OptionalText(40).optional(),
    workingHours: WorkingHours.nullable().optional(),
    validFrom: CalendarDate,
    validTo: CalendarDate.nullable().optional(),
  })
  .refine((v) => dateOrder(v.validFrom, v.validTo), { path: ['validTo'], message: 'Ngày kết thúc không được trước ngày bắt đầu' });
export type AgencyCreateInput = z.infer<typeof AgencyCreateInput>;

export const AgencyUpdateInput = z
  .object({
    name: RequiredText(250, 'Tên cơ quan').optional(),
    shortName: RequiredText(120, 'Tên viết tắt').optional(),
    kind: AgencyKind.optional(),
    unitId: Uuid.optional(),
    identifierCode: IdentifierCode.optional(),
    address: OptionalText(300).nullable().optional(),
    phone: OptionalText(40).nullable().optional(),
    workingHours: WorkingHours.nullable().optional(),
    validFrom: CalendarDate.optional(),
    /** Last day the agency operates (inclusive); null reopens it. */
    validTo: CalendarDate.nullable().optional(),
    /** Move the agency (and its whole subtree) under another agency. */
    parentId: Uuid.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'Không có thông tin nào cần sửa');
export type AgencyUpdateInput = z.infer<typeof AgencyUpdateInput>;

export const DepartmentCreateInput = z.object({
  /** Generated from the name's initials when omitted (Phòng Tư pháp → PTP). */
  key: StableKey.optional(),
  name: RequiredText(200, 'Tên phòng, ban'),
  /** Bộ phận Một cửa: at most one per agency. */
  isOneStopDesk: z.boolean().default(false),
});
export type DepartmentCreateInput = z.infer<typeof DepartmentCreateInput>;

export const DepartmentUpdateInput = z
  .object({ key: StableKey.optional(), name: RequiredText(200, 'Tên phòng, ban').optional(), isOneStopDesk: z.boolean().optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'Không có thông tin nào cần sửa');
export type DepartmentUpdateInput = z.infer<typeof DepartmentUpdateInput>;

export const Department = z.object({ id: z.string(), agencyId: z.string(), key: z.string(), name: z.string(), isOneStopDesk: z.boolean() });
export type Department = z.infer<typeof Department>;

export const AgencySummary = AgencyRef.extend({
  identifierCode: z.string(),
  parentId: z.string().nullable(),
  unit: UnitRef,
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type AgencySummary = z.infer<typeof AgencySummary>;

export const AgencyListResponse = z.object({ items: z.array(AgencySummary), total: z.number(), page: z.number(), pageSize: z.number() });
export type AgencyListResponse = z.infer<typeof AgencyListResponse>;

export const AgencyAbilities = z.object({ update: z.boolean(), create_child: z.boolean(), manage_departments: z.boolean() });

export const AgencyDetail = AgencySummary.extend({
  address: z.string().nullable(),
  phone: z.string().nullable(),
  workingHours: z.array(z.object({ start: z.string(), end: z.string() })).nullable(),
  parent: AgencyRef.nullable(),
  childCount: z.number(),
  departments: z.array(Department),
  abilities: AgencyAbilities,
});
export type AgencyDetail = z.infer<typeof AgencyDetail>;
