/**
 * Reform records (document registry, reform plans, staffing and finance, inspections). The Department of Home
 * Affairs' reform officers (`reform.manage`) keep them province-wide; a unit's reporting officers
 * (`reform.report_unit`) read them and enter their own agency's data (staffing, task progress, inspection follow-up)
 * within their agency subtree.
 */
import { Permission } from '../../shared/permissions';
import type { Actor } from '../auth/actor';
import { allow, inAgencyScope, isStaff } from './policy';

const manages = (actor: Actor) => actor.permissions.has(Permission.REFORM_MANAGE);
const reportsFor = (actor: Actor, agencyPath: string | null | undefined) =>
  actor.permissions.has(Permission.REFORM_REPORT_UNIT) && inAgencyScope(actor, agencyPath);
const readsReform = (actor: Actor) => manages(actor) || actor.permissions.has(Permission.REFORM_REPORT_UNIT);

/** True for anyone who may open the reform screens. */
export function canReadReformRecords(actor: Actor): boolean {
  return isStaff(actor) && readsReform(actor);
}
export function managesReform(actor: Actor): boolean {
  return isStaff(actor) && manages(actor);
}

// The registry holds published documents: every staff member may consult it.
allow<unknown>('reform_document', 'read', (actor) => isStaff(actor));
allow<unknown>('reform_document', ['update', 'record_effect', 'record_review', 'import'], (actor) => manages(actor));

export interface ReformTaskSubject {
  responsibleAgencyPath: string;
}
allow<unknown>('reform_plan', 'read', (actor) => readsReform(actor));
allow<unknown>('reform_plan', ['update', 'add_task'], (actor) => manages(actor));
allow<ReformTaskSubject>('reform_task', 'read', (actor) => readsReform(actor));
allow<ReformTaskSubject>('reform_task', 'update', (actor) => manages(actor));
allow<ReformTaskSubject>('reform_task', 'report_progress', (actor, t) => manages(actor) || reportsFor(actor, t.responsibleAgencyPath));

/** A staffing, personnel or autonomy record of one agency. */
export interface StaffingSubject {
  agencyPath: string;
}
allow<StaffingSubject>('staffing_record', ['read', 'update'], (actor, s) => manages(actor) || reportsFor(actor, s.agencyPath));

export interface InspectionSubject {
  inspectedAgencyPath: string;
}
allow<unknown>('inspection_plan', 'read', (actor) => readsReform(actor));
allow<unknown>('inspection_plan', 'update', (actor) => manages(actor));
allow<InspectionSubject>('inspection', 'read', (actor, i) => manages(actor) || reportsFor(actor, i.inspectedAgencyPath));
allow<InspectionSubject>('inspection', ['update', 'add_finding'], (actor) => manages(actor));
allow<InspectionSubject>('inspection', 'follow_up', (actor, i) => manages(actor) || reportsFor(actor, i.inspectedAgencyPath));
