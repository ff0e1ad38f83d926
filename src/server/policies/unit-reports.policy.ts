/**
 * Unit periodic reform reports. A unit's reporter (REFORM_REPORT_UNIT) sees and fills only the reports of their own
 * agency subtree; the round's organiser (Sở Nội vụ: REFORM_MANAGE with the organiser agency in scope) sees every
 * report of the round and returns or accepts them. Who takes each workflow action comes from the workflow table.
 */
import { Permission } from '../../shared/permissions';
import { UNIT_REPORT_ACTIONS, unitReportActionActor, type UnitReportStatus } from '../../shared/workflow/unit-report-workflow';
import type { Actor } from '../auth/actor';
import { allow, inAgencyScope, isStaff } from './policy';

export interface UnitReportSubject {
  status: UnitReportStatus;
  /** The reporting unit's agency path. */
  agencyPath: string;
  /** The round organiser's agency path. */
  organizerPath: string;
}

export interface ReportRoundSubject {
  organizerPath: string;
}

export const reportsForUnit = (actor: Actor, agencyPath: string) =>
  isStaff(actor) && actor.permissions.has(Permission.REFORM_REPORT_UNIT) && inAgencyScope(actor, agencyPath);
export const managesRound = (actor: Actor, organizerPath: string) =>
  isStaff(actor) && actor.permissions.has(Permission.REFORM_MANAGE) && inAgencyScope(actor, organizerPath);

allow<UnitReportSubject>('unit_report', 'read', (actor, r) => reportsForUnit(actor, r.agencyPath) || managesRound(actor, r.organizerPath));
for (const action of UNIT_REPORT_ACTIONS) {
  const by = unitReportActionActor(action);
  allow<UnitReportSubject>('unit_report', action, (actor, r) => (by.kind === 'unit' ? reportsForUnit(actor, r.agencyPath) : managesRound(actor, r.organizerPath)));
}

allow<ReportRoundSubject>('report_round', ['read', 'manage'], (actor, r) => managesRound(actor, r.organizerPath));
// Templates are the province's forms: any reform manager may add a version; reporters read them with their reports.
allow<unknown>('report_template', 'manage', (actor) => isStaff(actor) && actor.permissions.has(Permission.REFORM_MANAGE));
