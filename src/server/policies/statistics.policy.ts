/**
 * Who may read statistics: staff with `statistics.read`, for their agency's subtree (an account without an agency,
 * such as a province-level integration account, sees the whole province). Indicator weights are a province-wide
 * setting of the reform officers (`reform.manage`). The public figures need no rule: they are aggregates only.
 */
import { Permission } from '../../shared/permissions';
import type { Actor } from '../auth/actor';
import { allow, inAgencyScope } from './policy';

export interface StatisticsSubject {
  /** Materialised path of the agency subtree asked for; null for the whole province. */
  agencyPath: string | null;
}

const readsStatistics = (actor: Actor) => actor.userKind === 'staff' && actor.userId !== null && actor.permissions.has(Permission.STATISTICS_READ);

allow<StatisticsSubject>('statistics', 'read', (actor, s) => readsStatistics(actor) && (!actor.agencyPath || (s.agencyPath !== null && inAgencyScope(actor, s.agencyPath))));
allow<StatisticsSubject>('statistics', 'configure', (actor) => readsStatistics(actor) && actor.permissions.has(Permission.REFORM_MANAGE));
