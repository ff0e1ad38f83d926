/**
 * Test support: a dossier row as intake would leave it (procedure version, snapshot, projection), inserted directly
 * so payment and form tests do not depend on the whole intake flow. Kept next to its users until factories.ts has
 * a dossier factory. The procedure comes from the shared `createProcedure` factory.
 */
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/client';
import { dossierActions, dossierDocuments, dossiers } from '../../db/schema';
import type { FastifyInstance } from 'fastify';
import { createAgency, createCitizen, createProcedure, createStaff, type TestAgency } from '../../test/factories';
import { signIn, type Client } from '../../test/test-app';
import { hashTrackingSecret } from '../dossiers/tracking-secret';
import type { Role } from '../../../shared/permissions';
import type { DossierRules, ProcedureSnapshot } from '../../../shared/schemas/dossiers';
import { toLocalDate } from '../../../shared/calendar';

export interface TestDossierOptions {
  agency: TestAgency;
  applicantUserId?: string | null;
  applicantName?: string;
  fees?: { name: string; amount: number }[];
  receivedAt?: Date;
  dueAt?: Date;
  status?: string;
  trackingSecret?: string;
}

export interface TestDossier {
  id: string;
  code: string;
  trackingSecret: string;
  procedureName: string;
}

const RULES: DossierRules = {
  ruleSetId: 'nd-118-2025',
  supplementRule: 'restart',
  supplementWindowWorkingDays: 3,
  maxSupplementRequestsPerStage: 1,
  closeAfterSupplementDays: 15,
  onlineAlertHours: 2,
  onlineAcceptWorkingHours: 8,
  dueSoonWorkingDays: 1,
  statisticsAgainst: 'original',
  apologyDaysBeforeDue: 1,
  maxExtensions: 1,
};

let sequence = Math.floor(Math.random() * 5000);

export async function createTestDossier(db: Executor, options: TestDossierOptions): Promise<TestDossier> {
  const fees = options.fees ?? [{ name: 'Lệ phí cấp giấy phép', amount: 150_000 }];
  const procedureName = 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất';
  const documents = [
    { name: 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất', originals: 1, copies: 0 },
    { name: 'Giấy chứng nhận quyền sử dụng đất đã cấp', originals: 1, copies: 0 },
  ];
  const procedure = await createProcedure(db, { agencies: [options.agency], name: procedureName, time: { value: 10, unit: 'working_days' }, documents, fees });
  const snapshot: ProcedureSnapshot = {
    procedureId: procedure.id,
    versionId: procedure.versionId,
    versionNo: 1,
    code: procedure.code,
    name: procedureName,
    fieldCode: 'TEST',
    fieldName: 'Lĩnh vực thử nghiệm',
    level: 'province',
    time: { value: 10, unit: 'working_days' },
    cutoffTime: null,
    onlineLevel: 4,
    onlineScope: 'full',
    interAgency: false,
    onTheSpot: false,
    postalReturn: true,
    methods: ['in_person', 'online', 'post'],
    documents: documents.map((d, index) => ({ ...d, index, required: true, formName: null })),
    sets: 1,
    result: 'Giấy chứng nhận',
    fees: fees.map((f) => ({ ...f, note: null })),
    steps: [],
    internalProcessId: null,
  };
  const receivedAt = options.receivedAt ?? new Date();
  const feeTotal = fees.reduce((s, f) => s + f.amount, 0);
  const id = randomUUID();
  // The TT 01/2018 shape and length (forms lay it out on one line): <identifier>-<YYMMDD>-<NNNN>.
  const day = toLocalDate(receivedAt).replace(/-/g, '').slice(2);
  const code = `000.00.06.H56-${day}-${String(++sequence).padStart(4, '0')}`;
  const trackingSecret = options.trackingSecret ?? 'K7Q2M9AB';
  await db.insert(dossiers).values({
    id,
    code,
    codePatternId: 'tt01-2018',
    procedureId: procedure.id,
    procedureVersionId: procedure.versionId,
    procedure: snapshot,
    rules: RULES,
    applicantUserId: options.applicantUserId ?? null,
    applicantKind: 'individual',
    applicantName: options.applicantName ?? 'Nguyễn Thị Hồng Nhung',
    applicantIdNumber: '093190001234',
    applicantPhone: '0912345678',
    applicantEmail: 'hongnhung@example.vn',
    applicantAddress: 'Số 12 đường Trần Hưng Đạo, phường 5, thành phố Vị Thanh',
    channel: 'in_person',
    receivingAgencyId: options.agency.id,
    competentAgencyId: options.agency.id,
    agencyIds: [options.agency.id],
    submittedAt: receivedAt,
    status: options.status ?? 'in_progress',
    currentStep: 0,
    currentAgencyId: options.agency.id,
    receivedAt,
    processingStartedAt: receivedAt,
    dueAt: options.dueAt ?? new Date(receivedAt.getTime() + 14 * 86_400_000),
    originalDueAt: options.dueAt ?? new Date(receivedAt.getTime() + 14 * 86_400_000),
    lastSeq: 1,
    paymentState: feeTotal > 0 ? 'unpaid' : 'not_required',
    feeTotal,
    deliveryMethod: 'at_desk',
    trackingSecretHash: hashTrackingSecret(trackingSecret),
  });
  await db.insert(dossierActions).values({
    actionId: randomUUID(),
    dossierId: id,
    seq: 1,
    action: 'receive',
    at: receivedAt,
    actorRole: 'staff',
    actorName: 'Trần Văn Đức',
    toStatus: options.status ?? 'in_progress',
    payload: {},
    requestHash: randomUUID(),
  });
  await db.insert(dossierDocuments).values(documents.map((d, i) => ({ dossierId: id, kind: 'application', checklistIndex: i, name: d.name, originals: d.originals, copies: d.copies })));
  return { id, code, trackingSecret, procedureName };
}

export interface DossierWorld {
  agency: TestAgency;
  /** Another province: outside every staff member's scope here. */
  otherAgency: TestAgency;
  citizenId: string;
  /** The applicant of the dossiers tests create. */
  citizen: Client;
  otherCitizen: Client;
  /** Desk officer of `agency`. */
  desk: Client;
  /** Desk officer of `otherAgency`. */
  deskOutside: Client;
  /** A signed-in staff member of `agency` with the given role. */
  staff(role: Role, name?: string): Promise<Client>;
}

/** The people around a dossier: its applicant, another citizen, a desk officer in scope and one outside. */
export async function createDossierWorld(app: FastifyInstance, db: Executor, options: { agencyName?: string } = {}): Promise<DossierWorld> {
  const agency = await createAgency(db, { name: options.agencyName });
  const otherAgency = await createAgency(db);
  const applicant = await createCitizen(db, 'Nguyễn Thị Hồng Nhung');
  const other = await createCitizen(db, 'Lê Văn Tám');
  const staff = async (role: Role, name?: string, at: TestAgency = agency) => {
    const user = await createStaff(db, at, [role], name);
    return signIn(app, user.login, user.password);
  };
  return {
    agency,
    otherAgency,
    citizenId: applicant.id,
    citizen: await signIn(app, applicant.login, applicant.password),
    otherCitizen: await signIn(app, other.login, other.password),
    desk: await staff('desk_officer', 'Trần Văn Đức'),
    deskOutside: await staff('desk_officer', undefined, otherAgency),
    staff: (role, name) => staff(role, name),
  };
}
