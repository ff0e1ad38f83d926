import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditLog, dossierAgencyPeriods, dossierDocuments, dossierSteps, dossiers, notifications } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../test/test-database';
import { openDatabase } from '../../db/client';
import { createAgency, createProcedure } from '../../test/factories';
import { AppError } from '../../../shared/errors';
import { receiveDossierAtDesk, submitDossierOnline } from './create-dossier';
import { STANDARD_STEPS, at, createDossierWorld, deskInput, receive, type DossierWorld } from './dossiers.test-support';
import { replayDossier } from '../../../shared/workflow/dossier-state';
import { loadEvents, stateOfRow } from './dossier-records';

let db: TestDatabase;
let world: DossierWorld;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await createDossierWorld(db.db);
});
afterAll(async () => db?.close());

async function dossier(id: string) {
  const [row] = await db.db.select().from(dossiers).where(eq(dossiers.id, id));
  return row!;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('desk intake', () => {
  it('receives a complete dossier: code, due date from the calendar, steps, documents, audit and a message', async () => {
    // Mon 01/03/2021 09:00, 5 working days → Mon 08/03 09:00 (see shared/workflow/dossier-deadlines.test.ts).
    const result = await receive(db.db, world, at('2021-03-01', '09:00'));
    const row = await dossier(result.dossierId);
    expect(row.code).toBe(`${(await identifier(world.department.id))}-210301-0001`);
    expect(result.trackingSecret).toMatch(/^[A-Z2-9]{8}$/);
    expect(row.trackingSecretHash).not.toContain(result.trackingSecret);
    expect(row).toMatchObject({ status: 'received', channel: 'in_person', currentStep: 0, competentAgencyId: world.department.id, receivingAgencyId: world.department.id });
    // It sits at the receiving agency's one-stop desk (Bộ phận Một cửa) until it is passed on.
    const [desk] = (await db.db.execute(sql`SELECT id FROM departments WHERE agency_id = ${world.department.id} AND is_one_stop_desk`) as unknown as { rows: { id: string }[] }).rows;
    expect(desk).toBeDefined();
    expect(row.currentDepartmentId).toBe(desk!.id);
    expect(row.receivedAt).toEqual(at('2021-03-01', '09:00'));
    expect(row.dueAt).toEqual(at('2021-03-08', '09:00'));
    expect(row.originalDueAt).toEqual(row.dueAt);
    expect(row.stepDueAt).toEqual(at('2021-03-01', '10:00'));
    expect(row.procedure.documents.map((d) => d.required)).toEqual([true, true, false]);
    expect(row.rules.ruleSetId).toBe('nd61_2018');

    const steps = await db.db.select().from(dossierSteps).where(eq(dossierSteps.dossierId, row.id));
    expect(steps).toHaveLength(STANDARD_STEPS.length);
    expect(steps.find((s) => s.position === 0)!.startedAt).toEqual(at('2021-03-01', '09:00'));
    const docs = await db.db.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, row.id));
    expect(docs.map((d) => [d.checklistIndex, d.originals, d.copies]).sort()).toEqual([
      [0, 1, 0],
      [1, 0, 1],
    ]);
    const [period] = await db.db.select().from(dossierAgencyPeriods).where(eq(dossierAgencyPeriods.dossierId, row.id));
    expect(period).toMatchObject({ agencyId: world.department.id, role: 'competent', dueAt: row.dueAt });

    const audit = await db.db.select().from(auditLog).where(eq(auditLog.subjectId, row.id));
    expect(audit.map((a) => a.action)).toEqual(['dossier.receive']);
    expect(JSON.stringify(audit)).not.toContain(row.applicantIdNumber!);
    const [mail] = await db.db.select().from(notifications).where(eq(notifications.relatedId, row.id));
    expect(mail).toMatchObject({ channel: 'email', recipient: 'nhung@example.vn', template: 'dossier.status_changed' });
    expect(mail!.body).toContain('08/03/2021');
    expect(mail!.body).toContain(result.trackingSecret);

    // The row is the projection of its log.
    expect(replayDossier(await loadEvents(db.db, row.id))).toEqual(stateOfRow(row));
  });

  it('receives a dossier that arrived by post, to be answered by post', async () => {
    const result = await receive(db.db, world, at('2021-03-01', '14:00'), { channel: 'post', deliveryAddress: 'Số 1 đường Trần Hưng Đạo, TP Vị Thanh' });
    const row = await dossier(result.dossierId);
    expect(row).toMatchObject({ channel: 'post', status: 'received', deliveryMethod: 'post', deliveryAddress: 'Số 1 đường Trần Hưng Đạo, TP Vị Thanh' });
    const postless = await createProcedure(db.db, { agencies: [world.department], methods: ['in_person', 'online'] });
    expect((await rejection(receive(db.db, world, at('2021-03-01', '14:00'), { channel: 'post', procedureId: postless.id }))).code).toBe('CHANNEL_NOT_ALLOWED');
  });

  it('lists every missing required document at once and writes nothing', async () => {
    const before = await db.db.$count(dossiers);
    const err = await rejection(receive(db.db, world, at('2021-03-01', '10:00'), { documents: [{ index: 2, originals: 1, copies: 0, fileIds: [] }] }));
    expect(err.code).toBe('DOSSIER_DOCUMENTS_MISSING');
    expect(err.message).toBe('Hồ sơ còn thiếu 2 thành phần bắt buộc: (1) Tờ khai; (2) Bản sao giấy khai sinh');
    expect(await db.db.$count(dossiers)).toBe(before);
  });

  it('binds the competent agency from the procedure, not the desk that received it (NĐ 118 Điều 20)', async () => {
    const result = await receive(db.db, world, at('2021-03-02', '08:00'), {}, world.actors.centreDesk);
    const row = await dossier(result.dossierId);
    expect(row.receivingAgencyId).toBe(world.centre.id);
    expect(row.competentAgencyId).toBe(world.department.id);
    expect(row.code.startsWith(`${await identifier(world.department.id)}-210302-`)).toBe(true);
    expect(row.agencyIds.sort()).toEqual([world.centre.id, world.department.id].sort());
  });

  it('refuses a desk outside the officer’s agency and a procedure not in force', async () => {
    expect((await rejection(receive(db.db, world, at('2021-03-02', '09:00'), { receivingAgencyId: world.partner.id }))).code).toBe('FORBIDDEN');
    const future = await createProcedure(db.db, { agencies: [world.department], validFrom: '2026-01-01' });
    expect((await rejection(receive(db.db, world, at('2021-03-02', '09:00'), { procedureId: future.id }))).code).toBe('PROCEDURE_NOT_IN_FORCE');
    const twoAgencies = await createProcedure(db.db, { agencies: [world.department, world.partner] });
    const err = await rejection(receive(db.db, world, at('2021-03-02', '09:00'), { procedureId: twoAgencies.id }));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toContain('cơ quan có thẩm quyền');
    expect((await rejection(receive(db.db, world, at('2021-03-02', '09:00'), { procedureId: twoAgencies.id, competentAgencyId: world.centre.id }))).code).toBe('AGENCY_NOT_COMPETENT');
  });

  it('uses the procedure version in force on the receipt date and keeps it when the catalog changes', async () => {
    const result = await receive(db.db, world, at('2021-03-03', '09:00'));
    await db.db.execute(sql`UPDATE procedure_versions SET name = 'Tên đã sửa', time_value = 20 WHERE id = ${world.procedure.versionId}`);
    const row = await dossier(result.dossierId);
    expect(row.procedureVersionId).toBe(world.procedure.versionId);
    expect(row.procedure.name).not.toBe('Tên đã sửa');
    expect(row.procedure.time.value).toBe(5);
    await db.db.execute(sql`UPDATE procedure_versions SET name = ${row.procedure.name}, time_value = 5 WHERE id = ${world.procedure.versionId}`);
  });

  it('returns the same dossier for a retried Idempotency-Key and refuses the key for another request', async () => {
    const input = deskInput(world);
    const now = at('2021-03-04', '09:00');
    const first = await db.db.transaction((tx) => receiveDossierAtDesk(tx, world.actors.desk, input, now, { idempotencyKey: 'intake-retry-0001' }));
    const again = await db.db.transaction((tx) => receiveDossierAtDesk(tx, world.actors.desk, input, now, { idempotencyKey: 'intake-retry-0001' }));
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ result: first.result, replayed: true });
    expect(await db.db.$count(dossiers, eq(dossiers.code, first.result.code))).toBe(1);
    const other = { ...input, summary: 'Một yêu cầu khác' };
    expect((await rejection(db.db.transaction((tx) => receiveDossierAtDesk(tx, world.actors.desk, other, now, { idempotencyKey: 'intake-retry-0001' })))).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('allocates unique, gap-free numbers per agency and day under concurrent intakes', async () => {
    const agency = await createAgency(db.db, { parent: world.province });
    const proc = await createProcedure(db.db, { agencies: [agency] });
    const now = at('2021-03-05', '10:00');
    const n = 40;
    // On PostgreSQL a second pool plays a second server instance; PGlite has one connection, so it runs alone.
    const other = db.url ? await openDatabase({ databaseUrl: db.url, poolSize: 10 }) : db;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => receive((i % 2 === 0 ? db : other).db, world, now, { procedureId: proc.id })),
    ).finally(() => (other !== db ? other.close() : undefined));
    expect(new Set(results.map((r) => r.code)).size).toBe(n);
    const seqs = results.map((r) => Number(r.code.slice(-4))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    // A failed intake (missing documents) rolls its number back: the next one continues without a gap.
    await rejection(receive(db.db, world, now, { procedureId: proc.id, documents: [] }));
    const next = await receive(db.db, world, now, { procedureId: proc.id });
    expect(next.code.endsWith(`-210305-${String(n + 1).padStart(4, '0')}`)).toBe(true);
    // Another day starts again at 0001.
    expect((await receive(db.db, world, at('2021-03-08', '08:00'), { procedureId: proc.id })).code.endsWith('-210308-0001')).toBe(true);
  });
});

describe('online submission', () => {
  it('waits for the desk, with the 2-hour alert and the 8-working-hour answer deadlines', async () => {
    const upload = await uploadAs(world.citizen.id);
    // Thu 29/04/2021 16:00: 30/04–03/05 are days off, so 8 working hours end Tue 04/05 16:00.
    const { result } = await db.db.transaction((tx) =>
      submitDossierOnline(tx, world.actors.citizen, { procedureId: world.procedure.id, documents: [{ index: 0, originals: 0, copies: 0, fileIds: [upload] }, { index: 1, originals: 0, copies: 0, fileIds: [upload] }] }, at('2021-04-29', '16:00')),
    );
    const row = await dossier(result.dossierId);
    expect(row).toMatchObject({ status: 'pending_acceptance', channel: 'online', applicantUserId: world.citizen.id, receivedAt: null, dueAt: null, deliveryMethod: 'online' });
    expect(row.acceptAlertAt).toEqual(at('2021-04-29', '18:00'));
    expect(row.acceptDueAt).toEqual(at('2021-05-04', '16:00'));
    expect(row.applicantName).toBe('Nguyễn Thị Hồng Nhung');
    const staffMail = await db.db.select().from(notifications).where(eq(notifications.template, 'dossier.online_arrived'));
    expect(staffMail.some((m) => m.relatedId === row.id && m.userId === world.staff.desk.id)).toBe(true);
  });

  it('requires a file for every required document online, and a procedure open online', async () => {
    const upload = await uploadAs(world.citizen.id);
    const err = await rejection(
      db.db.transaction((tx) => submitDossierOnline(tx, world.actors.citizen, { procedureId: world.procedure.id, documents: [{ index: 0, originals: 1, copies: 0, fileIds: [] }, { index: 1, originals: 0, copies: 0, fileIds: [upload] }] }, at('2021-04-29', '16:00'))),
    );
    expect(err.code).toBe('DOSSIER_DOCUMENTS_MISSING');
    expect(err.message).toContain('(1) Tờ khai');
    const paperOnly = await createProcedure(db.db, { agencies: [world.department], methods: ['in_person'], onlineLevel: 2 });
    expect((await rejection(db.db.transaction((tx) => submitDossierOnline(tx, world.actors.citizen, { procedureId: paperOnly.id, documents: [] }, at('2021-04-29', '16:00'))))).code).toBe('CHANNEL_NOT_ALLOWED');
    // Someone else's upload cannot be attached.
    const foreign = await uploadAs(world.otherCitizen.id);
    const e2 = await rejection(db.db.transaction((tx) => submitDossierOnline(tx, world.actors.citizen, { procedureId: world.procedure.id, documents: [{ index: 0, originals: 0, copies: 0, fileIds: [foreign] }, { index: 1, originals: 0, copies: 0, fileIds: [upload] }] }, at('2021-04-29', '16:00'))));
    expect(e2.code).toBe('VALIDATION_FAILED');
  });
});

async function identifier(agencyId: string) {
  const [row] = await db.db.execute(sql`SELECT identifier_code FROM agencies WHERE id = ${agencyId}`).then((r) => (r as unknown as { rows: { identifier_code: string }[] }).rows);
  return row!.identifier_code;
}

/** A file row as an upload by `userId` would leave (content is not needed for intake). */
async function uploadAs(userId: string): Promise<string> {
  const [row] = await db.db.execute(
    sql`INSERT INTO files (sha256, size, mime_type, file_name, uploaded_by_id) VALUES (${'a'.repeat(64)}, 10, 'application/pdf', 'to-khai.pdf', ${userId}) RETURNING id`,
  ).then((r) => (r as unknown as { rows: { id: string }[] }).rows);
  return row!.id;
}
