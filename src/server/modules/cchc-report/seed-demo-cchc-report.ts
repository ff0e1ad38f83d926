/**
 * The demo's provincial report: a draft of the first half of 2021 by the Department of Home Affairs with the seed's
 * own cut-offs (dossiers from 1 January to 18 June, catalog on 15 June), date (18 June 2021), recipients and signer.
 * Every figure in it is computed from the demo records when it is viewed. Idempotent: added once.
 */
import { eq } from 'drizzle-orm';
import type { DemoSeeder } from '../../seed/seed-demo';
import { cchcReports } from '../../db/schema';
import { createCchcReport } from './cchc-report-use-cases';

export const DEMO_REPORT = {
  agencyKey: 'SNV',
  period: '2021-H1',
  dossiersFrom: '2021-01-01',
  dossiersTo: '2021-06-18',
  catalogAsOf: '2021-06-15',
  reportDate: '2021-06-18',
  header: {
    signerAuthority: 'KT. GIÁM ĐỐC',
    signerTitle: 'PHÓ GIÁM ĐỐC',
    signerName: 'Võ Thành Chính',
    recipients: ['Bộ Nội vụ', 'Văn phòng Chính phủ', 'TT: TU, HĐND, UBND tỉnh', 'Các sở, ban ngành tỉnh', 'UBND các huyện, thị xã, thành phố'],
    archive: 'VT, CCHC&VTLT',
  },
} as const;

export const cchcReportSeeder: DemoSeeder = {
  name: 'cchc-report',
  async run(tx, actor, state) {
    const agencyId = state.agencyIds.get(DEMO_REPORT.agencyKey);
    if (!agencyId) throw new Error(`Demo report: agency ${DEMO_REPORT.agencyKey} is not in the demo units`);
    const [existing] = await tx.select({ id: cchcReports.id }).from(cchcReports).where(eq(cchcReports.periodKey, DEMO_REPORT.period)).limit(1);
    if (existing) return 0;
    const { header, ...cutOffs } = DEMO_REPORT;
    const id = await createCchcReport(tx, actor, { ...cutOffs, issuingAgencyId: agencyId });
    const [row] = await tx.select({ header: cchcReports.header }).from(cchcReports).where(eq(cchcReports.id, id));
    await tx
      .update(cchcReports)
      .set({ header: { ...row!.header, ...header, recipients: [...header.recipients] } })
      .where(eq(cchcReports.id, id));
    return 1;
  },
};
