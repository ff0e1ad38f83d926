/**
 * Petition figures for statistics and the provincial report (Decision 766 "Mức độ hài lòng": petitions handled on
 * time, satisfaction with the handling). Each petition counts once, at the agency now responsible for it;
 * forwarding acts count at the agency that forwarded.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { addCalendarDays, fromLocal } from '../../../shared/calendar';
import { ratePercent } from '../../../shared/schemas/ratings';
import type { PetitionFigures, PetitionFiguresRow } from '../../../shared/schemas/petitions';

export interface FiguresPeriod {
  /** First and last local day of the period, inclusive ('YYYY-MM-DD'). */
  from: string;
  to: string;
  /** Restrict to this agency subtree (materialised path); all agencies when absent. */
  agencyPath?: string | null | undefined;
}

export const PETITION_FORMULAS: Record<string, string> = {
  received: 'Số phản ánh, kiến nghị có thời điểm tiếp nhận trong kỳ, tính một lần tại cơ quan đang chịu trách nhiệm xử lý',
  answered: 'Số phản ánh, kiến nghị được trả lời trong kỳ; đúng hạn khi ngày trả lời không sau hạn trả lời (ngày làm việc)',
  forwarded: 'Số lần chuyển cơ quan có thẩm quyền trong kỳ, tính tại cơ quan chuyển; trễ khi chuyển sau 5 ngày làm việc kể từ ngày tiếp nhận',
  pending: 'Chưa giải quyết tại ngày cuối kỳ: trong hạn khi hạn trả lời từ ngày cuối kỳ trở đi, quá hạn khi hạn trả lời trước ngày cuối kỳ',
  handledOnTimeRate: '(Số trả lời đúng hạn + số lần chuyển đúng hạn) / (Số đã trả lời + số lần chuyển) × 100',
  satisfactionRate: 'Số đánh giá kết quả trả lời từ mức "Hài lòng" trở lên / Tổng số đánh giá kết quả trả lời trong kỳ × 100',
};

type Counts = Omit<PetitionFiguresRow, 'agencyId' | 'agencyName' | 'handledOnTimeRate' | 'satisfactionRate'>;
const COUNT_KEYS: (keyof Counts)[] = [
  'received',
  'receivedOnline',
  'answered',
  'answeredOnTime',
  'answeredLate',
  'forwarded',
  'forwardedLate',
  'rejected',
  'withdrawn',
  'pendingWithinDeadline',
  'pendingOverdue',
  'rated',
  'satisfied',
];

function emptyCounts(): Counts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Counts;
}

function withRates(agencyId: string | null, agencyName: string, c: Counts): PetitionFiguresRow {
  const forwardedOnTime = c.forwarded - c.forwardedLate;
  return {
    agencyId,
    agencyName,
    ...c,
    handledOnTimeRate: ratePercent(c.answeredOnTime + forwardedOnTime, c.answered + c.forwarded),
    satisfactionRate: ratePercent(c.satisfied, c.rated),
  };
}

export async function petitionFigures(executor: Executor, period: FiguresPeriod): Promise<PetitionFigures> {
  const start = fromLocal(period.from).toISOString();
  const end = fromLocal(addCalendarDays(period.to, 1)).toISOString();
  const scope = `${period.agencyPath ?? '/'}%`;
  const inPeriod = (column: string) => sql`${sql.raw(`p.${column}`)} >= ${start} AND ${sql.raw(`p.${column}`)} < ${end}`;
  const open = sql`p.received_at < ${end} AND (p.closed_at IS NULL OR p.closed_at >= ${end})`;

  const byPetition = await queryRows<Record<string, unknown>>(
    executor,
    sql`SELECT p.agency_id AS "agencyId", a.name AS "agencyName",
        count(*) FILTER (WHERE ${inPeriod('received_at')})::int AS "received",
        count(*) FILTER (WHERE ${inPeriod('received_at')} AND p.channel = 'online')::int AS "receivedOnline",
        count(*) FILTER (WHERE ${inPeriod('answered_at')})::int AS "answered",
        count(*) FILTER (WHERE ${inPeriod('answered_at')} AND NOT p.answered_late)::int AS "answeredOnTime",
        count(*) FILTER (WHERE ${inPeriod('answered_at')} AND p.answered_late)::int AS "answeredLate",
        count(*) FILTER (WHERE p.status = 'rejected' AND ${inPeriod('closed_at')})::int AS "rejected",
        count(*) FILTER (WHERE p.status = 'withdrawn' AND ${inPeriod('closed_at')})::int AS "withdrawn",
        count(*) FILTER (WHERE ${open} AND p.answer_due_on >= ${period.to}::date)::int AS "pendingWithinDeadline",
        count(*) FILTER (WHERE ${open} AND p.answer_due_on < ${period.to}::date)::int AS "pendingOverdue",
        count(*) FILTER (WHERE ${inPeriod('answer_rated_at')})::int AS "rated",
        count(*) FILTER (WHERE ${inPeriod('answer_rated_at')} AND p.answer_rating_satisfied)::int AS "satisfied"
      FROM petitions p JOIN agencies a ON a.id = p.agency_id
      WHERE a.path LIKE ${scope}
      GROUP BY p.agency_id, a.name`,
  );
  const forwards = await queryRows<{ agencyId: string; agencyName: string; forwarded: number; forwardedLate: number }>(
    executor,
    sql`SELECT pa.agency_id AS "agencyId", a.name AS "agencyName", count(*)::int AS "forwarded",
        count(*) FILTER (WHERE (pa.payload->>'late')::boolean)::int AS "forwardedLate"
      FROM petition_actions pa JOIN agencies a ON a.id = pa.agency_id
      WHERE pa.action = 'forward' AND pa.at >= ${start} AND pa.at < ${end} AND a.path LIKE ${scope}
      GROUP BY pa.agency_id, a.name`,
  );

  const agencies = new Map<string, { name: string; counts: Counts }>();
  const entry = (id: string, name: string) => {
    let e = agencies.get(id);
    if (!e) agencies.set(id, (e = { name, counts: emptyCounts() }));
    return e;
  };
  for (const row of byPetition) {
    const e = entry(row.agencyId as string, row.agencyName as string);
    for (const k of COUNT_KEYS) if (k in row) e.counts[k] = Number(row[k]);
  }
  for (const row of forwards) {
    const e = entry(row.agencyId, row.agencyName);
    e.counts.forwarded = Number(row.forwarded);
    e.counts.forwardedLate = Number(row.forwardedLate);
  }
  const total = emptyCounts();
  const byAgency = [...agencies.entries()]
    .map(([id, e]) => {
      for (const k of COUNT_KEYS) total[k] += e.counts[k];
      return withRates(id, e.name, e.counts);
    })
    .filter((r) => COUNT_KEYS.some((k) => r[k] > 0))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi'));
  return { from: period.from, to: period.to, total: withRates(null, 'Tổng cộng', total), byAgency, formulas: PETITION_FORMULAS };
}
