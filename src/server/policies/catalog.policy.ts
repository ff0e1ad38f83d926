/**
 * Procedure catalog. The catalog is public; changing it needs `catalog.manage` (reform officers, administrators)
 * and scope: the procedure's publishing agency (UBND tỉnh) must lie in the actor's agency subtree, so a reform
 * officer of another province, or of a Sở below the publishing committee, cannot edit it. An internal process may
 * also be maintained from the agency that applies it (a district's reform officer for the district committee).
 */
import { Permission } from '../../shared/permissions';
import type { Actor } from '../auth/actor';
import { allow, inAgencyScope } from './policy';

export interface ProcedureSubject {
  id: string;
  publishingAgencyPath: string;
}

export interface PublicationDecisionSubject {
  id: string;
  status: string;
  publishingAgencyPath: string;
}

export interface InternalProcessSubject {
  agencyPath: string;
  publishingAgencyPath: string;
}

/** A publishing agency, for actions that create something under it (a decision, an import). */
export interface CatalogPublisherSubject {
  publishingAgencyPath: string;
}

const manages = (actor: Actor, publishingAgencyPath: string) =>
  actor.permissions.has(Permission.CATALOG_MANAGE) && inAgencyScope(actor, publishingAgencyPath);

allow<ProcedureSubject>('procedure', 'read', () => true);
allow<ProcedureSubject>('procedure', ['update', 'set_agencies', 'manage_internal_processes'], (actor, p) => manages(actor, p.publishingAgencyPath));

allow<CatalogPublisherSubject>('catalog', 'read', () => true);
allow<CatalogPublisherSubject>('catalog', ['create_decision', 'import'], (actor, c) => manages(actor, c.publishingAgencyPath));
// Fields (lĩnh vực) are a shared national list: any catalog manager may add or rename one.
allow<unknown>('procedure_field', 'read', () => true);
allow<unknown>('procedure_field', ['create', 'update'], (actor) => actor.permissions.has(Permission.CATALOG_MANAGE));

// Applied decisions are public documents; drafts only to those who manage them.
allow<PublicationDecisionSubject>('publication_decision', 'read', (actor, d) => d.status === 'applied' || manages(actor, d.publishingAgencyPath));
allow<PublicationDecisionSubject>('publication_decision', ['update', 'delete', 'apply'], (actor, d) => d.status === 'draft' && manages(actor, d.publishingAgencyPath));

allow<InternalProcessSubject>('internal_process', 'read', () => true);
allow<InternalProcessSubject>('internal_process', 'approve', (actor, p) =>
  actor.permissions.has(Permission.CATALOG_MANAGE) && (inAgencyScope(actor, p.publishingAgencyPath) || inAgencyScope(actor, p.agencyPath)),
);
