import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, dossierRatings } from '../../db/schema';
import { createTestApp, signIn, type Client, type TestContext } from '../../test/test-app';
import { createStaff } from '../../test/factories';
import { toLocalDate } from '../../../shared/calendar';
import { createDossierWorld, type DossierWorld } from '../dossiers/dossiers.test-support';
import { dossierThroughWorkflow } from './ratings.test-support';

let t: TestContext;
let world: DossierWorld;
let applicant: Client;
let otherCitizen: Client;
let desk: Client;
let outsiderDesk: Client;
let reformOfficer: Client;

beforeAll(async () => {
  t = await createTestApp();
  world = await createDossierWorld(t.database.db);
  applicant = await signIn(t.app, world.citizen.login, world.citizen.password);
  otherCitizen = await signIn(t.app, world.otherCitizen.login, world.otherCitizen.password);
  desk = await signIn(t.app, world.staff.desk.login, world.staff.desk.password);
  outsiderDesk = await signIn(t.app, world.staff.outsider.login, world.staff.outsider.password);
  const reform = await createStaff(t.database.db, world.province, ['reform_officer']);
  reformOfficer = await signIn(t.app, reform.login, reform.password);
});
afterAll(async () => t?.close());

const dossierFor = (w: DossierWorld, options: Parameters<typeof dossierThroughWorkflow>[2] = {}) => dossierThroughWorkflow(t.database.db, w, options);

const put = (client: Client | null, url: string, payload: unknown) =>
  t.app.inject({ method: 'PUT', url, payload: payload as object, headers: client?.headers ?? {} });
const get = (client: Client | null, url: string) => t.app.inject({ method: 'GET', url, headers: client?.headers ?? {} });
const ratingUrl = (id: string) => `/api/ratings/dossiers/${id}`;

describe('route guards', () => {
  it('401 before 400, 403 for the wrong role, 404 for someone else’s dossier', async () => {
    const d = await dossierFor(world, { applicantUserId: world.citizen.id });
    expect((await put(null, ratingUrl(d.id), { overall: 9 })).statusCode).toBe(401);
    expect((await get(null, ratingUrl(d.id))).statusCode).toBe(401);
    expect((await put(applicant, ratingUrl(d.id), { overall: 9 })).statusCode).toBe(400);
    expect((await put(applicant, `${ratingUrl(d.id)}/desk`, { overall: 2 })).statusCode).toBe(403);
    expect((await put(otherCitizen, ratingUrl(d.id), { overall: 2 })).statusCode).toBe(404);
    expect((await get(otherCitizen, ratingUrl(d.id))).statusCode).toBe(404);
    expect((await put(outsiderDesk, `${ratingUrl(d.id)}/desk`, { overall: 2 })).statusCode).toBe(404);
    // Staff who may see the dossier still cannot rate as if they were the applicant.
    expect((await put(desk, ratingUrl(d.id), { overall: 2 })).statusCode).toBe(403);
    expect(await t.database.db.$count(dossierRatings, eq(dossierRatings.dossierId, d.id))).toBe(0);
  });
});

describe('rating rules', () => {
  it('only after the result was returned', async () => {
    for (const upTo of ['received', 'result_ready'] as const) {
      const d = await dossierFor(world, { applicantUserId: world.citizen.id, upTo });
      const status = (await get(applicant, ratingUrl(d.id))).json();
      expect(status.abilities.rate).toBe(false);
      expect(status.blockedBy.code).toBe('RATING_NOT_AVAILABLE');
      const res = await put(applicant, ratingUrl(d.id), { overall: 3 });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('RATING_NOT_AVAILABLE');
    }
  });

  it('one rating per dossier, by the applicant, changeable within the configured time', async () => {
    const d = await dossierFor(world, { applicantUserId: world.citizen.id });
    const before = (await get(applicant, ratingUrl(d.id))).json();
    expect(before).toMatchObject({ scale: 3, rating: null, abilities: { rate: true, rate_on_behalf: false }, blockedBy: null });
    expect(before.criteria.map((c: { code: string }) => c.code)).toEqual([
      'result_time',
      'agencies_contacted',
      'contacts_needed',
      'information_accuracy',
      'staff_attitude',
      'lawfulness_and_cost',
      'feedback_handling',
      'online_service',
    ]);

    const tooHigh = await put(applicant, ratingUrl(d.id), { overall: 4, criteria: { staff_attitude: 5 } });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['body.overall', 'body.criteria.staff_attitude']);

    const first = await put(applicant, ratingUrl(d.id), { overall: 1, criteria: { result_time: 1, staff_attitude: 2 }, comment: 'Phải đi lại nhiều lần' });
    expect(first.statusCode).toBe(200);
    expect(first.json().rating).toMatchObject({ overall: 1, overallLabel: 'Không hài lòng', satisfied: false, channel: 'online', enteredOnBehalf: false, enteredBy: null, revision: 1 });
    const changed = await put(applicant, ratingUrl(d.id), { overall: 3 });
    expect(changed.json().rating).toMatchObject({ overall: 3, satisfied: true, revision: 2, criteria: {} });
    expect(changed.json().rating.ratedAt).toBe(first.json().rating.ratedAt);
    expect(await t.database.db.$count(dossierRatings, eq(dossierRatings.dossierId, d.id))).toBe(1);

    // The desk cannot overwrite what the applicant said.
    const overwrite = await put(desk, `${ratingUrl(d.id)}/desk`, { overall: 3 });
    expect(overwrite.statusCode).toBe(409);
    expect(overwrite.json().error.code).toBe('RATING_GIVEN_BY_APPLICANT');

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, d.id));
    expect(audit.filter((a) => a.action.startsWith('rating.')).map((a) => a.action)).toEqual(['rating.given', 'rating.changed']);
  });

  it('a rating entered by a desk officer is recorded as such, and the applicant may still change it', async () => {
    const d = await dossierFor(world, { applicantUserId: world.citizen.id });
    expect((await get(desk, ratingUrl(d.id))).json().abilities).toEqual({ rate: false, rate_on_behalf: true });
    const entered = await put(desk, `${ratingUrl(d.id)}/desk`, { overall: 2, channel: 'desk_tablet' });
    expect(entered.statusCode).toBe(200);
    expect(entered.json().rating).toMatchObject({
      overall: 2,
      channel: 'desk_tablet',
      enteredOnBehalf: true,
      enteredBy: { id: world.staff.desk.id, fullName: 'Lê Thị Một Cửa' },
    });
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, d.id)).orderBy(auditLog.id).then((rows) => rows.filter((a) => a.action === 'rating.given'));
    expect(audit!.actorId).toBe(world.staff.desk.id);
    expect(audit!.summary).toMatchObject({ onBehalf: true, channel: 'desk_tablet' });

    const own = await put(applicant, ratingUrl(d.id), { overall: 3 });
    expect(own.json().rating).toMatchObject({ overall: 3, channel: 'online', enteredOnBehalf: false, enteredBy: null, revision: 2 });
  });

  it('an applicant without an account rates with the receipt’s code and secret', async () => {
    const d = await dossierFor(world);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/public/ratings/lookup', payload: { code: d.code, secret: 'ZZZZZZZZ' } });
    expect(wrong.statusCode).toBe(404);
    const lookup = await t.app.inject({ method: 'POST', url: '/api/public/ratings/lookup', payload: { code: d.code, secret: d.secret.toLowerCase() } });
    expect(lookup.json()).toMatchObject({ dossier: { id: d.id, code: d.code }, abilities: { rate: true } });
    const rated = await put(null, '/api/public/ratings', { code: d.code, secret: d.secret, overall: 2, criteria: { online_service: 3 } });
    expect(rated.statusCode).toBe(200);
    expect(rated.json().rating).toMatchObject({ overall: 2, satisfied: true, channel: 'online', enteredOnBehalf: false });
    expect((await put(null, '/api/public/ratings', { code: d.code, secret: 'ZZZZZZZZ', overall: 1 })).statusCode).toBe(404);
  });

  it('cannot be changed once the configured time is over', async () => {
    const settings = (await get(null, '/api/feedback-settings')).json();
    const body = { petitionForwardWorkingDays: settings.petitionForwardWorkingDays, petitionAnswerWorkingDays: settings.petitionAnswerWorkingDays, ratingScale: 3, ratingChangeDays: 0 };
    expect((await put(desk, '/api/feedback-settings', body)).statusCode).toBe(403);
    expect((await put(reformOfficer, '/api/feedback-settings', body)).json()).toMatchObject({ ratingChangeDays: 0 });
    try {
      const d = await dossierFor(world, { applicantUserId: world.citizen.id });
      await put(applicant, ratingUrl(d.id), { overall: 3 });
      const late = await put(applicant, ratingUrl(d.id), { overall: 1 });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('RATING_LOCKED');
      expect((await get(applicant, ratingUrl(d.id))).json()).toMatchObject({ abilities: { rate: false }, blockedBy: { code: 'RATING_LOCKED' }, rating: { overall: 3 } });
    } finally {
      await put(reformOfficer, '/api/feedback-settings', { ...body, ratingChangeDays: settings.ratingChangeDays });
    }
  });
});

describe('satisfaction figures by agency and period', () => {
  it('counts ratings at the competent agency with the rate, staff entries and criteria', async () => {
    const own = await createDossierWorld(t.database.db);
    const w = own;
    const citizen = await signIn(t.app, w.citizen.login, w.citizen.password);
    const deskOfficer = await signIn(t.app, w.staff.desk.login, w.staff.desk.password);
    const leader = await signIn(t.app, w.staff.leader.login, w.staff.leader.password);
    const a = await dossierFor(w, { applicantUserId: w.citizen.id });
    const b = await dossierFor(w, { applicantUserId: w.citizen.id });
    const c = await dossierFor(w);
    await put(citizen, ratingUrl(a.id), { overall: 3, criteria: { staff_attitude: 3, result_time: 2 } });
    await put(citizen, ratingUrl(b.id), { overall: 1, criteria: { staff_attitude: 1 } });
    await put(deskOfficer, `${ratingUrl(c.id)}/desk`, { overall: 2, channel: 'paper_form' });

    const today = toLocalDate(new Date());
    const res = await get(leader, `/api/ratings/figures?from=${today}&to=${today}`);
    expect(res.statusCode).toBe(200);
    const figures = res.json();
    expect(figures.byAgency).toHaveLength(1);
    const row = figures.byAgency[0];
    expect(row.agencyId).toBe(w.department.id);
    expect(row).toMatchObject({ rated: 3, satisfied: 2, satisfactionRate: 66.7, onBehalf: 1, byLevel: { scale3: [1, 1, 1] } });
    // staff_attitude: 3/3 and 1/3 → 66.7; result_time: 2/3 → 66.7; not rated → null.
    expect(row.criteria).toMatchObject({ staff_attitude: 66.7, result_time: 66.7, online_service: null });
    expect(figures.total.rated).toBe(3);
    expect(figures.formulas.satisfactionRate).toContain('Hài lòng');
    // A period before the ratings has none.
    expect((await get(leader, '/api/ratings/figures?from=2021-01-01&to=2021-06-18')).json().total.rated).toBe(0);

    const list = await get(leader, `/api/ratings?from=${today}&to=${today}&satisfied=false`);
    expect(list.json().items.map((i: { dossierCode: string }) => i.dossierCode)).toEqual([b.code]);
    expect((await get(citizen, `/api/ratings/figures?from=${today}&to=${today}`)).statusCode).toBe(403);
  });
});
