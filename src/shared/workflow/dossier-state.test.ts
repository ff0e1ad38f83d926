import { describe, expect, it } from 'vitest';
import { DossierAction, DossierStatus, type DossierAction as Action, type DossierStatus as Status } from './dossier-workflow';
import { reduceDossier, replayDossier, type DossierEvent, type DossierEventPayload } from './dossier-state';

const DESK = 'agency-desk';
const COMPETENT = 'agency-competent';
const PARTNER = 'agency-partner';

function ev(action: Action, at: string, fromStatus: Status | null, toStatus: Status, payload: DossierEventPayload = {}): DossierEvent {
  return { action, at, fromStatus, toStatus, payload };
}

const S = DossierStatus;
const A = DossierAction;

describe('reduceDossier', () => {
  it('follows a desk dossier from receipt to return, through another agency', () => {
    const log: DossierEvent[] = [
      ev(A.RECEIVE, '2021-03-01T02:00:00.000Z', null, S.RECEIVED, {
        agencyId: DESK,
        departmentId: 'desk-dept',
        toStep: 0,
        receivedAt: '2021-03-01T02:00:00.000Z',
        processingStartedAt: '2021-03-01T02:00:00.000Z',
        dueAt: '2021-03-05T10:00:00.000Z',
        stepDueAt: '2021-03-01T04:00:00.000Z',
      }),
      ev(A.FORWARD, '2021-03-01T03:00:00.000Z', S.RECEIVED, S.IN_PROGRESS, { toStep: 1, agencyId: COMPETENT, departmentId: 'dept', assigneeId: null, stepDueAt: '2021-03-03T10:00:00.000Z' }),
      ev(A.ASSIGN, '2021-03-01T04:00:00.000Z', S.IN_PROGRESS, S.IN_PROGRESS, { assigneeId: 'specialist' }),
      ev(A.SEND_TO_AGENCY, '2021-03-02T02:00:00.000Z', S.IN_PROGRESS, S.AT_OTHER_AGENCY, { toStep: 2, agencyId: PARTNER, departmentId: null }),
      ev(A.RECEIVE_FROM_AGENCY, '2021-03-03T02:00:00.000Z', S.AT_OTHER_AGENCY, S.IN_PROGRESS, { toStep: 3, agencyId: COMPETENT, departmentId: 'dept' }),
      ev(A.APPROVE, '2021-03-04T02:00:00.000Z', S.IN_PROGRESS, S.APPROVED, {}),
      ev(A.SIGN, '2021-03-04T03:00:00.000Z', S.APPROVED, S.SIGNED, { toStep: 4, departmentId: 'office' }),
      ev(A.ISSUE, '2021-03-04T08:00:00.000Z', S.SIGNED, S.RESULT_READY, { documentNumber: '12/GP-SXD', outcome: 'early' }),
      ev(A.RETURN_RESULT, '2021-03-05T02:00:00.000Z', S.RESULT_READY, S.RETURNED, {}),
    ];
    const states = log.reduce<ReturnType<typeof reduceDossier>[]>((acc, e) => [...acc, reduceDossier(acc.at(-1) ?? null, e)], []);
    expect(states.map((s) => s.status)).toEqual(log.map((e) => e.toStatus));
    expect(states[1]).toMatchObject({ currentStep: 1, currentAgencyId: COMPETENT, currentDepartmentId: 'dept', assigneeId: null });
    expect(states[2]!.assigneeId).toBe('specialist');
    expect(states[3]).toMatchObject({ currentAgencyId: PARTNER, resumeStatus: S.IN_PROGRESS, assigneeId: null });
    expect(states[4]).toMatchObject({ currentAgencyId: COMPETENT, currentStep: 3, resumeStatus: null });
    const last = states.at(-1)!;
    expect(last).toMatchObject({ status: S.RETURNED, documentNumber: '12/GP-SXD', outcome: 'early', finishedAt: '2021-03-04T08:00:00.000Z' });
    expect(last.dueAt).toBe('2021-03-05T10:00:00.000Z');
    expect(last.originalDueAt).toBe('2021-03-05T10:00:00.000Z');
    expect(replayDossier(log)).toEqual(last);
  });

  it('suspends the clock while waiting for a supplement and restarts it with the new due date', () => {
    const received = ev(A.RECEIVE, '2021-03-01T02:00:00.000Z', null, S.RECEIVED, {
      agencyId: DESK,
      receivedAt: '2021-03-01T02:00:00.000Z',
      processingStartedAt: '2021-03-01T02:00:00.000Z',
      dueAt: '2021-03-05T10:00:00.000Z',
    });
    const forwarded = ev(A.FORWARD, '2021-03-01T03:00:00.000Z', S.RECEIVED, S.IN_PROGRESS, { toStep: 1, agencyId: COMPETENT });
    const request = ev(A.REQUEST_SUPPLEMENT, '2021-03-02T03:00:00.000Z', S.IN_PROGRESS, S.WAITING_FOR_SUPPLEMENT, { stage: 'appraisal' });
    const waiting = replayDossier([received, forwarded, request]);
    expect(waiting).toMatchObject({ status: S.WAITING_FOR_SUPPLEMENT, resumeStatus: S.IN_PROGRESS, dueAt: null, supplementRequestedAt: '2021-03-02T03:00:00.000Z' });
    expect(waiting.suspensions).toEqual([{ from: '2021-03-02T03:00:00.000Z', to: null }]);
    expect(waiting.supplementRequests).toEqual({ intake: 0, appraisal: 1 });

    const provided = ev(A.PROVIDE_SUPPLEMENT, '2021-03-08T02:00:00.000Z', S.WAITING_FOR_SUPPLEMENT, S.IN_PROGRESS, {
      processingStartedAt: '2021-03-08T02:00:00.000Z',
      dueAt: '2021-03-12T10:00:00.000Z',
    });
    const resumed = reduceDossier(waiting, provided);
    expect(resumed).toMatchObject({ status: S.IN_PROGRESS, resumeStatus: null, dueAt: '2021-03-12T10:00:00.000Z', originalDueAt: '2021-03-12T10:00:00.000Z', supplementRequestedAt: null });
    expect(resumed.suspensions).toEqual([{ from: '2021-03-02T03:00:00.000Z', to: '2021-03-08T02:00:00.000Z' }]);
    expect(resumed.receivedAt).toBe('2021-03-01T02:00:00.000Z');
  });

  it('keeps an online dossier off the clock until the desk accepts it', () => {
    const submitted = ev(A.SUBMIT, '2026-03-02T01:00:00.000Z', null, S.PENDING_ACCEPTANCE, {
      agencyId: DESK,
      acceptAlertAt: '2026-03-02T03:00:00.000Z',
      acceptDueAt: '2026-03-02T09:00:00.000Z',
    });
    const request = ev(A.REQUEST_SUPPLEMENT, '2026-03-02T02:00:00.000Z', S.PENDING_ACCEPTANCE, S.WAITING_FOR_SUPPLEMENT, { stage: 'intake' });
    const state = replayDossier([submitted, request]);
    expect(state).toMatchObject({ receivedAt: null, dueAt: null, acceptDueAt: null, resumeStatus: S.PENDING_ACCEPTANCE });
    expect(state.suspensions).toEqual([]);
    const back = reduceDossier(state, ev(A.PROVIDE_SUPPLEMENT, '2026-03-03T02:00:00.000Z', S.WAITING_FOR_SUPPLEMENT, S.PENDING_ACCEPTANCE, { acceptDueAt: '2026-03-04T02:00:00.000Z' }));
    expect(back).toMatchObject({ status: S.PENDING_ACCEPTANCE, acceptDueAt: '2026-03-04T02:00:00.000Z', receivedAt: null });
    const accepted = reduceDossier(
      back,
      ev(A.ACCEPT, '2026-03-03T03:00:00.000Z', S.PENDING_ACCEPTANCE, S.RECEIVED, {
        receivedAt: '2026-03-03T03:00:00.000Z',
        processingStartedAt: '2026-03-03T03:00:00.000Z',
        dueAt: '2026-03-10T03:00:00.000Z',
        toStep: 0,
      }),
    );
    expect(accepted).toMatchObject({ status: S.RECEIVED, receivedAt: '2026-03-03T03:00:00.000Z', acceptDueAt: null, currentStep: 0 });
  });

  it('records the extension once and keeps the original due date', () => {
    const received = ev(A.RECEIVE, '2021-03-01T02:00:00.000Z', null, S.RECEIVED, {
      agencyId: DESK,
      receivedAt: '2021-03-01T02:00:00.000Z',
      processingStartedAt: '2021-03-01T02:00:00.000Z',
      dueAt: '2021-03-05T10:00:00.000Z',
    });
    const alert = ev(A.MARK_DUE_SOON, '2021-03-04T10:00:00.000Z', S.RECEIVED, S.RECEIVED);
    const extended = ev(A.APOLOGISE_EXTEND, '2021-03-04T11:00:00.000Z', S.RECEIVED, S.RECEIVED, { dueAt: '2021-03-10T10:00:00.000Z' });
    const state = replayDossier([received, alert, extended]);
    expect(state).toMatchObject({ dueAt: '2021-03-10T10:00:00.000Z', originalDueAt: '2021-03-05T10:00:00.000Z', extendedAt: '2021-03-04T11:00:00.000Z', deadlineAlert: null });
    expect(replayDossier([received, alert]).deadlineAlert).toBe('due_soon');
  });

  it('closes an open suspension when the dossier ends while waiting', () => {
    const log = [
      ev(A.RECEIVE, '2021-03-01T02:00:00.000Z', null, S.RECEIVED, { agencyId: DESK, receivedAt: '2021-03-01T02:00:00.000Z', processingStartedAt: '2021-03-01T02:00:00.000Z', dueAt: '2021-03-05T10:00:00.000Z' }),
      ev(A.REQUEST_SUPPLEMENT, '2021-03-01T03:00:00.000Z', S.RECEIVED, S.WAITING_FOR_SUPPLEMENT, { stage: 'intake' }),
      ev(A.CLOSE_NO_SUPPLEMENT, '2021-03-16T03:00:00.000Z', S.WAITING_FOR_SUPPLEMENT, S.CLOSED_NO_SUPPLEMENT),
    ];
    const state = replayDossier(log);
    expect(state).toMatchObject({ status: S.CLOSED_NO_SUPPLEMENT, finishedAt: '2021-03-16T03:00:00.000Z', outcome: null });
    expect(state.suspensions).toEqual([{ from: '2021-03-01T03:00:00.000Z', to: '2021-03-16T03:00:00.000Z' }]);
  });

  it('refuses a log that does not start with a creation, and events missing computed values', () => {
    expect(() => replayDossier([ev(A.ACCEPT, '2021-03-01T02:00:00.000Z', S.PENDING_ACCEPTANCE, S.RECEIVED)])).toThrow(/first event/);
    expect(() => replayDossier([ev(A.RECEIVE, '2021-03-01T02:00:00.000Z', null, S.RECEIVED, { agencyId: DESK })])).toThrow(/receivedAt/);
    expect(() => replayDossier([])).toThrow();
  });
});
