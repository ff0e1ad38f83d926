/**
 * The decisions behind the catalog's long tail (demonstration data: numbers, dates and signers are invented, the
 * kinds of decision are those a province issues):
 * - each agency's catalog was published by a decision of the provincial Chairman during 2020, before the period of
 *   the seed's report (the core's own baseline, 2450/QĐ-UBND of 15/12/2020, opens that period);
 * - three procedures were abolished in the second quarter of 2021, one was added (the seed: "1.895 (giảm 02 TTHC so
 *   với Quý I)");
 * - the internal processes of most procedures were approved in 2020; those of some fields of the justice, agriculture,
 *   planning and investment, natural resources and other departments by ten decisions of the first half of 2021
 *   (the seed: eleven decisions approving internal processes for 307 procedures, with the core's 1024/QĐ-UBND).
 * Publication decisions for the legal documents of 2021 that the entries cite are made like the core's (one per
 * document, seed-demo-catalog.ts).
 */
import type { DemoProcedure } from '../demo-procedures.data';
import { provincialDepartmentRows } from '../../../units/demo/demo-province.source';

export interface DecisionHeader {
  number: string;
  title: string;
  signedOn: string;
  effectiveFrom: string;
}

export interface ProcessApproval {
  number: string;
  date: string;
  validFrom: string;
}

const AGENCY_NAMES = new Map(provincialDepartmentRows.map((r) => [r.key as string, r.name]));
/** Baseline decisions in the order of the agencies' identifier groups, spread over 2020. */
const BASELINE_ORDER = [...provincialDepartmentRows.map((r) => r.key as string), 'UBND_HUYEN', 'UBND_XA'];

/** The 2020 decision that published an agency's procedures of the extension. */
export function extensionBaseline(p: DemoProcedure): DecisionHeader {
  const i = BASELINE_ORDER.indexOf(p.agencyKey);
  if (i < 0) throw new Error(`Demo catalog extension: no baseline decision for agency ${p.agencyKey}`);
  const month = 2 + Math.floor((i * 9) / BASELINE_ORDER.length); // February to October 2020
  const signedOn = `2020-${String(month).padStart(2, '0')}-${String(5 + ((i * 7) % 20)).padStart(2, '0')}`;
  const whose =
    p.agencyKey === 'UBND_HUYEN'
      ? 'Ủy ban nhân dân cấp huyện'
      : p.agencyKey === 'UBND_XA'
        ? 'Ủy ban nhân dân cấp xã'
        : `${AGENCY_NAMES.get(p.agencyKey) ?? p.agencyKey}`;
  return {
    number: `${312 + i * 101}/QĐ-UBND`,
    title: `Công bố Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của ${whose} tỉnh Hậu Giang`,
    signedOn,
    effectiveFrom: signedOn,
  };
}

/**
 * The procedures abolished in the second quarter of 2021: the seal notice and the private share offering notice of the
 * 2014 Law on Enterprises, which the 2020 Law dropped (both still rested on Nghị định 78/2015/NĐ-CP), and the revocation
 * of an employment-service licence, no longer a procedure under Nghị định 23/2021/NĐ-CP. With the one procedure a 2021
 * decision added in the quarter, the catalog ends it two procedures smaller (the seed: "giảm 02 TTHC so với Quý I").
 */
export const EXTENSION_ABOLISHED: DecisionHeader & { codes: readonly string[] } = {
  number: '845/QĐ-UBND',
  title: 'Công bố Danh mục thủ tục hành chính bị bãi bỏ thuộc phạm vi chức năng quản lý của Sở Kế hoạch và Đầu tư, Sở Lao động - Thương binh và Xã hội tỉnh Hậu Giang',
  signedOn: '2021-04-21',
  effectiveFrom: '2021-04-21',
  codes: ['1.121014.000.00.00.H33', '1.121015.000.00.00.H33', '1.220077.000.00.00.H33'],
};

/** Internal processes approved in 2020 (most of the extension). */
export const EXTENSION_PROCESS_BASELINE: ProcessApproval = { number: '2291/QĐ-UBND', date: '2020-12-08', validFrom: '2021-01-01' };

/** Internal processes approved in the first half of 2021, by agency and fields (an empty list: every field). */
export const EXTENSION_PROCESS_APPROVALS: readonly (ProcessApproval & { agencyKey: string; fields: readonly string[] })[] = [
  { number: '112/QĐ-UBND', date: '2021-01-21', validFrom: '2021-02-01', agencyKey: 'STP', fields: ['Công chứng'] },
  { number: '287/QĐ-UBND', date: '2021-02-24', validFrom: '2021-03-01', agencyKey: 'STP', fields: ['Luật sư'] },
  { number: '341/QĐ-UBND', date: '2021-03-05', validFrom: '2021-03-15', agencyKey: 'SNNPTNT', fields: ['Thú y'] },
  { number: '402/QĐ-UBND', date: '2021-03-16', validFrom: '2021-04-01', agencyKey: 'SKHDT', fields: ['Thành lập và hoạt động của hợp tác xã (liên hiệp hợp tác xã)'] },
  { number: '517/QĐ-UBND', date: '2021-04-06', validFrom: '2021-04-15', agencyKey: 'STP', fields: ['Trợ giúp pháp lý'] },
  { number: '598/QĐ-UBND', date: '2021-04-19', validFrom: '2021-05-01', agencyKey: 'SNNPTNT', fields: ['Chăn nuôi'] },
  { number: '664/QĐ-UBND', date: '2021-04-29', validFrom: '2021-05-10', agencyKey: 'SNNPTNT', fields: ['Khuyến nông'] },
  { number: '743/QĐ-UBND', date: '2021-05-12', validFrom: '2021-05-20', agencyKey: 'SKHDT', fields: ['Đầu tư theo phương thức đối tác công tư'] },
  { number: '806/QĐ-UBND', date: '2021-05-25', validFrom: '2021-06-01', agencyKey: 'STNMT', fields: ['Khí tượng thủy văn'] },
  { number: '851/QĐ-UBND', date: '2021-06-02', validFrom: '2021-06-10', agencyKey: 'SNNPTNT', fields: ['Quản lý chất lượng nông lâm sản và thủy sản'] },
];

/** The approval of an extension procedure's internal processes. */
export function extensionProcessApproval(p: DemoProcedure): ProcessApproval {
  const found = EXTENSION_PROCESS_APPROVALS.find((a) => a.agencyKey === p.agencyKey && (a.fields.length === 0 || a.fields.includes(p.fieldName)));
  return found ? { number: found.number, date: found.date, validFrom: found.validFrom } : EXTENSION_PROCESS_BASELINE;
}
