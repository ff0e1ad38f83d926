/** Inspections of administrative reform (kiểm tra công tác CCHC): plans, inspections, findings and follow-up. */
import { z } from 'zod';
import { IsoDate, RequiredText, Text, Uuid } from './common';
import { ReformAreaCode } from './documents';

export const FindingStatus = { OPEN: 'open', IN_PROGRESS: 'in_progress', RESOLVED: 'resolved' } as const;
export type FindingStatus = (typeof FindingStatus)[keyof typeof FindingStatus];
export const FINDING_STATUSES = Object.values(FindingStatus) as [FindingStatus, ...FindingStatus[]];
export const findingStatusLabels: Record<FindingStatus, string> = { open: 'Chưa khắc phục', in_progress: 'Đang khắc phục', resolved: 'Đã khắc phục' };

export const InspectionKind = { SCHEDULED: 'scheduled', UNSCHEDULED: 'unscheduled' } as const;
export type InspectionKind = (typeof InspectionKind)[keyof typeof InspectionKind];
export const INSPECTION_KINDS = Object.values(InspectionKind) as [InspectionKind, ...InspectionKind[]];
export const inspectionKindLabels: Record<InspectionKind, string> = { scheduled: 'Theo kế hoạch', unscheduled: 'Đột xuất' };

export const InspectionPlanInput = z.object({
  agencyId: Uuid,
  year: z.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ'),
  title: RequiredText(500, 'Tên kế hoạch kiểm tra'),
  documentId: Uuid.nullable().optional(),
  teamDocumentId: Uuid.nullable().optional(),
  plannedUnitCount: z.number().int().min(0).max(10_000).nullable().optional(),
});
export type InspectionPlanInput = z.infer<typeof InspectionPlanInput>;

export const InspectionInput = z
  .object({
    planId: Uuid.nullable().optional(),
    inspectedAgencyId: Uuid,
    kind: z.enum(INSPECTION_KINDS, { message: 'Hình thức kiểm tra không hợp lệ' }).default('scheduled'),
    startedOn: IsoDate,
    endedOn: IsoDate.nullable().optional(),
    areas: z.array(ReformAreaCode).min(1, 'Chọn ít nhất một lĩnh vực được kiểm tra'),
    conclusion: Text(5000).nullable().optional(),
    conclusionDocumentId: Uuid.nullable().optional(),
  })
  .refine((v) => !v.endedOn || v.endedOn >= v.startedOn, { message: 'Ngày kết thúc kiểm tra không được trước ngày bắt đầu', path: ['endedOn'] });
export type InspectionInput = z.infer<typeof InspectionInput>;

export const FindingInput = z.object({
  area: ReformAreaCode,
  finding: RequiredText(3000, 'Nội dung tồn tại, hạn chế'),
  recommendation: Text(3000).nullable().optional(),
  dueOn: IsoDate.nullable().optional(),
});
export type FindingInput = z.infer<typeof FindingInput>;

export const FollowUpInput = z
  .object({
    status: z.enum(FINDING_STATUSES, { message: 'Trạng thái khắc phục không hợp lệ' }),
    resolvedOn: IsoDate.nullable().optional(),
    note: Text(3000).nullable().optional(),
  })
  .refine((v) => v.status !== 'resolved' || !!v.resolvedOn, { message: 'Ghi ngày đã khắc phục xong', path: ['resolvedOn'] });
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const FindingView = z.object({
  id: z.string(),
  position: z.number(),
  area: z.string(),
  finding: z.string(),
  recommendation: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(FINDING_STATUSES),
  statusLabel: z.string(),
  resolvedOn: z.string().nullable(),
  followUpNote: z.string().nullable(),
});

export const InspectionView = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  planTitle: z.string().nullable(),
  inspectedAgencyId: z.string(),
  inspectedAgencyName: z.string(),
  inspectedAgencyKind: z.string(),
  kind: z.enum(INSPECTION_KINDS),
  kindLabel: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  areas: z.array(z.string()),
  conclusion: z.string().nullable(),
  conclusionDocumentId: z.string().nullable(),
  findings: z.array(FindingView),
  abilities: z.record(z.string(), z.boolean()),
});
export type InspectionView = z.infer<typeof InspectionView>;

export const InspectionPlanView = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  year: z.number(),
  title: z.string(),
  documentId: z.string().nullable(),
  documentNumberSymbol: z.string().nullable(),
  teamDocumentId: z.string().nullable(),
  plannedUnitCount: z.number().nullable(),
  inspectedCount: z.number(),
});

export const InspectionListQuery = z.object({ planId: Uuid.optional(), from: IsoDate.optional(), to: IsoDate.optional(), year: z.coerce.number().int().optional() });

export const InspectionFigures = z.object({
  inspections: z.number(),
  byAgencyKind: z.array(z.object({ agencyKind: z.string(), count: z.number(), agencies: z.array(z.string()) })),
  findings: z.number(),
  findingsResolved: z.number(),
  findingsOpen: z.number(),
});
export type InspectionFigures = z.infer<typeof InspectionFigures>;
