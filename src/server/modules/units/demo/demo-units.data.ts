/**
 * Demonstration province (tỉnh Hậu Giang, 2021): administrative units and agencies as typed data,
 * built from the rows in `demo-province.source.ts`.
 *
 * Electronic identifier codes (mã định danh, TT 10/2016/TT-BTTTT) read `L4.L3.L2.L1`, where L1 is
 * the province's level-1 code (H33) and each lower level is 00 / 000 when unused:
 *   000.00.00.H33   UBND tỉnh (level 1)
 *   000.00.01–15    the sở, in the order of `provincialDepartmentRows` (level 2)
 *   000.00.20       Trung tâm Phục vụ hành chính công (level 2; 16–19 and 21–29 left free)
 *   000.00.30–37    UBND cấp huyện; the two digits are the district's GSO code without its leading 9
 *   000.NN.ZZ       UBND cấp xã (level 3): ZZ is its district's group, NN its 01-based order there
 * These are demonstration values, not the province's registered codes: a deployment must import
 * the codes the province actually registered.
 */
import {
  PROVINCE_IDENTIFIER_SUFFIX,
  PROVINCE_LAST_DAY,
  PROVINCE_NAME,
  PROVINCE_VALID_FROM,
  districtRows,
  provincialDepartmentRows,
  type CommuneRow,
  type DistrictRow,
} from './demo-province.source.js';
import type { DemoAgency, DemoAgencyDepartment, DemoUnit, DemoUnitKind } from './demo-units.types.js';

export type {
  DemoAgency,
  DemoAgencyDepartment,
  DemoAgencyKind,
  DemoUnit,
  DemoUnitKind,
  DemoUnitLevel,
} from './demo-units.types.js';

export const DEMO_PROVINCE_UNIT_KEY = 'HAUGIANG';
export const DEMO_PROVINCIAL_COMMITTEE_KEY = 'UBND_TINH';
export const DEMO_PUBLIC_SERVICE_CENTRE_KEY = 'TTPVHCC';
/** Department key of every Bộ phận Một cửa in the demo data. */
export const ONE_STOP_DESK_KEY = 'BPMC';

/** The kind word as it opens an official name (`Thị xã Long Mỹ`); lower-cased inside a sentence. */
const KIND_WORD: Record<DemoUnitKind, string> = {
  province: 'Tỉnh',
  city: 'Thành phố',
  town: 'Thị xã',
  district: 'Huyện',
  ward: 'Phường',
  township: 'Thị trấn',
  commune: 'Xã',
};

/** Abbreviations used in short names (UBND TP Vị Thanh, UBND TX Long Mỹ). */
const KIND_ABBREVIATION: Record<DemoUnitKind, string> = {
  province: 'tỉnh',
  city: 'TP',
  town: 'TX',
  district: 'huyện',
  ward: 'phường',
  township: 'thị trấn',
  commune: 'xã',
};

const PROVINCE_IN_TEXT = `tỉnh ${PROVINCE_NAME}`;

function officialName(kind: DemoUnitKind, properName: string): string {
  return `${KIND_WORD[kind]} ${properName}`;
}

function nameInText(kind: DemoUnitKind, properName: string): string {
  return `${KIND_WORD[kind].toLowerCase()} ${properName}`;
}

function identifierCode(level4: string, level3: string, level2: string): string {
  return `${level4}.${level3}.${level2}.${PROVINCE_IDENTIFIER_SUFFIX}`;
}

function communeUnitKey(district: DistrictRow, commune: CommuneRow): string {
  return `${district.key}_${commune.slug}`;
}

function committeeKey(unitKey: string): string {
  return `UBND_${unitKey}`;
}

/** Level-2 group of a district committee: GSO code 930 → 30. */
function districtIdentifierGroup(district: DistrictRow): string {
  return district.code.slice(1);
}

function buildUnits(): DemoUnit[] {
  const units: DemoUnit[] = [
    {
      key: DEMO_PROVINCE_UNIT_KEY,
      code: '93',
      name: officialName('province', PROVINCE_NAME),
      kind: 'province',
      level: 'province',
      parentKey: null,
      validFrom: PROVINCE_VALID_FROM,
      validTo: PROVINCE_LAST_DAY,
    },
  ];
  for (const district of districtRows) {
    units.push({
      key: district.key,
      code: district.code,
      name: officialName(district.kind, district.properName),
      kind: district.kind,
      level: 'district',
      parentKey: DEMO_PROVINCE_UNIT_KEY,
      validFrom: district.validFrom,
      validTo: PROVINCE_LAST_DAY,
    });
    for (const commune of district.communes) {
      units.push({
        key: communeUnitKey(district, commune),
        code: commune.code,
        name: officialName(commune.kind, commune.properName),
        kind: commune.kind,
        level: 'commune',
        parentKey: district.key,
        validFrom: commune.validFrom ?? district.validFrom,
        validTo: PROVINCE_LAST_DAY,
      });
    }
  }
  return units;
}

const oneStopDesk: DemoAgencyDepartment = { key: ONE_STOP_DESK_KEY, name: 'Bộ phận Một cửa', isOneStopDesk: true };

/**
 * Phòng chuyên môn of a district committee (NĐ 37/2014/NĐ-CP, amended by NĐ 108/2020/NĐ-CP).
 * Thành phố thuộc tỉnh and thị xã have Phòng Quản lý đô thị and Phòng Kinh tế where a huyện has
 * Phòng Kinh tế và Hạ tầng and Phòng Nông nghiệp và PTNT; the keys stay the same.
 */
function districtDepartments(kind: DistrictRow['kind']): DemoAgencyDepartment[] {
  const urban = kind === 'city' || kind === 'town';
  return [
    oneStopDesk,
    { key: 'VP', name: 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân' },
    { key: 'PNV', name: 'Phòng Nội vụ' },
    { key: 'PTP', name: 'Phòng Tư pháp' },
    { key: 'PTCKH', name: 'Phòng Tài chính - Kế hoạch' },
    { key: 'PTNMT', name: 'Phòng Tài nguyên và Môi trường' },
    { key: 'PKTHT', name: urban ? 'Phòng Quản lý đô thị' : 'Phòng Kinh tế và Hạ tầng' },
    { key: 'PNNPTNT', name: urban ? 'Phòng Kinh tế' : 'Phòng Nông nghiệp và Phát triển nông thôn' },
    { key: 'PLDTBXH', name: 'Phòng Lao động - Thương binh và Xã hội' },
    { key: 'PVHTT', name: 'Phòng Văn hóa và Thông tin' },
    { key: 'PGDDT', name: 'Phòng Giáo dục và Đào tạo' },
    { key: 'PYT', name: 'Phòng Y tế' },
  ];
}

/** Công chức chuyên môn cấp xã (NĐ 92/2009/NĐ-CP; titles by kind as in TT 13/2019/TT-BNV). */
function communeDepartments(kind: CommuneRow['kind']): DemoAgencyDepartment[] {
  return [
    oneStopDesk,
    { key: 'TPHT', name: 'Công chức Tư pháp - Hộ tịch' },
    {
      key: 'DCXD',
      name:
        kind === 'commune'
          ? 'Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường'
          : 'Công chức Địa chính - Xây dựng - Đô thị và Môi trường',
    },
    { key: 'VHXH', name: 'Công chức Văn hóa - Xã hội' },
  ];
}

function buildAgencies(): DemoAgency[] {
  const agencies: DemoAgency[] = [
    {
      key: DEMO_PROVINCIAL_COMMITTEE_KEY,
      name: `Ủy ban nhân dân ${PROVINCE_IN_TEXT}`,
      shortName: `UBND ${PROVINCE_IN_TEXT}`,
      kind: 'provincial_committee',
      unitKey: DEMO_PROVINCE_UNIT_KEY,
      parentKey: null,
      identifierCode: identifierCode('000', '00', '00'),
      address: 'Số 02 đường Hòa Bình, phường V, thành phố Vị Thanh, tỉnh Hậu Giang',
      // Provincial dossiers are received at the public service centre, not at the committee.
      departments: [{ key: 'VP', name: 'Văn phòng Ủy ban nhân dân tỉnh' }],
    },
    {
      // Organised under Văn phòng UBND tỉnh; attached to the committee here because that office
      // is not modelled as an agency of its own.
      key: DEMO_PUBLIC_SERVICE_CENTRE_KEY,
      name: `Trung tâm Phục vụ hành chính công ${PROVINCE_IN_TEXT}`,
      shortName: 'Trung tâm PVHCC tỉnh',
      kind: 'public_service_centre',
      unitKey: DEMO_PROVINCE_UNIT_KEY,
      parentKey: DEMO_PROVINCIAL_COMMITTEE_KEY,
      identifierCode: identifierCode('000', '00', '20'),
      departments: [
        { ...oneStopDesk, name: 'Bộ phận Một cửa (tiếp nhận và trả kết quả)' },
        { key: 'PHCTH', name: 'Phòng Hành chính - Tổng hợp' },
      ],
    },
  ];

  for (const row of provincialDepartmentRows) {
    agencies.push({
      key: row.key,
      name: `${row.name} ${PROVINCE_IN_TEXT}`,
      shortName: row.shortName,
      kind: 'department',
      unitKey: DEMO_PROVINCE_UNIT_KEY,
      parentKey: DEMO_PROVINCIAL_COMMITTEE_KEY,
      identifierCode: identifierCode('000', '00', row.identifierGroup),
      departments: row.departments.map((department) => ({ ...department })),
    });
  }

  for (const district of districtRows) {
    const districtCommitteeKey = committeeKey(district.key);
    const group = districtIdentifierGroup(district);
    agencies.push({
      key: districtCommitteeKey,
      name: `Ủy ban nhân dân ${nameInText(district.kind, district.properName)}`,
      shortName: `UBND ${KIND_ABBREVIATION[district.kind]} ${district.properName}`,
      kind: 'district_committee',
      unitKey: district.key,
      parentKey: DEMO_PROVINCIAL_COMMITTEE_KEY,
      identifierCode: identifierCode('000', '00', group),
      ...(district.committeeAddress ? { address: district.committeeAddress } : {}),
      departments: districtDepartments(district.kind),
    });

    district.communes.forEach((commune, index) => {
      const unitKey = communeUnitKey(district, commune);
      agencies.push({
        key: committeeKey(unitKey),
        // The district is part of the name because several communes of the province share a name.
        name: `Ủy ban nhân dân ${nameInText(commune.kind, commune.properName)}, ${nameInText(district.kind, district.properName)}`,
        shortName: `UBND ${KIND_ABBREVIATION[commune.kind]} ${commune.properName}`,
        kind: 'commune_committee',
        unitKey,
        parentKey: districtCommitteeKey,
        identifierCode: identifierCode('000', String(index + 1).padStart(2, '0'), group),
        departments: communeDepartments(commune.kind),
      });
    });
  }
  return agencies;
}

export const demoUnits: DemoUnit[] = buildUnits();
export const demoAgencies: DemoAgency[] = buildAgencies();
