/**
 * What the simulator reads once before a run: agencies with their desks, the procedure versions in force over the
 * range with the agencies applying them, internal processes with their steps, rule sets and code patterns — so that
 * building a dossier needs no query (the use cases read the same rows one dossier at a time).
 */
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { DossierRules, ProcedureSnapshot, SnapshotStep } from '../../../shared/schemas/dossiers';
import type { Executor } from '../../db/client';
import {
  adminUnits,
  agencies,
  departments,
  dossierCodePatterns,
  dossierRuleSets,
  internalProcessSteps,
  internalProcesses,
  procedureFields,
  procedureVersionAgencies,
  procedureVersions,
  procedures,
} from '../../db/schema';
import type { ProcedureVersionRecord } from '../catalog/catalog.queries';
import { snapshotOf, snapshotStepOf } from '../dossiers/procedure-snapshot';
import type { SimAgency } from './dossier-builder';

export interface SimAgencyInfo extends SimAgency {
  kind: string;
  name: string;
  unitName: string;
}

export interface SimVersion {
  record: ProcedureVersionRecord;
  agencyIds: string[];
}

interface SimProcess {
  id: string;
  validFrom: string;
  validTo: string | null;
  steps: SnapshotStep[];
}

interface Dated<T> {
  validFrom: string;
  value: T;
}

/** The latest row starting on or before `date`, else the earliest (dossier-rules.ts pickByDate). */
function pick<T>(rows: readonly Dated<T>[], date: string): T {
  let best: Dated<T> | undefined;
  for (const r of rows) if (r.validFrom <= date && (!best || r.validFrom > best.validFrom)) best = r;
  return (best ?? [...rows].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))[0]!).value;
}

export class SimulationCatalog {
  private readonly snapshots = new Map<string, ProcedureSnapshot>();

  constructor(
    readonly agencies: Map<string, SimAgencyInfo>,
    readonly versions: SimVersion[],
    private readonly processes: Map<string, SimProcess[]>,
    private readonly ruleSets: Dated<DossierRules>[],
    private readonly patterns: Dated<{ id: string; pattern: string }>[],
  ) {}

  /** The public service centre (provincial procedures are received at its desk), if any. */
  get centre(): SimAgencyInfo | undefined {
    return [...this.agencies.values()].find((a) => a.kind === 'public_service_centre');
  }

  rulesOn(date: string): DossierRules {
    return pick(this.ruleSets, date);
  }

  codePatternOn(date: string) {
    return pick(this.patterns, date);
  }

  /** Versions in force on a date (the latest starting on or before it, per procedure). */
  versionsOn(date: string): SimVersion[] {
    const byProcedure = new Map<string, SimVersion>();
    for (const v of this.versions) {
      const r = v.record;
      if (r.validFrom > date || (r.validTo !== null && r.validTo < date)) continue;
      const current = byProcedure.get(r.procedureId);
      if (!current || r.validFrom > current.record.validFrom) byProcedure.set(r.procedureId, v);
    }
    return [...byProcedure.values()];
  }

  /** procedure-snapshot.ts resolveProcedure, from memory: the version and the agency's internal process on `date`. */
  snapshot(version: SimVersion, agencyId: string, date: string): ProcedureSnapshot {
    const candidates = this.processes.get(`${version.record.procedureId}|${agencyId}`) ?? [];
    let process: SimProcess | undefined;
    for (const p of candidates) if (p.validFrom <= date && (p.validTo === null || p.validTo >= date) && (!process || p.validFrom > process.validFrom)) process = p;
    const key = `${version.record.id}|${agencyId}|${process?.id ?? ''}`;
    let snapshot = this.snapshots.get(key);
    if (!snapshot) {
      snapshot = snapshotOf(version.record, process ? { id: process.id, steps: process.steps } : { id: null, steps: [] });
      this.snapshots.set(key, snapshot);
    }
    return snapshot;
  }
}

export async function loadSimulationCatalog(executor: Executor, from: string, to: string): Promise<SimulationCatalog> {
  const agencyRows = await executor
    .select({ id: agencies.id, path: agencies.path, identifierCode: agencies.identifierCode, kind: agencies.kind, name: agencies.name, unitName: adminUnits.name })
    .from(agencies)
    .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId));
  const desks = await executor.select({ agencyId: departments.agencyId, id: departments.id }).from(departments).where(eq(departments.isOneStopDesk, true));
  const deskOf = new Map(desks.map((d) => [d.agencyId, d.id]));
  const agencyMap = new Map(agencyRows.map((a) => [a.id, { ...a, deskDepartmentId: deskOf.get(a.id) ?? null }]));

  const versionRows = await executor
    .select({ version: procedureVersions, code: procedures.code, publishingAgencyId: procedures.publishingAgencyId, replacesProcedureId: procedures.replacesProcedureId, fieldCode: procedureFields.code, fieldName: procedureFields.name })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .innerJoin(procedureFields, eq(procedureFields.id, procedureVersions.fieldId))
    .where(and(lte(procedureVersions.validFrom, to), or(isNull(procedureVersions.validTo), gte(procedureVersions.validTo, from))));
  const versionIds = versionRows.map((r) => r.version.id);
  const applied = versionIds.length
    ? await executor.select().from(procedureVersionAgencies).where(inArray(procedureVersionAgencies.versionId, versionIds))
    : [];
  const agenciesOf = new Map<string, string[]>();
  for (const a of applied) agenciesOf.set(a.versionId, [...(agenciesOf.get(a.versionId) ?? []), a.agencyId]);
  const versions: SimVersion[] = versionRows.map((r) => ({
    record: { ...r.version, code: r.code, publishingAgencyId: r.publishingAgencyId, replacesProcedureId: r.replacesProcedureId, fieldCode: r.fieldCode, fieldName: r.fieldName },
    agencyIds: (agenciesOf.get(r.version.id) ?? []).sort(),
  }));

  const processRows = await executor
    .select()
    .from(internalProcesses)
    .where(and(lte(internalProcesses.validFrom, to), or(isNull(internalProcesses.validTo), gte(internalProcesses.validTo, from))));
  const stepRows = processRows.length
    ? await executor.select().from(internalProcessSteps).where(inArray(internalProcessSteps.processId, processRows.map((p) => p.id))).orderBy(asc(internalProcessSteps.position))
    : [];
  const rowsOf = new Map<string, (typeof stepRows)[number][]>();
  for (const s of stepRows) rowsOf.set(s.processId, [...(rowsOf.get(s.processId) ?? []), s]);
  const stepsOf = new Map([...rowsOf.entries()].map(([id, rows]) => [id, rows.map(snapshotStepOf)]));
  const processes = new Map<string, SimProcess[]>();
  for (const p of processRows) {
    const key = `${p.procedureId}|${p.agencyId}`;
    processes.set(key, [...(processes.get(key) ?? []), { id: p.id, validFrom: p.validFrom, validTo: p.validTo, steps: stepsOf.get(p.id) ?? [] }]);
  }

  const ruleSets = (await executor.select().from(dossierRuleSets)).map((r) => ({ validFrom: r.validFrom, value: { ...r.rules, ruleSetId: r.id } as DossierRules }));
  const patterns = (await executor.select().from(dossierCodePatterns)).map((r) => ({ validFrom: r.validFrom, value: { id: r.id, pattern: r.pattern } }));
  return new SimulationCatalog(agencyMap, versions, processes, ruleSets, patterns);
}
