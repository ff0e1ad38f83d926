import { describe, it, expect } from 'vitest';
import {
  demoAgencies,
  demoUnits,
  type DemoAgency,
  type DemoUnit,
  type DemoUnitKind,
  type DemoUnitLevel,
} from './demo-units.data.js';

const LAST_DAY = '2025-06-30';
const KEY_PATTERN = /^[A-Z0-9_]+$/;
const IDENTIFIER_PATTERN = /^(\d{3})\.(\d{2})\.(\d{2})\.H33$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const EXPECTED_DISTRICTS: { name: string; kind: DemoUnitKind }[] = [
  { name: 'Thành phố Vị Thanh', kind: 'city' },
  { name: 'Thành phố Ngã Bảy', kind: 'city' },
  { name: 'Thị xã Long Mỹ', kind: 'town' },
  { name: 'Huyện Châu Thành', kind: 'district' },
  { name: 'Huyện Châu Thành A', kind: 'district' },
  { name: 'Huyện Phụng Hiệp', kind: 'district' },
  { name: 'Huyện Vị Thủy', kind: 'district' },
  { name: 'Huyện Long Mỹ', kind: 'district' },
];

const PROVINCIAL_DEPARTMENT_KEYS = [
  'SNV', 'STP', 'SCT', 'SNNPTNT', 'STNMT', 'STTTT', 'SLDTBXH', 'SVHTTDL',
  'SKHCN', 'SGDDT', 'SYT', 'SKHDT', 'STC', 'SXD', 'SGTVT',
];
const DISTRICT_DEPARTMENT_KEYS = [
  'BPMC', 'PTP', 'PTNMT', 'PKTHT', 'PTCKH', 'PLDTBXH', 'PVHTT', 'PGDDT', 'PYT', 'PNV', 'PNNPTNT',
];
const COMMUNE_DEPARTMENT_KEYS = ['BPMC', 'TPHT', 'DCXD', 'VHXH'];

const LEVEL_OF_KIND: Record<DemoUnitKind, DemoUnitLevel> = {
  province: 'province',
  city: 'district',
  town: 'district',
  district: 'district',
  ward: 'commune',
  township: 'commune',
  commune: 'commune',
};
const PARENT_LEVEL: Record<DemoUnitLevel, DemoUnitLevel | null> = {
  province: null,
  district: 'province',
  commune: 'district',
};

const unitByKey = new Map(demoUnits.map((unit) => [unit.key, unit]));
const agencyByKey = new Map(demoAgencies.map((agency) => [agency.key, agency]));
const unitsAt = (level: DemoUnitLevel): DemoUnit[] => demoUnits.filter((unit) => unit.level === level);
const districtNamed = (name: string): DemoUnit => {
  const found = unitsAt('district').find((unit) => unit.name === name);
  if (!found) throw new Error(`no district named ${name}`);
  return found;
};
const childrenOf = (key: string): DemoUnit[] => demoUnits.filter((unit) => unit.parentKey === key);
const agency = (key: string): DemoAgency => {
  const found = agencyByKey.get(key);
  if (!found) throw new Error(`no agency ${key}`);
  return found;
};
const departmentKeys = (agencyKey: string): string[] => agency(agencyKey).departments.map((d) => d.key);
const committeeOfUnit = (unitKey: string): DemoAgency | undefined =>
  demoAgencies.find((a) => a.unitKey === unitKey && a.kind.endsWith('committee'));
const duplicates = (values: string[]): string[] => values.filter((value, index) => values.indexOf(value) !== index);

function collectStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => collectStrings(item, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => collectStrings(item, into));
  return into;
}

describe('demo administrative units', () => {
  it('has exactly one province: tỉnh Hậu Giang, code 93, from 1 January 2004', () => {
    const provinces = unitsAt('province');
    expect(provinces).toHaveLength(1);
    expect(provinces[0]).toMatchObject({
      name: 'Tỉnh Hậu Giang',
      code: '93',
      kind: 'province',
      parentKey: null,
      validFrom: '2004-01-01',
    });
  });

  it('has exactly the eight district-level units of 2021, with their kinds', () => {
    const districts = unitsAt('district');
    expect(districts.map(({ name, kind }) => ({ name, kind }))).toEqual(expect.arrayContaining(EXPECTED_DISTRICTS));
    expect(districts).toHaveLength(EXPECTED_DISTRICTS.length);
  });

  it('closes every district-level unit on 30 June 2025 and dates the 2015 Long Mỹ split', () => {
    for (const district of unitsAt('district')) expect(district.validTo).toBe(LAST_DAY);
    expect(districtNamed('Thị xã Long Mỹ').validFrom).toBe('2015-05-15');
    expect(districtNamed('Huyện Long Mỹ').validFrom).toBe('2015-05-15');
  });

  it('gives every district four to six communes, wards or townships', () => {
    for (const district of unitsAt('district')) {
      const communes = childrenOf(district.key);
      expect(communes.length, district.name).toBeGreaterThanOrEqual(4);
      expect(communes.length, district.name).toBeLessThanOrEqual(6);
      for (const commune of communes) expect(commune.level).toBe('commune');
    }
  });

  it('places real communes under the right district', () => {
    const namesUnder = (districtName: string) => childrenOf(districtNamed(districtName).key).map((u) => u.name);
    expect(namesUnder('Thành phố Vị Thanh')).toEqual(expect.arrayContaining(['Phường I', 'Phường VII', 'Xã Hỏa Lựu']));
    expect(namesUnder('Huyện Châu Thành')).toEqual(
      expect.arrayContaining(['Thị trấn Ngã Sáu', 'Thị trấn Mái Dầm', 'Xã Đông Thạnh']),
    );
    expect(namesUnder('Thị xã Long Mỹ')).toEqual(expect.arrayContaining(['Phường Bình Thạnh']));
  });

  it('uses unique uppercase ASCII keys and unique codes', () => {
    expect(duplicates(demoUnits.map((u) => u.key))).toEqual([]);
    expect(duplicates(demoUnits.map((u) => u.code))).toEqual([]);
    for (const unit of demoUnits) expect(unit.key).toMatch(KEY_PATTERN);
  });

  it('shapes codes by level and nests them under the province code', () => {
    const codeLength: Record<DemoUnitLevel, number> = { province: 2, district: 3, commune: 5 };
    for (const unit of demoUnits) {
      expect(unit.code, unit.name).toMatch(/^\d+$/);
      expect(unit.code.length, unit.name).toBe(codeLength[unit.level]);
    }
    for (const district of unitsAt('district')) expect(district.code.startsWith('93')).toBe(true);
  });

  it('keeps kind, level, parent and validity consistent', () => {
    for (const unit of demoUnits) {
      expect(LEVEL_OF_KIND[unit.kind], unit.name).toBe(unit.level);
      expect(unit.validFrom).toMatch(ISO_DATE);
      if (unit.validTo !== null) {
        expect(unit.validTo).toMatch(ISO_DATE);
        expect(unit.validFrom <= unit.validTo).toBe(true);
      }
      const expectedParentLevel = PARENT_LEVEL[unit.level];
      if (expectedParentLevel === null) {
        expect(unit.parentKey).toBeNull();
        continue;
      }
      const parent = unit.parentKey === null ? undefined : unitByKey.get(unit.parentKey);
      expect(parent, `parent of ${unit.name}`).toBeDefined();
      if (!parent) continue;
      expect(parent.level).toBe(expectedParentLevel);
      expect(unit.validFrom >= parent.validFrom, `${unit.name} starts within ${parent.name}`).toBe(true);
      if (parent.validTo !== null) {
        expect(unit.validTo !== null && unit.validTo <= parent.validTo, `${unit.name} ends within ${parent.name}`).toBe(
          true,
        );
      }
    }
  });
});

describe('demo agencies', () => {
  it('uses unique uppercase ASCII keys and unique, well-formed identifier codes', () => {
    expect(duplicates(demoAgencies.map((a) => a.key))).toEqual([]);
    expect(duplicates(demoAgencies.map((a) => a.identifierCode))).toEqual([]);
    for (const a of demoAgencies) {
      expect(a.key).toMatch(KEY_PATTERN);
      expect(a.identifierCode, a.key).toMatch(IDENTIFIER_PATTERN);
    }
    expect(agency('UBND_TINH').identifierCode).toBe('000.00.00.H33');
  });

  it('binds every agency to an existing unit of the matching level', () => {
    const levelOfAgencyKind: Record<DemoAgency['kind'], DemoUnitLevel> = {
      provincial_committee: 'province',
      department: 'province',
      public_service_centre: 'province',
      district_committee: 'district',
      commune_committee: 'commune',
    };
    for (const a of demoAgencies) {
      const unit = unitByKey.get(a.unitKey);
      expect(unit, `unit of ${a.key}`).toBeDefined();
      expect(unit?.level, a.key).toBe(levelOfAgencyKind[a.kind]);
    }
  });

  it('gives every district and commune exactly one committee, keyed UBND_<unit key>', () => {
    for (const unit of [...unitsAt('district'), ...unitsAt('commune')]) {
      const committees = demoAgencies.filter((a) => a.unitKey === unit.key && a.kind.endsWith('committee'));
      expect(committees.map((c) => c.key), unit.name).toEqual([`UBND_${unit.key}`]);
    }
    expect(committeeOfUnit('VITHANH')?.key).toBe('UBND_VITHANH');
  });

  it('links parents: provincial bodies and district committees to UBND tỉnh, communes to their district', () => {
    for (const a of demoAgencies) {
      if (a.kind === 'provincial_committee') {
        expect(a.parentKey).toBeNull();
        continue;
      }
      expect(a.parentKey === null ? undefined : agencyByKey.get(a.parentKey), `parent of ${a.key}`).toBeDefined();
      if (a.kind === 'commune_committee') {
        const districtKey = unitByKey.get(a.unitKey)?.parentKey ?? '';
        expect(a.parentKey).toBe(committeeOfUnit(districtKey)?.key);
      } else {
        expect(a.parentKey, a.key).toBe('UBND_TINH');
      }
    }
  });

  it('nests each commune committee identifier under its district committee identifier', () => {
    for (const a of demoAgencies.filter((x) => x.kind === 'commune_committee')) {
      const [, , , ownGroup] = IDENTIFIER_PATTERN.exec(a.identifierCode) ?? [];
      const [, , parentLevel3, parentGroup] = IDENTIFIER_PATTERN.exec(agency(a.parentKey ?? '').identifierCode) ?? [];
      expect(parentLevel3).toBe('00');
      expect(ownGroup, a.key).toBe(parentGroup);
    }
  });

  it('has the provincial committee, the public service centre and every listed sở', () => {
    expect(agency('UBND_TINH')).toMatchObject({ kind: 'provincial_committee', name: 'Ủy ban nhân dân tỉnh Hậu Giang' });
    expect(agency('TTPVHCC')).toMatchObject({
      kind: 'public_service_centre',
      name: 'Trung tâm Phục vụ hành chính công tỉnh Hậu Giang',
    });
    for (const key of PROVINCIAL_DEPARTMENT_KEYS) expect(agency(key).kind, key).toBe('department');
    expect(demoAgencies.filter((a) => a.kind === 'department')).toHaveLength(PROVINCIAL_DEPARTMENT_KEYS.length);
    expect(agency('STP').name).toBe('Sở Tư pháp tỉnh Hậu Giang');
    expect(agency('SLDTBXH').name).toBe('Sở Lao động - Thương binh và Xã hội tỉnh Hậu Giang');
  });

  it('gives each sở two to four internal departments, including the named ones', () => {
    for (const key of PROVINCIAL_DEPARTMENT_KEYS) {
      const count = agency(key).departments.length;
      expect(count, key).toBeGreaterThanOrEqual(2);
      expect(count, key).toBeLessThanOrEqual(4);
    }
    expect(departmentKeys('STP')).toEqual(expect.arrayContaining(['VP', 'PHCTP', 'PXDKTVB']));
    expect(departmentKeys('SNV')).toEqual(expect.arrayContaining(['VP', 'PCCHC', 'PTCBM']));
  });

  it('gives district and commune committees every required department', () => {
    for (const a of demoAgencies) {
      if (a.kind === 'district_committee') {
        expect(departmentKeys(a.key), a.key).toEqual(expect.arrayContaining(DISTRICT_DEPARTMENT_KEYS));
      }
      if (a.kind === 'commune_committee') {
        expect(departmentKeys(a.key), a.key).toEqual(expect.arrayContaining(COMMUNE_DEPARTMENT_KEYS));
      }
    }
  });

  it('names urban phòng after the city and town model', () => {
    const name = (agencyKey: string, departmentKey: string) =>
      agency(agencyKey).departments.find((d) => d.key === departmentKey)?.name;
    expect(name('UBND_VITHANH', 'PKTHT')).toBe('Phòng Quản lý đô thị');
    expect(name('UBND_VITHANH', 'PNNPTNT')).toBe('Phòng Kinh tế');
    expect(name('UBND_PHUNGHIEP', 'PKTHT')).toBe('Phòng Kinh tế và Hạ tầng');
    expect(name('UBND_PHUNGHIEP', 'PNNPTNT')).toBe('Phòng Nông nghiệp và Phát triển nông thôn');
  });

  it('gives every committee a one-stop desk (UBND tỉnh through the public service centre)', () => {
    const hasDesk = (a: DemoAgency) => a.departments.some((d) => d.key === 'BPMC' && d.isOneStopDesk === true);
    for (const a of demoAgencies.filter((x) => x.kind === 'district_committee' || x.kind === 'commune_committee')) {
      expect(hasDesk(a), a.key).toBe(true);
    }
    const centre = demoAgencies.find((a) => a.kind === 'public_service_centre' && a.unitKey === agency('UBND_TINH').unitKey);
    expect(centre && hasDesk(centre)).toBe(true);
  });

  it('keeps department keys unique within each agency', () => {
    for (const a of demoAgencies) {
      expect(duplicates(a.departments.map((d) => d.key)), a.key).toEqual([]);
      for (const d of a.departments) expect(d.key).toMatch(KEY_PATTERN);
    }
  });
});

describe('demo text', () => {
  it('stores every string in NFC, trimmed, without doubled spaces', () => {
    for (const text of collectStrings([demoUnits, demoAgencies])) {
      expect(text, JSON.stringify(text)).toBe(text.normalize('NFC'));
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/\s{2}/);
    }
  });
});
