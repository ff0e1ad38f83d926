/**
 * Satisfaction ratings of a dossier: the applicant rates their own returned dossier; a desk officer who holds the
 * dossier may enter the applicant's rating for them (recorded as such); whoever may read the dossier reads it.
 */
import { Permission } from '../../shared/permissions';
import { allow, can } from './policy';
import { isApplicantOf, type DossierSubject } from './dossiers.policy';

allow<DossierSubject>('dossier_rating', 'read', (actor, d) => can(actor, 'read', 'dossier', d));
allow<DossierSubject>('dossier_rating', 'rate', isApplicantOf);
allow<DossierSubject>('dossier_rating', 'rate_on_behalf', (actor, d) => actor.permissions.has(Permission.DOSSIER_RETURN) && can(actor, 'act', 'dossier', d));
