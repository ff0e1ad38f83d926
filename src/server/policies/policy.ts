/**
 * Cancan-like policies: `allow(subjectType, actions, rule)` registers who may do what; `authorize` throws
 * NOT_FOUND when the actor may not even read the object (so existence is not revealed) and FORBIDDEN otherwise.
 */
import { AppError } from '../../shared/errors';
import type { Actor } from '../auth/actor';

type Rule<S> = (actor: Actor, subject: S) => boolean;
const rules = new Map<string, Rule<never>[]>();

export function allow<S>(subjectType: string, actions: string | string[], rule: Rule<S>): void {
  for (const action of Array.isArray(actions) ? actions : [actions]) {
    const key = `${subjectType}:${action}`;
    const list = rules.get(key) ?? [];
    list.push(rule as Rule<never>);
    rules.set(key, list);
  }
}

export function can<S>(actor: Actor, action: string, subjectType: string, subject: S): boolean {
  const list = rules.get(`${subjectType}:${action}`);
  if (!list) return false;
  return list.some((rule) => (rule as Rule<S>)(actor, subject));
}

export function authorize<S>(actor: Actor, action: string, subjectType: string, subject: S | undefined | null): S {
  if (subject === undefined || subject === null) throw new AppError('NOT_FOUND');
  if (can(actor, action, subjectType, subject)) return subject;
  if (action !== 'read' && can(actor, 'read', subjectType, subject)) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

/** The actor's abilities on an object, returned with it so the UI shows only the allowed buttons. */
export function abilitiesFor<S>(actor: Actor, subjectType: string, subject: S, actions: readonly string[]) {
  return Object.fromEntries(actions.map((a) => [a, can(actor, a, subjectType, subject)])) as Record<string, boolean>;
}

/** True when the agency (by its materialised path) lies in the actor's agency subtree. */
export function inAgencyScope(actor: Actor, agencyPath: string | null | undefined): boolean {
  return !!actor.agencyPath && !!agencyPath && agencyPath.startsWith(actor.agencyPath);
}

export function isStaff(actor: Actor): boolean {
  return actor.userKind === 'staff' && actor.userId !== null;
}
