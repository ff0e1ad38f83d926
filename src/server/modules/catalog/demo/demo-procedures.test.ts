import { describe, it, expect } from 'vitest';
import { demoProcedures, type DemoProcedure, type DemoLevel } from './demo-procedures.data.js';
import { demoExtensionProcedures } from './extension/extension.js';

const PROVINCIAL_AGENCIES = [
  'SNV', 'STP', 'SCT', 'SNNPTNT', 'STNMT', 'STTTT', 'SLDTBXH', 'SVHTTDL',
  'SKHCN', 'SGDDT', 'SYT', 'SKHDT', 'STC', 'SXD', 'SGTVT',
];
const AGENCIES_BY_LEVEL: Record<DemoLevel, string[]> = {
  province: PROVINCIAL_AGENCIES,
  district: ['UBND_HUYEN'],
  commune: ['UBND_XA'],
};
const DEPARTMENTS_BY_LEVEL: Record<DemoLevel, string[]> = {
  province: [],
  district: ['PTP', 'PTNMT', 'PKTHT', 'PTCKH', 'PLDTBXH', 'PVHTT', 'PGDDT', 'PYT', 'PNV', 'PNNPTNT'],
  commune: ['TPHT', 'DCXD', 'VHXH'],
};
const CODE_PATTERN = /^[12]\.\d{6}(\.000\.00\.00\.H33)?$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Legal time in working hours, computed here independently of the builder: 1 working day is
 * 8 working hours; calendar days count only their working days (5 of 7, rounded down).
 */
function legalHours(p: DemoProcedure): number {
  switch (p.time.unit) {
    case 'working_days':
      return p.time.value * 8;
    case 'working_hours':
      return p.time.value;
    case 'calendar_days':
      return Math.floor((p.time.value * 5) / 7) * 8;
  }
}

function processHours(p: DemoProcedure): number {
  return p.internalProcess.reduce((sum, step) => sum + step.hours, 0);
}

/** Every string anywhere inside a value, with its path, for the NFC check. */
function collectStrings(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => collectStrings(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) collectStrings(v, `${path}.${key}`, out);
  }
}

function findByName(name: string): DemoProcedure {
  const found = demoProcedures.find((p) => p.name === name);
  if (found === undefined) throw new Error(`procedure not found: ${name}`);
  return found;
}

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

describe('demonstration procedure catalog: size and spread', () => {
  it('has at least 160 procedures', () => {
    expect(demoProcedures.length).toBeGreaterThanOrEqual(160);
  });

  it('covers at least 15 distinct fields, each code with a single name', () => {
    const names = new Map<string, Set<string>>();
    for (const p of demoProcedures) {
      const set = names.get(p.fieldCode) ?? new Set<string>();
      set.add(p.fieldName);
      names.set(p.fieldCode, set);
    }
    expect(names.size).toBeGreaterThanOrEqual(15);
    for (const [code, set] of names) {
      expect(code).toMatch(/^[A-Z]+$/);
      expect([...set], code).toHaveLength(1);
    }
  });

  it('covers the three levels, each with a substantial share', () => {
    for (const level of ['province', 'district', 'commune'] as const) {
      expect(demoProcedures.filter((p) => p.level === level).length, level).toBeGreaterThanOrEqual(30);
    }
  });

  it('mixes online levels, on-the-spot, inter-agency and postal-return procedures', () => {
    for (const level of [2, 3, 4] as const) {
      expect(demoProcedures.some((p) => p.onlineLevel === level), `level ${level}`).toBe(true);
    }
    expect(demoProcedures.filter((p) => p.onTheSpot).length).toBeGreaterThanOrEqual(5);
    expect(demoProcedures.filter((p) => p.interAgency).length).toBeGreaterThanOrEqual(5);
    expect(demoProcedures.filter((p) => p.postalReturn).length).toBeGreaterThanOrEqual(5);
    expect(demoProcedures.some((p) => p.time.unit === 'calendar_days')).toBe(true);
    expect(demoProcedures.some((p) => p.time.unit === 'working_hours')).toBe(true);
  });

  it('gives most provincial departments some procedures', () => {
    const used = new Set(demoProcedures.filter((p) => p.level === 'province').map((p) => p.agencyKey));
    expect(used.size).toBe(PROVINCIAL_AGENCIES.length);
  });
});

describe.each([
  ['core', demoProcedures],
  ['extension', demoExtensionProcedures],
  ['core and extension', [...demoProcedures, ...demoExtensionProcedures]],
] as const)('demonstration procedure catalog (%s): integrity of every procedure', (_label, catalog: readonly DemoProcedure[]) => {
  it('uses unique codes in the national patterns, unique also without the suffix', () => {
    const codes = catalog.map((p) => p.code);
    for (const code of codes) expect(code).toMatch(CODE_PATTERN);
    expect(new Set(codes).size).toBe(codes.length);
    const bases = codes.map((c) => c.split('.').slice(0, 2).join('.'));
    expect(new Set(bases).size).toBe(bases.length);
  });

  it('uses unique names at each level (the national database names some provincial and district procedures alike)', () => {
    const names = catalog.map((p) => `${p.level}|${p.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('stores every string in NFC and without stray whitespace', () => {
    const strings: { path: string; text: string }[] = [];
    catalog.forEach((p) => collectStrings(p, p.code, strings));
    for (const { path, text } of strings) {
      expect(text === text.normalize('NFC'), path).toBe(true);
      expect(text, path).toBe(text.trim());
      expect(text.length, path).toBeGreaterThan(0);
    }
  });

  it('takes agency and department keys from the allowed lists of the procedure level', () => {
    for (const p of catalog) {
      expect(AGENCIES_BY_LEVEL[p.level], p.code).toContain(p.agencyKey);
      if (p.departmentKey !== undefined) expect(DEPARTMENTS_BY_LEVEL[p.level], p.code).toContain(p.departmentKey);
    }
  });

  it('has a positive integer legal time', () => {
    for (const p of catalog) {
      expect(Number.isInteger(p.time.value) && p.time.value > 0, p.code).toBe(true);
    }
  });

  it('keeps every internal process within the legal time (1 working day = 8 working hours)', () => {
    for (const p of catalog) {
      const total = processHours(p);
      expect(total, `${p.code}: ${total} h vs ${legalHours(p)} h`).toBeLessThanOrEqual(legalHours(p));
      // A published cut never removes more than 80% of the legal time (the largest cut in the seed).
      expect(total, p.code).toBeGreaterThanOrEqual(legalHours(p) * 0.2);
    }
  });

  it('orders the internal process from the desk to the clerk, with positive step times', () => {
    for (const p of catalog) {
      const steps = p.internalProcess;
      expect(steps.length, p.code).toBeGreaterThanOrEqual(3);
      expect(steps[0]?.responsible, p.code).toBe('desk');
      expect(steps[steps.length - 1]?.responsible, p.code).toBe('clerk');
      expect(steps.some((s) => s.responsible === 'specialist'), p.code).toBe(true);
      for (const step of steps) expect(step.hours, `${p.code} ${step.name}`).toBeGreaterThan(0);
      if (p.level === 'commune') expect(steps.some((s) => s.responsible === 'department_head'), p.code).toBe(false);
    }
  });

  it('charges fees as non-negative whole amounts in VND', () => {
    for (const p of catalog) {
      for (const f of p.fees) {
        expect(Number.isInteger(f.amount) && f.amount >= 0, `${p.code} ${f.name}`).toBe(true);
      }
    }
  });

  it('keeps the online level coherent with its 2022 scope and with the methods', () => {
    const scopeOf = { 2: null, 3: 'partial', 4: 'full' } as const;
    for (const p of catalog) {
      expect(p.onlineScope, p.code).toBe(scopeOf[p.onlineLevel]);
      expect(p.methods.includes('online'), p.code).toBe(p.onlineLevel >= 3);
      expect(p.methods.includes('in_person'), p.code).toBe(true);
      if (p.postalReturn) expect(p.methods, p.code).toContain('post');
      expect(new Set(p.methods).size, p.code).toBe(p.methods.length);
    }
  });

  it('lists documents whose originals plus copies are at least one', () => {
    for (const p of catalog) {
      expect(p.documents.length, p.code).toBeGreaterThan(0);
      for (const d of p.documents) {
        expect(Number.isInteger(d.originals) && d.originals >= 0, `${p.code} ${d.name}`).toBe(true);
        expect(Number.isInteger(d.copies) && d.copies >= 0, `${p.code} ${d.name}`).toBe(true);
        expect(d.originals + d.copies, `${p.code} ${d.name}`).toBeGreaterThanOrEqual(1);
      }
      expect(Number.isInteger(p.sets) && p.sets >= 1, p.code).toBe(true);
    }
  });

  it('states 3 to 5 steps, the subjects and a result', () => {
    for (const p of catalog) {
      expect(p.steps.length, p.code).toBeGreaterThanOrEqual(3);
      expect(p.steps.length, p.code).toBeLessThanOrEqual(5);
      expect(p.subjects.length, p.code).toBeGreaterThan(0);
      expect(new Set(p.subjects).size, p.code).toBe(p.subjects.length);
      expect(p.result.length, p.code).toBeGreaterThan(0);
    }
  });

  it('cites legal bases with a number, a title and a real date of issue', () => {
    for (const p of catalog) {
      expect(p.legalBasis.length, p.code).toBeGreaterThan(0);
      for (const l of p.legalBasis) {
        // Normative documents carry their year (01/2021/NĐ-CP); individual decisions do not (844/QĐ-TTg).
        expect(l.number, p.code).toMatch(/^\d+\/(\d{4}\/)?[A-ZĐ]/);
        expect(l.issuedOn, `${p.code} ${l.number}`).toMatch(ISO_DATE);
        expect(isRealDate(l.issuedOn), `${p.code} ${l.number}`).toBe(true);
        // A number with a year is dated in that year.
        const year = /^\d+\/(\d{4})\//.exec(l.number)?.[1];
        if (year) expect(l.issuedOn.slice(0, 4), `${p.code} ${l.number} ${l.issuedOn}`).toBe(year);
      }
    }
  });

  it('writes cut-off times as HH:MM and only on short procedures', () => {
    for (const p of catalog.filter((q) => q.cutoffTime !== undefined)) {
      expect(p.cutoffTime, p.code).toMatch(TIME_OF_DAY);
      expect(legalHours(p), p.code).toBeLessThanOrEqual(8);
    }
  });

  it('involves another agency in every inter-agency process and none in on-the-spot ones', () => {
    for (const p of catalog) {
      const hasOther = p.internalProcess.some((s) => s.responsible === 'other_agency');
      if (p.interAgency) expect(hasOther, p.code).toBe(true);
      if (p.onTheSpot) {
        expect(p.interAgency, p.code).toBe(false);
        expect(hasOther, p.code).toBe(false);
      }
    }
  });
});

describe('demonstration procedure catalog: procedures the demo relies on', () => {
  it('registers births at the commune, fully online and free', () => {
    const p = findByName('Đăng ký khai sinh');
    expect(p).toMatchObject({
      level: 'commune',
      agencyKey: 'UBND_XA',
      fieldCode: 'HOTICH',
      fieldName: 'Hộ tịch',
      onlineLevel: 4,
      onlineScope: 'full',
      fees: [],
      cutoffTime: '15:00',
    });
  });

  it('registers marriages and deaths at the commune without a fee', () => {
    for (const name of ['Đăng ký kết hôn', 'Đăng ký khai tử']) {
      const p = findByName(name);
      expect(p.level, name).toBe('commune');
      expect(p.fieldCode, name).toBe('HOTICH');
      expect(p.fees, name).toEqual([]);
    }
  });

  it('issues copies of civil-status extracts on the spot for 8.000 đồng', () => {
    const p = findByName('Cấp bản sao Trích lục hộ tịch');
    expect(p.onTheSpot).toBe(true);
    expect(p.fees.map((f) => f.amount)).toEqual([8_000]);
  });

  it('certifies copies from originals on the spot, with the 15:00 cut-off and 2.000 đồng a page', () => {
    const p = findByName(
      'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    );
    expect(p).toMatchObject({ level: 'commune', fieldCode: 'CHUNGTHUC', onTheSpot: true, cutoffTime: '15:00' });
    expect(p.conditions).toContain('15 giờ');
    expect(p.fees[0]?.amount).toBe(2_000);
  });

  it('issues criminal-record certificates at the Department of Justice for 200.000 đồng', () => {
    const p = findByName('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam');
    expect(p).toMatchObject({ level: 'province', agencyKey: 'STP', fieldCode: 'LYLICHTUPHAP', time: { value: 10, unit: 'working_days' } });
    expect(p.fees.map((f) => f.amount)).toContain(200_000);
  });

  it('runs the birth, residence and health-insurance group as one inter-agency procedure', () => {
    const p = findByName('Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi');
    expect(p.interAgency).toBe(true);
    expect(p.internalProcess.filter((s) => s.responsible === 'other_agency')).toHaveLength(2);
    expect(p.legalBasis.map((l) => l.number)).toContain('63/2024/NĐ-CP');
  });

  it('charges the usual amounts for building permits and business registration', () => {
    expect(findByName('Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ').fees[0]?.amount).toBe(75_000);
    const enterprise = findByName('Đăng ký thành lập doanh nghiệp tư nhân');
    expect(enterprise.agencyKey).toBe('SKHDT');
    expect(enterprise.fees.map((f) => f.amount)).toEqual([50_000, 100_000]);
  });
});
