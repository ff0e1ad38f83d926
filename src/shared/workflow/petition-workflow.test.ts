import { describe, expect, it } from 'vitest';
import { createWorkCalendar, fromLocal } from '../calendar';
import {
  PETITION_ACTIONS,
  PETITION_STATUSES,
  allowedPetitionActions,
  computePetitionDeadlines,
  findPetitionTransition,
  isOpenPetitionStatus,
  isPastDueDay,
  petitionWorkflow,
} from './petition-workflow';

const calendar = createWorkCalendar();
const rules = { forwardWorkingDays: 5, answerWorkingDays: 10 };

describe('petition deadlines in working days', () => {
  it('skip the Tết 2026 break (14–22 February)', () => {
    // Thursday 12/02/2026: Fri 13 (1), Tết until Sun 22, Mon 23 (2), Tue 24 (3), Wed 25 (4), Thu 26 (5).
    const d = computePetitionDeadlines(calendar, fromLocal('2026-02-12', '10:00'), rules);
    expect(d.forwardDueOn).toBe('2026-02-26');
    // … Fri 27 (6), Mon 2/3 (7), Tue 3 (8), Wed 4 (9), Thu 5 (10).
    expect(d.answerDueOn).toBe('2026-03-05');
  });

  it('count from the local day of receipt, also late in the evening and at the weekend', () => {
    // 23:30 on Monday 04/05/2026 in Vietnam is still Monday: due Monday 11/05.
    expect(computePetitionDeadlines(calendar, new Date('2026-05-04T16:30:00Z'), rules).forwardDueOn).toBe('2026-05-11');
    // Saturday 09/05/2026: Mon 11 (1) … Fri 15 (5).
    expect(computePetitionDeadlines(calendar, fromLocal('2026-05-09', '09:00'), rules).forwardDueOn).toBe('2026-05-15');
  });

  it('a petition handled on its due day is on time, the day after is late', () => {
    expect(isPastDueDay(calendar, fromLocal('2026-05-11', '16:59'), '2026-05-11')).toBe(false);
    expect(isPastDueDay(calendar, fromLocal('2026-05-12', '07:00'), '2026-05-11')).toBe(true);
  });
});

describe('petition workflow table', () => {
  it('gives every action a place and closed statuses none', () => {
    const used = new Set(Object.values(petitionWorkflow).flatMap((list) => list.map((t) => t.action)));
    expect([...used].sort()).toEqual([...PETITION_ACTIONS].sort());
    for (const status of PETITION_STATUSES) {
      if (['forwarded', 'rejected', 'withdrawn'].includes(status)) expect(allowedPetitionActions(status)).toEqual([]);
    }
  });

  it('lets staff answer only once the petition is assigned, and the petitioner rate only an answer', () => {
    expect(findPetitionTransition('received', 'answer')).toBeUndefined();
    expect(findPetitionTransition('in_progress', 'answer')?.to).toBe('answered');
    expect(findPetitionTransition('in_progress', 'rate_answer')).toBeUndefined();
    expect(findPetitionTransition('answered', 'rate_answer')?.by).toEqual({ kind: 'petitioner' });
    expect(findPetitionTransition('answered', 'publish')?.by).toEqual({ kind: 'staff', permission: 'petition.handle' });
  });

  it('treats received, classified and in-progress petitions as pending', () => {
    expect(PETITION_STATUSES.filter(isOpenPetitionStatus)).toEqual(['received', 'classified', 'in_progress']);
  });
});
