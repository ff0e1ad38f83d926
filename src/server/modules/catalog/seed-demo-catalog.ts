/**
 * Loads the demonstration catalog (demo/demo-procedures.data.ts) through the same publication decisions an officer
 * would apply, so every version has its decision and audit rows:
 * - a baseline decision in force from 01/01/2021 publishes every procedure whose legal basis predates 2021 (those
 *   with newer legal documents enter it with their pre-2021 legal basis);
 * - one decision per newer legal document (2021–2024) adds or amends the procedures it concerns, effective on the day
 *   that document is assumed to take effect (45 days after its issue: a demonstration assumption, not the real date);
 *   every third one is signed too late for the 5-day rule;
 * - internal processes for every procedure and agency, from the demo steps.
 * Agencies: a provincial procedure → its Sở (agencyKey); district level → every district committee; commune level →
 * every commune committee of the demo province. Decisions, numbers and signers are invented demonstration data.
 * Idempotent: decisions already present (by number) and procedures already published are skipped.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { departments, internalProcesses, procedureFields, procedures, publicationDecisions } from '../../db/schema';
import type { Actor } from '../../auth/actor';
import type { DemoSeeder } from '../../seed/seed-demo';
import { recordAudit } from '../../audit/record-audit';
import { AuditAction } from '../../../shared/audit-actions';
import { addCalendarDays } from '../../../shared/calendar';
import { DecisionInput, processRoleLabels, type DecisionItemInput, type ProcedureContentInput } from '../../../shared/schemas/catalog';
import { demoAgencies } from '../units/demo/demo-units.data';
import { demoProcedures, type DemoLegalBasis, type DemoProcedure } from './demo/demo-procedures.data';
import { demoExtensionProcedures } from './demo/extension/extension';
import { EXTENSION_ABOLISHED, extensionBaseline, extensionProcessApproval, type DecisionHeader } from './demo/extension/extension-decisions';
import { applyDraftDecision } from './apply-publication-decision';
import { findDecision } from './publication-decisions.queries';
import { insertPublicationDecision } from './save-publication-decision';

export const DEMO_PUBLISHER_KEY = 'UBND_TINH';
export const DEMO_BASELINE_DECISION = '2450/QĐ-UBND';
const BASELINE_FROM = '2021-01-01';
const PROCESS_APPROVAL = { number: '1024/QĐ-UBND', date: '2021-04-20', validFrom: '2021-05-01' };
const SIGNER = { signerName: 'Nguyễn Văn Minh', signerTitle: 'Phó Chủ tịch Ủy ban nhân dân tỉnh' };
const EXTENSION_CODES = new Set(demoExtensionProcedures.map((p) => p.code));
/** Demonstration assumption: a legal document takes effect 45 days after its issue. */
const ASSUMED_DAYS_TO_EFFECT = 45;

export interface DemoCatalogSeed {
  fields: number;
  decisions: number;
  procedures: number;
  versions: number;
  internalProcesses: number;
}

function latestBasis(p: DemoProcedure): DemoLegalBasis {
  return p.legalBasis.reduce((a, l) => (l.issuedOn > a.issuedOn ? l : a));
}

function agencyIdsOf(p: DemoProcedure, agencyIds: Map<string, string>): string[] {
  const keys =
    p.level === 'province'
      ? [p.agencyKey]
      : demoAgencies.filter((a) => a.kind === (p.level === 'district' ? 'district_committee' : 'commune_committee')).map((a) => a.key);
  return keys.map((key) => {
    const id = agencyIds.get(key);
    if (!id) throw new Error(`Demo catalog: agency ${key} (procedure ${p.code}) is not in the seeded units`);
    return id;
  });
}

function contentOf(p: DemoProcedure, agencyIds: Map<string, string>, legalBasis = p.legalBasis): ProcedureContentInput {
  return {
    name: p.name,
    fieldCode: p.fieldCode,
    level: p.level,
    departmentKey: p.departmentKey ?? null,
    time: { value: p.time.value, unit: p.time.unit },
    onlineLevel: p.onlineLevel,
    onlineScope: p.onlineScope,
    onTheSpot: p.onTheSpot,
    interAgency: p.interAgency,
    postalReturn: p.postalReturn,
    cutoffTime: p.cutoffTime ?? null,
    methods: p.methods,
    subjects: p.subjects,
    steps: p.steps,
    documents: p.documents.map((d) => ({ name: d.name, originals: d.originals, copies: d.copies, formName: d.formName ?? null })),
    sets: p.sets,
    result: p.result,
    conditions: p.conditions ?? null,
    fees: p.fees.map((f) => ({ name: f.name, amount: f.amount, note: f.note ?? null })),
    feeExemptions: p.feeExemptions ?? null,
    legalBasis: legalBasis.map((l) => ({ number: l.number, title: l.title, issuedOn: l.issuedOn })),
    agencyIds: agencyIdsOf(p, agencyIds),
  };
}

const DOCUMENT_KIND: [RegExp, string][] = [
  [/NĐ-CP$/, 'Nghị định'],
  [/QĐ-TTg$/, 'Quyết định'],
  [/^.*\/TT-/, 'Thông tư'],
  [/QH\d+$/, 'Luật'],
];
function documentName(number: string): string {
  return `${DOCUMENT_KIND.find(([re]) => re.test(number))?.[1] ?? 'Văn bản'} số ${number}`;
}

/** The demo catalog: the hand-described core, and with `extension` its long tail (demo/extension). */
export function demoCatalog(extension: boolean): DemoProcedure[] {
  return extension ? [...demoProcedures, ...demoExtensionProcedures] : demoProcedures;
}

/** The decisions of the demo, in the order they are applied. */
export function demoDecisions(agencyIds: Map<string, string>, catalog: readonly DemoProcedure[] = demoProcedures): DecisionInput[] {
  const baselineItems: DecisionItemInput[] = [];
  // The extension's procedures were published in 2020 by one decision per agency (extension-decisions.ts).
  const extensionBaselines = new Map<string, { header: DecisionHeader; items: DecisionItemInput[] }>();
  const baselineOf = (p: DemoProcedure) => {
    if (!EXTENSION_CODES.has(p.code)) return baselineItems;
    const header = extensionBaseline(p);
    const group = extensionBaselines.get(header.number) ?? { header, items: [] };
    extensionBaselines.set(header.number, group);
    return group.items;
  };
  const later = new Map<string, { basis: DemoLegalBasis; items: { p: DemoProcedure; amend: boolean }[] }>();
  for (const p of catalog) {
    const latest = latestBasis(p);
    if (latest.issuedOn < BASELINE_FROM) {
      baselineOf(p).push({ action: 'add', procedureCode: p.code, content: contentOf(p, agencyIds) as never });
      continue;
    }
    const older = p.legalBasis.filter((l) => l.issuedOn < BASELINE_FROM);
    if (older.length > 0) baselineOf(p).push({ action: 'add', procedureCode: p.code, content: contentOf(p, agencyIds, older) as never });
    const group = later.get(latest.number) ?? { basis: latest, items: [] };
    group.items.push({ p, amend: older.length > 0 });
    later.set(latest.number, group);
  }

  const decisions: DecisionInput[] = [
    ...[...extensionBaselines.values()]
      .sort((a, b) => (a.header.signedOn < b.header.signedOn ? -1 : 1))
      .map((g) => DecisionInput.parse({ ...g.header, ...SIGNER, items: g.items })),
    DecisionInput.parse({
      number: DEMO_BASELINE_DECISION,
      title: 'Công bố Bộ thủ tục hành chính thuộc thẩm quyền giải quyết của các sở, ban, ngành tỉnh, UBND cấp huyện, UBND cấp xã trên địa bàn tỉnh Hậu Giang',
      signedOn: '2020-12-15',
      ...SIGNER,
      effectiveFrom: BASELINE_FROM,
      items: baselineItems,
    }),
  ];
  const groups = [...later.values()].sort((a, b) => (a.basis.issuedOn < b.basis.issuedOn ? -1 : 1));
  groups.forEach((g, i) => {
    const effective = addCalendarDays(g.basis.issuedOn, ASSUMED_DAYS_TO_EFFECT);
    const late = i % 3 === 0;
    const adds = g.items.some((x) => !x.amend);
    const amends = g.items.some((x) => x.amend);
    const what = [adds ? 'mới ban hành' : null, amends ? 'được sửa đổi, bổ sung' : null].filter(Boolean).join(', ');
    decisions.push(
      DecisionInput.parse({
        number: `${310 + i * 47}/QĐ-UBND`,
        title: `Công bố danh mục thủ tục hành chính ${what} thực hiện theo ${documentName(g.basis.number)}`,
        // On time: three weeks ahead; late: two days before the document takes effect.
        signedOn: addCalendarDays(effective, late ? -2 : -21),
        ...SIGNER,
        effectiveFrom: effective,
        legalDocumentNumber: g.basis.number,
        legalDocumentTitle: g.basis.title,
        legalDocumentEffectiveFrom: effective,
        items: g.items.map(({ p, amend }) => ({ action: amend ? 'amend' : 'add', procedureCode: p.code, content: contentOf(p, agencyIds) as never })),
      }),
    );
  });
  const abolished = EXTENSION_ABOLISHED.codes.filter((code) => catalog.some((p) => p.code === code));
  if (abolished.length > 0) {
    const { codes: _codes, ...header } = EXTENSION_ABOLISHED;
    decisions.push(DecisionInput.parse({ ...header, ...SIGNER, items: abolished.map((code) => ({ action: 'abolish', procedureCode: code })) }));
  }
  return decisions;
}

export async function seedDemoCatalog(tx: Tx, actor: Actor, agencyIds: Map<string, string>, catalog: readonly DemoProcedure[] = demoProcedures): Promise<DemoCatalogSeed> {
  const out: DemoCatalogSeed = { fields: 0, decisions: 0, procedures: 0, versions: 0, internalProcesses: 0 };
  const publisherId = agencyIds.get(DEMO_PUBLISHER_KEY);
  if (!publisherId) throw new Error(`Demo catalog: agency ${DEMO_PUBLISHER_KEY} is not in the seeded units`);

  const fields = new Map(catalog.map((p) => [p.fieldCode, p.fieldName]));
  const insertedFields = await tx
    .insert(procedureFields)
    .values([...fields].map(([code, name]) => ({ code, name })))
    .onConflictDoNothing({ target: procedureFields.code })
    .returning({ id: procedureFields.id });
  out.fields = insertedFields.length;

  for (const input of demoDecisions(agencyIds, catalog)) {
    const [exists] = await tx
      .select({ id: publicationDecisions.id })
      .from(publicationDecisions)
      .where(and(eq(publicationDecisions.publishingAgencyId, publisherId), eq(publicationDecisions.number, input.number)));
    if (exists) continue;
    // Procedures published meanwhile by other means are left alone.
    const known = new Set(
      (await tx.select({ code: procedures.code }).from(procedures).where(inArray(procedures.code, input.items.map((i) => i.procedureCode)))).map((r) => r.code),
    );
    const items = input.items.filter((i) => (i.action === 'add' ? !known.has(i.procedureCode) : known.has(i.procedureCode)));
    if (items.length === 0) continue;
    const id = await insertPublicationDecision(tx, actor, publisherId, { ...input, items });
    const result = await applyDraftDecision(tx, actor, (await findDecision(tx, id))!);
    out.decisions++;
    out.procedures += result.created;
    out.versions += result.created + result.amended;
  }

  out.internalProcesses = await seedInternalProcesses(tx, actor, agencyIds, catalog);
  if (out.internalProcesses > 0) {
    await recordAudit(tx, actor, {
      action: AuditAction.CATALOG_INTERNAL_PROCESS_APPROVED,
      subjectType: 'catalog',
      subjectId: publisherId,
      summary: { demo: true, processes: out.internalProcesses },
    });
  }
  return out;
}

const LEADER_LABEL: Record<DemoProcedure['level'], string> = {
  province: 'Lãnh đạo Sở',
  district: 'Lãnh đạo UBND cấp huyện',
  commune: 'Chủ tịch, Phó Chủ tịch UBND cấp xã',
};

/** One internal process per procedure and agency, valid from the later of 01/05/2021 and the procedure's start. */
async function seedInternalProcesses(tx: Tx, actor: Actor, agencyIds: Map<string, string>, catalog: readonly DemoProcedure[]): Promise<number> {
  const ids = await tx.select({ id: procedures.id, code: procedures.code }).from(procedures).where(inArray(procedures.code, catalog.map((p) => p.code)));
  const procedureIds = new Map(ids.map((r) => [r.code, r.id]));
  const existing = new Set(
    (await tx.select({ procedureId: internalProcesses.procedureId, agencyId: internalProcesses.agencyId }).from(internalProcesses).where(inArray(internalProcesses.procedureId, [...procedureIds.values()]))).map(
      (r) => `${r.procedureId}|${r.agencyId}`,
    ),
  );
  const allAgencyIds = [...new Set(catalog.flatMap((p) => agencyIdsOf(p, agencyIds)))];
  const deptRows = await tx.select({ id: departments.id, agencyId: departments.agencyId, key: departments.key, name: departments.name, isOneStopDesk: departments.isOneStopDesk }).from(departments).where(inArray(departments.agencyId, allAgencyIds));
  const deptByKey = new Map(deptRows.map((d) => [`${d.agencyId}|${d.key}`, d]));
  const deskOf = new Map(deptRows.filter((d) => d.isOneStopDesk).map((d) => [d.agencyId, d]));
  const decisions = new Map(
    (await tx.select({ id: publicationDecisions.id, number: publicationDecisions.number, signedOn: publicationDecisions.signedOn, effectiveFrom: publicationDecisions.effectiveFrom }).from(publicationDecisions)).map((d) => [d.id, d]),
  );
  const firstVersion = new Map<string, { validFrom: string; decisionId: string | null }>();
  for (const v of await tx.query.procedureVersions.findMany({ columns: { procedureId: true, validFrom: true, decisionId: true }, where: (t, { inArray: within }) => within(t.procedureId, [...procedureIds.values()]) })) {
    const known = firstVersion.get(v.procedureId);
    if (!known || v.validFrom < known.validFrom) firstVersion.set(v.procedureId, { validFrom: v.validFrom, decisionId: v.decisionId });
  }

  const rows: { process: Record<string, unknown> & { id: string }; steps: Record<string, unknown>[] }[] = [];
  for (const p of catalog) {
    const procedureId = procedureIds.get(p.code);
    if (!procedureId) continue;
    const first = firstVersion.get(procedureId)!;
    const base = EXTENSION_CODES.has(p.code) ? extensionProcessApproval(p) : PROCESS_APPROVAL;
    const late = first.validFrom > base.validFrom ? decisions.get(first.decisionId ?? '') : undefined;
    const approval = late ? { number: late.number, date: late.signedOn, validFrom: late.effectiveFrom } : base;
    for (const agencyId of agencyIdsOf(p, agencyIds)) {
      if (existing.has(`${procedureId}|${agencyId}`)) continue;
      const department = p.departmentKey ? deptByKey.get(`${agencyId}|${p.departmentKey}`) : undefined;
      const steps = p.internalProcess.map((s, i) => {
        const desk = s.responsible === 'desk' ? deskOf.get(agencyId) : undefined;
        const dept = s.responsible === 'specialist' || s.responsible === 'department_head' ? department : desk;
        const label =
          s.responsible === 'leader' ? LEADER_LABEL[p.level] : s.responsible === 'other_agency' ? s.name : (dept?.name ?? processRoleLabels[s.responsible]);
        return {
          position: i + 1,
          name: s.name,
          responsible_role: s.responsible,
          department_id: dept?.id ?? null,
          responsible_label: label,
          allotted_minutes: Math.round(s.hours * 60),
          inter_agency: s.responsible === 'other_agency',
        };
      });
      rows.push({
        process: {
          id: randomUUID(),
          procedure_id: procedureId,
          agency_id: agencyId,
          approval_decision_number: approval.number,
          approval_decision_date: approval.date,
          valid_from: approval.validFrom,
          total_minutes: steps.reduce((sum, s) => sum + s.allotted_minutes, 0),
          created_by_id: actor.userId,
        },
        steps,
      });
    }
  }
  // Bulk insert as JSON record sets: thousands of rows in a few statements.
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await tx.execute(sql`INSERT INTO internal_processes (id, procedure_id, agency_id, approval_decision_number, approval_decision_date, valid_from, total_minutes, created_by_id)
      SELECT id, procedure_id, agency_id, approval_decision_number, approval_decision_date, valid_from, total_minutes, created_by_id
        FROM jsonb_to_recordset(${JSON.stringify(chunk.map((r) => r.process))}::jsonb)
          AS x(id uuid, procedure_id uuid, agency_id uuid, approval_decision_number text, approval_decision_date date, valid_from date, total_minutes int, created_by_id uuid)`);
    const steps = chunk.flatMap((r) => r.steps.map((s) => ({ ...s, process_id: r.process.id })));
    await tx.execute(sql`INSERT INTO internal_process_steps (process_id, position, name, responsible_role, department_id, responsible_label, allotted_minutes, inter_agency)
      SELECT process_id, position, name, responsible_role, department_id, responsible_label, allotted_minutes, inter_agency
        FROM jsonb_to_recordset(${JSON.stringify(steps)}::jsonb)
          AS x(process_id uuid, position int, name text, responsible_role text, department_id uuid, responsible_label text, allotted_minutes int, inter_agency boolean)`);
  }
  return rows.length;
}

/** The catalog step of the demo seed (src/server/seed/seed-demo.ts); returns the rows it added. */
export const catalogSeeder: DemoSeeder = {
  name: 'catalog',
  async run(tx, actor, state) {
    const r = await seedDemoCatalog(tx, actor, state.agencyIds, demoCatalog(state.options.catalogExtension ?? true));
    return r.fields + r.decisions + r.versions + r.internalProcesses;
  },
};
