/**
 * Dossier satisfaction figures by agency and period (Decision 766 "Mức độ hài lòng": satisfaction with dossier
 * handling), counted at the dossier's competent agency on the day the rating was first given.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { ratePercent, type RatingFigures, type RatingFiguresRow, RATING_CRITERIA } from '../../../shared/schemas/ratings';
import { periodBounds } from './ratings.queries';
import type { FiguresPeriod } from '../petitions/petition-figures';

export const RATING_FORMULAS: Record<string, string> = {
  rated: 'Số hồ sơ được đánh giá lần đầu trong kỳ, tính tại cơ quan có thẩm quyền giải quyết',
  satisfactionRate: 'Số đánh giá chung từ mức "Hài lòng" trở lên / Tổng số hồ sơ được đánh giá × 100',
  onBehalf: 'Số đánh giá do cán bộ nhập thay người nộp (máy tính bảng, phiếu giấy)',
  criteria: 'Điểm trung bình từng nội dung (NĐ 118 Điều 33) quy về thang 100: trung bình của (mức / mức cao nhất) × 100',
};

interface Acc {
  rated: number;
  satisfied: number;
  onBehalf: number;
  scale3: number[];
  scale5: number[];
  criteria: Map<string, { sum: number; n: number }>;
}
const emptyAcc = (): Acc => ({ rated: 0, satisfied: 0, onBehalf: 0, scale3: [0, 0, 0], scale5: [0, 0, 0, 0, 0], criteria: new Map() });

function row(agencyId: string | null, agencyName: string, a: Acc): RatingFiguresRow {
  return {
    agencyId,
    agencyName,
    rated: a.rated,
    satisfied: a.satisfied,
    satisfactionRate: ratePercent(a.satisfied, a.rated),
    onBehalf: a.onBehalf,
    byLevel: { scale3: a.scale3, scale5: a.scale5 },
    criteria: Object.fromEntries(
      RATING_CRITERIA.filter((c) => c !== 'other').map((c) => {
        const x = a.criteria.get(c);
        return [c, x && x.n > 0 ? Math.round((x.sum / x.n) * 1000) / 10 : null];
      }),
    ),
  };
}

export async function ratingFigures(executor: Executor, period: FiguresPeriod): Promise<RatingFigures> {
  const { start, end } = periodBounds(period.from, period.to);
  const scope = `${period.agencyPath ?? '/'}%`;
  const inScope = sql`r.rated_at >= ${start} AND r.rated_at < ${end} AND a.path LIKE ${scope}`;
  const levels = await queryRows<{ agencyId: string; agencyName: string; scale: number; overall: number; satisfied: boolean; onBehalf: boolean; n: number }>(
    executor,
    sql`SELECT r.agency_id AS "agencyId", a.name AS "agencyName", r.scale, r.overall, r.satisfied, r.on_behalf AS "onBehalf", count(*)::int AS n
      FROM dossier_ratings r JOIN agencies a ON a.id = r.agency_id
      WHERE ${inScope}
      GROUP BY r.agency_id, a.name, r.scale, r.overall, r.satisfied, r.on_behalf`,
  );
  const criteria = await queryRows<{ agencyId: string; criterion: string; sum: number; n: number }>(
    executor,
    sql`SELECT r.agency_id AS "agencyId", c.key AS criterion, sum(c.value::float / r.scale)::float AS sum, count(*)::int AS n
      FROM dossier_ratings r JOIN agencies a ON a.id = r.agency_id, jsonb_each_text(r.criteria) c
      WHERE ${inScope}
      GROUP BY r.agency_id, c.key`,
  );

  const total = emptyAcc();
  const byAgency = new Map<string, { name: string; acc: Acc }>();
  for (const l of levels) {
    const entry = byAgency.get(l.agencyId) ?? byAgency.set(l.agencyId, { name: l.agencyName, acc: emptyAcc() }).get(l.agencyId)!;
    for (const acc of [entry.acc, total]) {
      const n = Number(l.n);
      acc.rated += n;
      if (l.satisfied) acc.satisfied += n;
      if (l.onBehalf) acc.onBehalf += n;
      (Number(l.scale) === 3 ? acc.scale3 : acc.scale5)[Number(l.overall) - 1] += n;
    }
  }
  for (const c of criteria) {
    const entry = byAgency.get(c.agencyId);
    for (const acc of entry ? [entry.acc, total] : [total]) {
      const x = acc.criteria.get(c.criterion) ?? { sum: 0, n: 0 };
      acc.criteria.set(c.criterion, { sum: x.sum + Number(c.sum), n: x.n + Number(c.n) });
    }
  }
  return {
    from: period.from,
    to: period.to,
    total: row(null, 'Tổng cộng', total),
    byAgency: [...byAgency.entries()].map(([id, e]) => row(id, e.name, e.acc)).sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi')),
    formulas: RATING_FORMULAS,
  };
}
