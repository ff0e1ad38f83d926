import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, Permission, Role, permissionsOf } from '../permissions';
import {
  ALL_DOSSIER_ACTIONS,
  ALL_DOSSIER_STATUSES,
  ActorRole,
  CREATION_ACTIONS,
  DOSSIER_ACTION_LABELS,
  DOSSIER_STATUS_LABELS,
  DOSSIER_WORKFLOW,
  DossierAction,
  DossierStatus,
  RESUME,
  SAME,
  TERMINAL_STATUSES,
  allowedActions,
  findTransition,
  targetStatus,
  type DossierStatus as Status,
  type WorkflowActor,
} from './dossier-workflow';

const ROLES = Object.values(ActorRole);
const everything = (role: ActorRole): WorkflowActor => ({ role, permissions: new Set(ALL_PERMISSIONS) });
const staffWith = (...permissions: Permission[]): WorkflowActor => ({ role: 'staff', permissions });
const staffOfRole = (role: Role): WorkflowActor => ({ role: 'staff', permissions: permissionsOf([role]) });

describe('the workflow table', () => {
  it('has a Vietnamese label for every status and action', () => {
    for (const s of ALL_DOSSIER_STATUSES) expect(DOSSIER_STATUS_LABELS[s]).toMatch(/\S/);
    for (const a of ALL_DOSSIER_ACTIONS) expect(DOSSIER_ACTION_LABELS[a]).toMatch(/\S/);
  });

  it('lets every rule through, from each of its statuses, for its own role with one of its permissions', () => {
    for (const rule of DOSSIER_WORKFLOW) {
      for (const status of rule.from) {
        const perms = rule.permissions.length > 0 ? rule.permissions : [];
        for (const permission of perms.length > 0 ? perms : [undefined]) {
          const actor: WorkflowActor = { role: rule.by, permissions: permission ? [permission] : [] };
          expect(findTransition(status, rule.action, actor), `${rule.action} from ${status} by ${rule.by} with ${permission}`).toBeDefined();
          expect(allowedActions(status, actor)).toContain(rule.action);
        }
      }
    }
  });

  it('refuses every (status, action, role) that no rule lists, even with every permission', () => {
    let refusals = 0;
    for (const status of ALL_DOSSIER_STATUSES) {
      for (const action of ALL_DOSSIER_ACTIONS) {
        for (const role of ROLES) {
          const listed = DOSSIER_WORKFLOW.some((r) => r.action === action && r.by === role && r.from.includes(status));
          const found = findTransition(status, action, everything(role));
          if (listed) expect(found).toBeDefined();
          else {
            refusals += 1;
            expect(found, `${action} from ${status} by ${role}`).toBeUndefined();
            expect(allowedActions(status, everything(role))).not.toContain(action);
          }
        }
      }
    }
    // Most combinations are refused: the table is a short allow-list.
    expect(refusals).toBeGreaterThan(ALL_DOSSIER_STATUSES.length * ALL_DOSSIER_ACTIONS.length * ROLES.length * 0.75);
  });

  it('refuses a staff rule to staff holding none of its permissions', () => {
    for (const rule of DOSSIER_WORKFLOW.filter((r) => r.by === 'staff')) {
      const others = ALL_PERMISSIONS.filter((p) => !rule.permissions.includes(p));
      for (const status of rule.from) {
        const other = DOSSIER_WORKFLOW.find(
          (r) => r !== rule && r.action === rule.action && r.by === 'staff' && r.from.includes(status) && r.permissions.some((p) => others.includes(p)),
        );
        if (other) continue; // another rule grants the same move with other permissions
        expect(findTransition(status, rule.action, staffWith(...others)), `${rule.action} from ${status}`).toBeUndefined();
      }
    }
  });

  it('ends processing in terminal statuses: no one may act on them', () => {
    for (const status of TERMINAL_STATUSES) for (const role of ROLES) expect(allowedActions(status, everything(role))).toEqual([]);
  });

  it('reaches every status from a creation, and a terminal status from every status', () => {
    const edges = new Map<Status, Set<Status>>();
    const add = (from: Status, to: Status) => edges.set(from, (edges.get(from) ?? new Set()).add(to));
    for (const rule of DOSSIER_WORKFLOW) {
      for (const from of rule.from) {
        if (rule.to === SAME) add(from, from);
        else if (rule.to === RESUME) for (const s of [DossierStatus.PENDING_ACCEPTANCE, DossierStatus.RECEIVED, DossierStatus.IN_PROGRESS]) add(from, s);
        else add(from, rule.to);
      }
    }
    const starts = DOSSIER_WORKFLOW.filter((r) => CREATION_ACTIONS.includes(r.action)).map((r) => r.to as Status);
    const seen = new Set<Status>(starts);
    const queue = [...starts];
    while (queue.length > 0) {
      for (const next of edges.get(queue.shift()!) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...ALL_DOSSIER_STATUSES].sort());

    for (const status of ALL_DOSSIER_STATUSES) {
      const reach = new Set<Status>([status]);
      const q = [status];
      while (q.length > 0) {
        for (const next of edges.get(q.shift()!) ?? []) {
          if (!reach.has(next)) {
            reach.add(next);
            q.push(next);
          }
        }
      }
      expect([...reach].some((s) => TERMINAL_STATUSES.includes(s)), status).toBe(true);
    }
  });

  it('lets the applicant stop processing only before the result is issued (NĐ 118 Điều 21)', () => {
    const applicant: WorkflowActor = { role: 'applicant', permissions: [] };
    for (const status of [DossierStatus.RECEIVED, DossierStatus.IN_PROGRESS, DossierStatus.WAITING_FOR_SUPPLEMENT, DossierStatus.AT_OTHER_AGENCY, DossierStatus.SIGNED]) {
      expect(allowedActions(status, applicant)).toContain(DossierAction.STOP);
    }
    expect(allowedActions(DossierStatus.RESULT_READY, applicant)).not.toContain(DossierAction.STOP);
    expect(allowedActions(DossierStatus.PENDING_ACCEPTANCE, applicant)).toEqual([DossierAction.WITHDRAW]);
  });

  it('keeps approval, signature and issuing as three steps held by different roles', () => {
    expect(allowedActions(DossierStatus.IN_PROGRESS, staffOfRole(Role.AGENCY_LEADER))).toContain(DossierAction.APPROVE);
    expect(allowedActions(DossierStatus.IN_PROGRESS, staffOfRole(Role.AGENCY_LEADER))).not.toContain(DossierAction.SIGN);
    expect(allowedActions(DossierStatus.APPROVED, staffOfRole(Role.AGENCY_LEADER))).toContain(DossierAction.SIGN);
    expect(allowedActions(DossierStatus.SIGNED, staffOfRole(Role.AGENCY_LEADER))).not.toContain(DossierAction.ISSUE);
    expect(allowedActions(DossierStatus.SIGNED, staffOfRole(Role.CLERK))).toEqual([DossierAction.ISSUE]);
    expect(allowedActions(DossierStatus.IN_PROGRESS, staffOfRole(Role.SPECIALIST))).not.toContain(DossierAction.APPROVE);
    expect(allowedActions(DossierStatus.RESULT_READY, staffOfRole(Role.DESK_OFFICER))).toEqual([DossierAction.RETURN_RESULT]);
  });

  it('gives the sweep job only its own actions, and people none of them', () => {
    const system: WorkflowActor = { role: 'system', permissions: [] };
    expect(allowedActions(DossierStatus.IN_PROGRESS, system)).toEqual([DossierAction.MARK_DUE_SOON, DossierAction.MARK_OVERDUE]);
    expect(allowedActions(DossierStatus.WAITING_FOR_SUPPLEMENT, system)).toEqual([DossierAction.CLOSE_NO_SUPPLEMENT]);
    for (const role of [Role.ADMINISTRATOR, Role.AGENCY_LEADER, Role.DESK_OFFICER]) {
      expect(allowedActions(DossierStatus.IN_PROGRESS, staffOfRole(role))).not.toContain(DossierAction.MARK_OVERDUE);
    }
  });

  it('resolves same and resume targets', () => {
    const assign = DOSSIER_WORKFLOW.find((r) => r.action === DossierAction.ASSIGN)!;
    expect(targetStatus(assign, DossierStatus.IN_PROGRESS, null)).toBe(DossierStatus.IN_PROGRESS);
    const supplement = DOSSIER_WORKFLOW.find((r) => r.action === DossierAction.PROVIDE_SUPPLEMENT)!;
    expect(targetStatus(supplement, DossierStatus.WAITING_FOR_SUPPLEMENT, DossierStatus.PENDING_ACCEPTANCE)).toBe(DossierStatus.PENDING_ACCEPTANCE);
    expect(() => targetStatus(supplement, DossierStatus.WAITING_FOR_SUPPLEMENT, null)).toThrow(/resume/);
  });
});
