import type { Executor } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { can } from '../../policies';
import type { ReportRound, UnitReportDetail, UnitReportListItem } from '../../../shared/schemas/unit-reports';
import {
  isEditableUnitReportStatus,
  timelinessOf,
  unitReportActionLabels,
  unitReportReminderLabels,
  type UnitReportAction,
  type UnitReportReminder,
  type UnitReportStatus,
} from '../../../shared/workflow/unit-report-workflow';
import type { CompletenessCounts } from '../../../shared/schemas/unit-reports';
import { overlaySystem, systemFiguresOf } from './report-figures';
import { unitReportAbilities } from './unit-report-actions';
import { figuresInOrder, listReportActions, todayLocal, type LoadedReport, type RoundSummary } from './unit-reports.queries';

const actionLabel = (action: string) =>
  unitReportActionLabels[action as UnitReportAction] ?? unitReportReminderLabels[action as UnitReportReminder] ?? action;

/** A report as its reader sees it; while the unit may still edit it, prefilled figures show the system's figures now. */
export async function presentUnitReport(executor: Executor, actor: Actor, r: LoadedReport): Promise<UnitReportDetail> {
  const status = r.row.status as UnitReportStatus;
  const live = r.round.status === 'open' && isEditableUnitReportStatus(status) ? await systemFiguresOf(executor, r) : null;
  const actions = await listReportActions(executor, r.row.id);
  return {
    id: r.row.id,
    version: r.row.version,
    status,
    timeliness: timelinessOf(r.row.firstSubmittedOn, r.round.dueOn, todayLocal()),
    agency: { id: r.agency.id, name: r.agency.name, shortName: r.agency.shortName },
    round: { id: r.round.id, title: r.round.title, periodLabel: r.round.periodLabel, periodFrom: r.round.periodFrom, periodTo: r.round.periodTo, dueOn: r.round.dueOn, status: r.round.status },
    template: r.template,
    figures: overlaySystem(figuresInOrder(r.template, r.row.figures), live),
    narrative: r.row.narrative,
    reviewComment: r.row.reviewComment,
    firstSubmittedAt: r.row.firstSubmittedAt?.toISOString() ?? null,
    lastSubmittedAt: r.row.lastSubmittedAt?.toISOString() ?? null,
    acceptedAt: r.row.acceptedAt?.toISOString() ?? null,
    updatedAt: r.row.updatedAt.toISOString(),
    updatedByLabel: r.updatedByLabel,
    actions: actions.map((a) => ({
      id: a.id,
      action: a.action,
      label: actionLabel(a.action),
      fromStatus: a.fromStatus,
      toStatus: a.toStatus,
      actorLabel: a.actorLabel,
      note: a.note,
      at: a.at.toISOString(),
    })),
    abilities: unitReportAbilities(actor, r),
  };
}

export function presentRound(actor: Actor, round: RoundSummary, counts: CompletenessCounts): ReportRound {
  const { path: _path, ...organizer } = round.organizer;
  return { ...round, organizer, counts, abilities: { manage: can(actor, 'manage', 'report_round', { organizerPath: round.organizer.path }) } };
}

export function presentReportListItem(row: {
  id: string;
  status: string;
  firstSubmittedOn: string | null;
  firstSubmittedAt: Date | null;
  updatedAt: Date;
  agency: { id: string; name: string };
  round: { id: string; title: string; dueOn: string };
}): UnitReportListItem {
  return {
    id: row.id,
    status: row.status as UnitReportStatus,
    timeliness: timelinessOf(row.firstSubmittedOn, row.round.dueOn, todayLocal()),
    agency: row.agency,
    round: row.round,
    firstSubmittedAt: row.firstSubmittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
