import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { publicationDecisions } from '../../db/schema';
import { createTestApp, type Client, type TestContext } from '../../test/test-app';
import { findProcedureVersionAsOf, findProcedureVersionAsOfByCode, versionAgencyIds } from './catalog.queries';
import { auditActions, catalogCounts, createProvince, decisionBody, ensureField, newCode, procedureContent, publish, signedInStaff, type TestProvince } from './catalog.test-support';

let t: TestContext;
let province: TestProvince;
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  province = await createProvince(t.database.db);
  await ensureField(t.database.db);
  officer = await signedInStaff(t, province.committee, ['reform_officer']);
});
afterAll(async () => t?.close());

describe('procedure versions across a publication decision that amends them', () => {
  it('returns, for each date, the version a dossier received that day binds to', async () => {
    const code = newCode();
    const first = await publish(t, officer, decisionBody([{ action: 'add', procedureCode: code, content: procedureContent({ time: { value: 5, unit: 'working_days' } }) }]));
    const procedureId = first.decision.items[0]!.resultProcedureId;
    const amendment = await publish(
      t,
      officer,
      decisionBody([{ action: 'amend', procedureCode: code, content: procedureContent({ time: { value: 3, unit: 'working_days' }, name: 'Đăng ký khai sinh (sửa đổi)' }) }], {
        signedOn: '2021-06-10',
        effectiveFrom: '2021-07-01',
      }),
    );
    expect(amendment.result).toMatchObject({ amended: 1, created: 0 });

    const db = t.database.db;
    expect(await findProcedureVersionAsOf(db, procedureId, '2020-12-31')).toBeUndefined();
    const v1 = await findProcedureVersionAsOf(db, procedureId, '2021-01-01');
    const lastDayOfV1 = await findProcedureVersionAsOf(db, procedureId, '2021-06-30');
    const v2 = await findProcedureVersionAsOf(db, procedureId, '2021-07-01');
    expect(v1!.id).toBe(first.decision.items[0]!.resultVersionId);
    expect(lastDayOfV1!.id).toBe(v1!.id);
    expect(v1!.validTo).toBe('2021-06-30');
    expect(v1!.timeValue).toBe(5);
    expect(v2!.id).toBe(amendment.decision.items[0]!.resultVersionId);
    expect(v2).toMatchObject({ versionNo: 2, validFrom: '2021-07-01', validTo: null, timeValue: 3, name: 'Đăng ký khai sinh (sửa đổi)' });
    expect((await findProcedureVersionAsOfByCode(db, code, '2021-06-30'))!.id).toBe(v1!.id);
    expect((await findProcedureVersionAsOfByCode(db, code, '2030-01-01'))!.id).toBe(v2!.id);
    // The amendment keeps the agencies of the version it amends: every commune committee of the province.
    expect(await versionAgencyIds(db, v2!.id)).toEqual(province.communes.map((c) => c.id).sort());

    const before = await t.app.inject({ method: 'GET', url: `/api/catalog/procedures/${procedureId}?asOf=2021-06-30` });
    const after = await t.app.inject({ method: 'GET', url: `/api/catalog/procedures/${procedureId}?asOf=2021-07-01` });
    expect(before.json().time).toMatchObject({ value: 5, label: '05 ngày làm việc' });
    expect(after.json()).toMatchObject({ name: 'Đăng ký khai sinh (sửa đổi)', time: { value: 3 }, version: { versionNo: 2, decision: { id: amendment.decision.id } } });
    const tooEarly = await t.app.inject({ method: 'GET', url: `/api/catalog/procedures/by-code/${code}?asOf=2020-06-01` });
    expect(tooEarly.statusCode).toBe(404);
    const byCode = await t.app.inject({ method: 'GET', url: `/api/catalog/procedures/by-code/${code}?asOf=2021-06-30` });
    expect(byCode.json()).toMatchObject({ id: procedureId, version: { id: v1!.id, validTo: '2021-06-30' } });
    const history = await t.app.inject({ method: 'GET', url: `/api/catalog/procedures/${procedureId}/versions` });
    expect(history.json().versions.map((v: { validFrom: string; validTo: string | null }) => [v.validFrom, v.validTo])).toEqual([
      ['2021-01-01', '2021-06-30'],
      ['2021-07-01', null],
    ]);
    expect(await auditActions(db, procedureId)).toEqual(['catalog.version_created', 'catalog.version_created']);
    expect(await auditActions(db, amendment.decision.id)).toEqual(['catalog.decision_created', 'catalog.decision_applied']);
  });

  it('abolishes a procedure and replaces another by a new code that records what it replaces', async () => {
    const [gone, old] = [newCode(), newCode()];
    await publish(t, officer, decisionBody([
      { action: 'add', procedureCode: gone, content: procedureContent({ name: 'Thủ tục sẽ bãi bỏ' }) },
      { action: 'add', procedureCode: old, content: procedureContent({ name: 'Thủ tục cũ' }) },
    ]));
    const replacement = newCode();
    const applied = await publish(
      t,
      officer,
      decisionBody(
        [
          { action: 'abolish', procedureCode: gone },
          { action: 'replace', procedureCode: old, newProcedureCode: replacement, content: procedureContent({ name: 'Thủ tục thay thế' }) },
        ],
        { signedOn: '2021-08-20', effectiveFrom: '2021-09-01' },
      ),
    );
    expect(applied.result).toMatchObject({ abolished: 1, replaced: 1 });
    const db = t.database.db;
    expect(await findProcedureVersionAsOfByCode(db, gone, '2021-08-31')).toBeDefined();
    expect(await findProcedureVersionAsOfByCode(db, gone, '2021-09-01')).toBeUndefined();
    expect(await findProcedureVersionAsOfByCode(db, old, '2021-09-01')).toBeUndefined();
    const newer = await findProcedureVersionAsOfByCode(db, replacement, '2021-09-01');
    expect(newer!.name).toBe('Thủ tục thay thế');
    const detail = await t.app.inject({ method: 'GET', url: `/api/catalog/procedures/${newer!.procedureId}?asOf=2021-09-01` });
    expect(detail.json().replacesProcedure.code).toBe(old);
  });

  it('reports every item that cannot apply, in Vietnamese, and writes nothing', async () => {
    const existing = newCode();
    await publish(t, officer, decisionBody([{ action: 'add', procedureCode: existing, content: procedureContent() }]));
    const body = decisionBody(
      [
        { action: 'amend', procedureCode: newCode(), content: procedureContent() },
        { action: 'add', procedureCode: existing, content: procedureContent() },
        { action: 'add', procedureCode: newCode(), content: procedureContent({ fieldCode: 'KHONGCO' }) },
        { action: 'add', procedureCode: newCode(), content: procedureContent({ level: 'province', departmentKey: null }) },
      ],
      { signedOn: '2021-03-01', effectiveFrom: '2021-03-15' },
    );
    const created = await t.app.inject({ method: 'POST', url: '/api/catalog/decisions', headers: officer.headers, payload: body });
    expect(created.statusCode).toBe(201);
    const before = await catalogCounts(t.database.db);
    const res = await t.app.inject({ method: 'POST', url: `/api/catalog/decisions/${created.json().id}/apply`, headers: officer.headers });
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('DECISION_ITEMS_INVALID');
    expect(error.details.items.map((i: { position: number }) => i.position)).toEqual([1, 2, 3, 4]);
    expect(error.details.items[0].message).toMatch(/^Không tìm thấy thủ tục/);
    expect(error.details.items[1].message).toMatch(/đang có trong danh mục/);
    expect(error.details.items[2].message).toBe('Chưa có lĩnh vực mã KHONGCO');
    expect(error.details.items[3].message).toMatch(/Thủ tục cấp tỉnh cần ghi cơ quan thực hiện/);
    expect(await catalogCounts(t.database.db)).toEqual(before);
    const [decision] = await t.database.db.select().from(publicationDecisions).where(eq(publicationDecisions.id, created.json().id));
    expect(decision!.status).toBe('draft');
  });

  it('gives a draft back with each item’s content, so the same body can be edited and saved again', async () => {
    const [added, replaced, replacement] = [newCode(), newCode(), newCode()];
    const content = procedureContent({ name: 'Thủ tục dự thảo', fees: [{ name: 'Lệ phí', amount: 15_000, note: null }] });
    const body = decisionBody([
      { action: 'add', procedureCode: added, content },
      { action: 'replace', procedureCode: replaced, newProcedureCode: replacement, content: procedureContent({ name: 'Thủ tục thay thế dự thảo' }) },
      { action: 'abolish', procedureCode: newCode() },
    ]);
    const created = await t.app.inject({ method: 'POST', url: '/api/catalog/decisions', headers: officer.headers, payload: body });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const read = await t.app.inject({ method: 'GET', url: `/api/catalog/decisions/${id}`, headers: officer.headers });
    const items = read.json().items as { action: string; procedureCode: string; newProcedureCode: string | null; content: Record<string, unknown> | null }[];
    expect(items[0]!.content).toMatchObject({ name: 'Thủ tục dự thảo', fees: [{ name: 'Lệ phí', amount: 15_000 }], legalBasis: content.legalBasis });
    // The replacing code is given once, as newProcedureCode, not inside the content.
    expect(items[1]).toMatchObject({ newProcedureCode: replacement, content: { name: 'Thủ tục thay thế dự thảo' } });
    expect(items[1]!.content).not.toHaveProperty('code');
    expect(items[2]!.content).toBeNull();

    // What the editor sends back after changing one name: accepted as it stands.
    const edited = {
      ...body,
      items: items.map((i, k) => ({
        action: i.action,
        procedureCode: i.procedureCode,
        ...(i.newProcedureCode ? { newProcedureCode: i.newProcedureCode } : {}),
        ...(i.content ? { content: k === 0 ? { ...i.content, name: 'Thủ tục dự thảo (sửa)' } : i.content } : {}),
      })),
    };
    const saved = await t.app.inject({ method: 'PUT', url: `/api/catalog/decisions/${id}`, headers: officer.headers, payload: edited });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().items.map((i: { name: string | null }) => i.name)).toEqual(['Thủ tục dự thảo (sửa)', 'Thủ tục thay thế dự thảo', null]);
  });

  it('treats applying an applied decision again as a harmless retry, and refuses to edit or delete it', async () => {
    const applied = await publish(t, officer, decisionBody([{ action: 'add', procedureCode: newCode(), content: procedureContent() }]));
    const before = await catalogCounts(t.database.db);
    const again = await t.app.inject({ method: 'POST', url: `/api/catalog/decisions/${applied.decision.id}/apply`, headers: officer.headers });
    expect(again.statusCode).toBe(200);
    expect(again.json().result.alreadyApplied).toBe(true);
    expect(await catalogCounts(t.database.db)).toEqual(before);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/catalog/decisions/${applied.decision.id}`, headers: officer.headers });
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('DECISION_ALREADY_APPLIED');
  });

  it('rejects an amendment dated on or before the version it would amend', async () => {
    const code = newCode();
    await publish(t, officer, decisionBody([{ action: 'add', procedureCode: code, content: procedureContent() }], { effectiveFrom: '2021-05-01', signedOn: '2021-04-01' }));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/decisions',
      headers: officer.headers,
      payload: decisionBody([{ action: 'amend', procedureCode: code, content: procedureContent() }], { effectiveFrom: '2021-05-01', signedOn: '2021-04-20' }),
    });
    const res = await t.app.inject({ method: 'POST', url: `/api/catalog/decisions/${created.json().id}/apply`, headers: officer.headers });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.items[0].message).toMatch(/đã có phiên bản hiệu lực từ 01\/05\/2021/);
  });
});

describe('the 5-day rule on publication decisions', () => {
  it('flags a decision signed less than 5 working days before its legal document takes effect', async () => {
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/decisions',
      headers: officer.headers,
      payload: decisionBody([{ action: 'add', procedureCode: newCode(), content: procedureContent() }], {
        signedOn: '2021-07-06',
        effectiveFrom: '2021-07-12',
        legalDocumentNumber: '03/2021/NQ-HĐND',
        legalDocumentTitle: 'Nghị quyết quy định mức thu lệ phí hộ tịch',
        legalDocumentEffectiveFrom: '2021-07-12',
      }),
    });
    expect(late.statusCode).toBe(201);
    expect(late.json().timeliness).toEqual({ late: true, deadline: '2021-07-05', workingDaysBefore: 4, requiredWorkingDays: 5 });

    const onTime = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/decisions',
      headers: officer.headers,
      payload: decisionBody([{ action: 'add', procedureCode: newCode(), content: procedureContent() }], {
        signedOn: '2021-07-05',
        effectiveFrom: '2021-07-12',
        legalDocumentNumber: '04/2021/NQ-HĐND',
        legalDocumentTitle: 'Nghị quyết quy định mức thu phí chứng thực',
        legalDocumentEffectiveFrom: '2021-07-12',
      }),
    });
    expect(onTime.json().timeliness.late).toBe(false);

    const lateOnly = await t.app.inject({ method: 'GET', url: '/api/catalog/decisions?status=draft&late=true', headers: officer.headers });
    const ids = lateOnly.json().items.map((d: { id: string }) => d.id);
    expect(ids).toContain(late.json().id);
    expect(ids).not.toContain(onTime.json().id);
  });

  it('keeps drafts out of the public list and shows applied decisions to everyone', async () => {
    const applied = await publish(t, officer, decisionBody([{ action: 'add', procedureCode: newCode(), content: procedureContent() }]));
    const draft = await t.app.inject({ method: 'POST', url: '/api/catalog/decisions', headers: officer.headers, payload: decisionBody([{ action: 'add', procedureCode: newCode(), content: procedureContent() }]) });
    const publicList = (await t.app.inject({ method: 'GET', url: '/api/catalog/decisions?pageSize=200' })).json().items.map((d: { id: string }) => d.id);
    expect(publicList).toContain(applied.decision.id);
    expect(publicList).not.toContain(draft.json().id);
    expect((await t.app.inject({ method: 'GET', url: `/api/catalog/decisions/${draft.json().id}` })).statusCode).toBe(404);
    const shown = await t.app.inject({ method: 'GET', url: `/api/catalog/decisions/${applied.decision.id}` });
    expect(shown.json()).toMatchObject({ status: 'applied', statusLabel: 'Đã áp dụng', abilities: { apply: false, update: false } });
  });
});
