/**
 * The demo catalog's extension as full procedures: each entry (extension.types.ts) through the core's builder, so
 * steps, methods and internal processes follow the same rules. Kept free of Node and database APIs, like the core.
 */
import { foldVietnamese } from '../../../../../shared/text';
import type { DemoDocument, DemoFee, DemoLegalBasis, DemoProcedure } from '../demo-procedures.data';
import { FIELDS, defineProcedure, type ProvincialDepartmentKey } from '../demo-procedures.helpers';
import type { ExtensionEntry } from './extension.types';
import { districtCommuneProcedures } from './district-commune';
import { agricultureEnvironmentProcedures } from './province-agriculture-environment';
import { healthEducationProcedures } from './province-health-education';
import { industryScienceProcedures } from './province-industry-science';
import { justiceFinanceProcedures } from './province-justice-finance';
import { labourCultureProcedures } from './province-labour-culture';
import { planningInformationProcedures } from './province-planning-information';
import { transportConstructionHomeAffairsProcedures } from './province-transport-construction-home-affairs';

const PROVINCIAL = new Set<string>(['SNV', 'STP', 'SCT', 'SNNPTNT', 'STNMT', 'STTTT', 'SLDTBXH', 'SVHTTDL', 'SKHCN', 'SGDDT', 'SYT', 'SKHDT', 'STC', 'SXD', 'SGTVT'] satisfies ProvincialDepartmentKey[]);
const COMMUNE = new Set(['TPHT', 'DCXD', 'VHXH']);
const UNITS = { wd: 'working_days', wh: 'working_hours', cd: 'calendar_days' } as const;
const FIELD_CODES = new Map(Object.entries(FIELDS).map(([code, name]) => [name as string, code]));

/** The field's code: the core's for a field it has, else the folded name (`Thủy sản` → `THUYSAN`). */
export function extensionFieldCode(name: string): string {
  return FIELD_CODES.get(name) ?? foldVietnamese(name).toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 40);
}

function documentOf(name: string): DemoDocument {
  return /^Bản sao/i.test(name) ? { name, originals: 0, copies: 1 } : { name, originals: 1, copies: 0 };
}

function feesOf(fee: ExtensionEntry['fee']): DemoFee[] {
  if (fee === undefined) return [];
  if (typeof fee === 'number') return [{ name: 'Phí, lệ phí', amount: fee }];
  return fee.map(([name, amount]) => ({ name, amount }));
}

export function extensionProcedure(e: ExtensionEntry): DemoProcedure {
  const [, value, unit] = /^(\d+)(wd|wh|cd)$/.exec(e.time) ?? [];
  if (!value || !unit) throw new Error(`${e.code}: bad time ${e.time}`);
  const level = PROVINCIAL.has(e.agency) ? 'province' : COMMUNE.has(e.agency) ? 'commune' : 'district';
  const fieldCode = extensionFieldCode(e.field);
  return defineProcedure({
    code: e.code,
    name: e.name,
    field: fieldCode,
    fieldName: e.field,
    level,
    agencyKey: level === 'province' ? e.agency : level === 'district' ? 'UBND_HUYEN' : 'UBND_XA',
    ...(level === 'province' ? {} : { departmentKey: e.agency }),
    time: { value: Number(value), unit: UNITS[unit as keyof typeof UNITS] },
    online: e.online,
    onTheSpot: e.onTheSpot ?? false,
    postalReturn: level !== 'commune',
    subjects: e.subjects === 'both' ? ['individual', 'organisation'] : [e.subjects],
    documents: e.documents.map(documentOf),
    result: e.result,
    fees: feesOf(e.fee),
    legalBasis: e.basis.map(([number, title, issuedOn]): DemoLegalBasis => ({ number, title, issuedOn })),
  });
}

/** Every procedure of the extension, provincial (by department) then district and commune. */
export const demoExtensionProcedures: DemoProcedure[] = [
  ...justiceFinanceProcedures,
  ...planningInformationProcedures,
  ...industryScienceProcedures,
  ...agricultureEnvironmentProcedures,
  ...transportConstructionHomeAffairsProcedures,
  ...healthEducationProcedures,
  ...labourCultureProcedures,
  ...districtCommuneProcedures,
].map(extensionProcedure);
