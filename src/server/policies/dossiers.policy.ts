/**
 * Who may see and act on a dossier. The applicant sees their own; staff see dossiers that passed through an
 * agency of their subtree (helped-at, receiving desk, competent or participating agency) and act on those held by,
 * received at or decided by such an agency. What they may do next is the workflow table's business.
 */
import { Permission } from '../../shared/permissions';
import type { Actor } from '../auth/actor';
import { allow, inAgencyScope, isStaff } from './policy';

export interface DossierSubject {
  id: string;
  applicantUserId: string | null;
  /** Paths of every agency the dossier passed through. */
  agencyPaths: string[];
  currentAgencyPath: string;
  receivingAgencyPath: string;
  competentAgencyPath: string;
}

export const isApplicantOf = (actor: Actor, d: DossierSubject) => actor.userKind === 'citizen' && !!actor.userId && actor.userId === d.applicantUserId;

const staffReads = (actor: Actor, d: DossierSubject) =>
  isStaff(actor) && actor.permissions.has(Permission.DOSSIER_READ_AGENCY) && d.agencyPaths.some((p) => inAgencyScope(actor, p));

const staffHolds = (actor: Actor, d: DossierSubject) =>
  isStaff(actor) && [d.currentAgencyPath, d.receivingAgencyPath, d.competentAgencyPath].some((p) => inAgencyScope(actor, p));

allow<DossierSubject>('dossier', 'read', (actor, d) => isApplicantOf(actor, d) || staffReads(actor, d));
allow<DossierSubject>('dossier', 'act', (actor, d) => isApplicantOf(actor, d) || staffHolds(actor, d));
allow<DossierSubject>('dossier', 'read_personal_data', (actor, d) => isApplicantOf(actor, d) || (staffReads(actor, d) && actor.permissions.has(Permission.PERSONAL_DATA_READ)));
allow<DossierSubject>('dossier', 'update_documents', (actor, d) =>
  staffHolds(actor, d) && (actor.permissions.has(Permission.DOSSIER_INTAKE) || actor.permissions.has(Permission.DOSSIER_PROCESS)),
);
allow<DossierSubject>('dossier', 'reissue_tracking_secret', (actor, d) => isApplicantOf(actor, d) || (staffHolds(actor, d) && actor.permissions.has(Permission.DOSSIER_INTAKE)));
