/**
 * Results of a campaign by element and agency (SIPAS): for the scale answers, the mean score as a share of the
 * scale's maximum and the share of answers at "hài lòng" or above. Text answers are not counted.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client';
import { isSatisfied, ratePercent, type RatingScale } from '../../../shared/schemas/ratings';
import { SURVEY_ELEMENTS, surveyElementLabels, type SurveyElement, type SurveyElementResult, type SurveyResults } from '../../../shared/schemas/surveys';
import { agencyRefs } from './surveys.queries';

export const SURVEY_FORMULAS: Record<string, string> = {
  responses: 'Số phiếu trả lời, qua đường dẫn công khai và phiếu mời theo mẫu hồ sơ',
  averagePercent: 'Trung bình của (mức đánh giá / mức cao nhất của thang) × 100, trên các câu hỏi chấm điểm',
  satisfiedRate: 'Số câu trả lời từ mức "Hài lòng" trở lên / Tổng số câu trả lời chấm điểm × 100',
};

class Tally {
  answers = 0;
  fractionSum = 0;
  satisfied = 0;
  add(score: number, scale: RatingScale, n: number) {
    this.answers += n;
    this.fractionSum += (n * score) / scale;
    if (isSatisfied(score, scale)) this.satisfied += n;
  }
  result() {
    return {
      answers: this.answers,
      averagePercent: this.answers > 0 ? Math.round((this.fractionSum / this.answers) * 1000) / 10 : null,
      satisfiedRate: ratePercent(this.satisfied, this.answers),
    };
  }
}

const byElement = (tallies: Map<SurveyElement, Tally>): SurveyElementResult[] =>
  SURVEY_ELEMENTS.map((element) => ({ element, label: surveyElementLabels[element], ...(tallies.get(element) ?? new Tally()).result() }));

export async function surveyResults(executor: Executor, campaignId: string, targetAgencyIds: readonly string[]): Promise<SurveyResults> {
  const scores = await queryRows<{ agencyId: string; element: SurveyElement; scale: number; score: number; n: number }>(
    executor,
    sql`SELECT r.agency_id AS "agencyId", q.element, q.scale, a.score, count(*)::int AS n
      FROM survey_answers a
      JOIN survey_responses r ON r.id = a.response_id
      JOIN survey_questions q ON q.id = a.question_id
      WHERE r.campaign_id = ${campaignId} AND q.kind = 'scale' AND a.score IS NOT NULL
      GROUP BY r.agency_id, q.element, q.scale, a.score`,
  );
  const responses = await queryRows<{ agencyId: string; n: number }>(
    executor,
    sql`SELECT agency_id AS "agencyId", count(*)::int AS n FROM survey_responses WHERE campaign_id = ${campaignId} GROUP BY agency_id`,
  );

  const overall = new Tally();
  const elements = new Map<SurveyElement, Tally>();
  const agencies = new Map<string, { overall: Tally; elements: Map<SurveyElement, Tally> }>();
  const tally = <K>(map: Map<K, Tally>, key: K) => map.get(key) ?? map.set(key, new Tally()).get(key)!;
  for (const row of scores) {
    const scale = Number(row.scale) as RatingScale;
    const score = Number(row.score);
    const n = Number(row.n);
    overall.add(score, scale, n);
    tally(elements, row.element).add(score, scale, n);
    const agency = agencies.get(row.agencyId) ?? agencies.set(row.agencyId, { overall: new Tally(), elements: new Map() }).get(row.agencyId)!;
    agency.overall.add(score, scale, n);
    tally(agency.elements, row.element).add(score, scale, n);
  }
  const responseCount = new Map(responses.map((r) => [r.agencyId, Number(r.n)]));
  const ids = [...new Set([...targetAgencyIds, ...responseCount.keys()])];
  const refs = await agencyRefs(executor, ids);
  return {
    campaignId,
    responses: [...responseCount.values()].reduce((a, b) => a + b, 0),
    overall: overall.result(),
    byElement: byElement(elements),
    byAgency: refs.map((agency) => {
      const t = agencies.get(agency.id);
      return {
        agency,
        responses: responseCount.get(agency.id) ?? 0,
        overall: (t?.overall ?? new Tally()).result(),
        elements: byElement(t?.elements ?? new Map()),
      };
    }),
    formulas: SURVEY_FORMULAS,
  };
}
