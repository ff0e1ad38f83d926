/**
 * Test fixtures for dossier tests: a province with a competent department, a public service centre (another
 * desk), a partner agency and an agency of another province; staff of every role; a procedure with an internal
 * process. Built fresh per call so tests never share state. Used only by tests.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { fromLocal } from '../../../shared/calendar';
import { Role } from '../../../shared/permissions';
import type { DeskIntakeInput, DossierActionInput } from '../../../shared/schemas/dossiers';
import { actorFromUser, type Actor } from '../../auth/actor';
import type { Executor } from '../../db/client';
import { agencies, users } from '../../db/schema';
import { createAgency, createCitizen, createProcedure, createStaff, testIdNumber, type TestAgency, type TestProcedureOptions } from '../../test/factories';
import { receiveDossierAtDesk } from './create-dossier';
import { performDossierAction } from './perform-action';

/** desk 1 h → specialist 20 h → head 4 h → leader 4 h → clerk 2 h (31 of the 40 working hours). */
export const STANDARD_STEPS: NonNullable<TestProcedureOptions['steps']> = [
  { name: 'Tiếp nhận, chuyển phòng chuyên môn', role: 'desk', minutes: 60 },
  { name: 'Chuyên viên thẩm định', role: 'specialist', minutes: 20 * 60 },
  { name: 'Trưởng phòng xem xét', role: 'department_head', minutes: 4 * 60 },
  { name: 'Lãnh đạo phê duyệt, ký', role: 'leader', minutes: 4 * 60 },
  { name: 'Văn thư vào số, phát hành', role: 'clerk', minutes: 2 * 60 },
];

export async function actorOf(db: Executor, userId: string): Promise<Actor> {
  const [u] = await db
    .select({ id: users.id, kind: users.kind, fullName: users.fullName, roles: users.roles, agencyId: users.agencyId, departmentId: users.departmentId, agencyPath: agencies.path })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, userId));
  return actorFromUser(u!, { kind: 'user', ip: '127.0.0.1', requestId: null });
}

export async function createDossierWorld(db: Executor, procedure: Partial<TestProcedureOptions> = {}) {
  const province = await createAgency(db, { name: 'UBND tỉnh Thử' });
  const department = await createAgency(db, { parent: province, name: 'Sở Tư pháp Thử' });
  const centre = await createAgency(db, { parent: province, name: 'Trung tâm Phục vụ hành chính công Thử' });
  const partner = await createAgency(db, { parent: province, name: 'Sở Tài chính Thử' });
  const elsewhere = await createAgency(db, { name: 'UBND tỉnh Khác' });
  const proc = await createProcedure(db, {
    agencies: [department],
    documents: [{ name: 'Tờ khai' }, { name: 'Bản sao giấy khai sinh', originals: 0, copies: 1 }, { name: 'Giấy ủy quyền (nếu có)' }],
    steps: STANDARD_STEPS,
    ...procedure,
  });
  const staff = {
    desk: await createStaff(db, department, [Role.DESK_OFFICER], 'Lê Thị Một Cửa'),
    centreDesk: await createStaff(db, centre, [Role.DESK_OFFICER], 'Phạm Văn Trung Tâm'),
    specialist: await createStaff(db, department, [Role.SPECIALIST], 'Trần Văn Chuyên'),
    head: await createStaff(db, department, [Role.DEPARTMENT_HEAD], 'Ngô Thị Trưởng Phòng'),
    leader: await createStaff(db, department, [Role.AGENCY_LEADER], 'Đặng Văn Giám Đốc'),
    clerk: await createStaff(db, department, [Role.CLERK], 'Vũ Thị Văn Thư'),
    partner: await createStaff(db, partner, [Role.SPECIALIST], 'Hoàng Văn Phối Hợp'),
    outsider: await createStaff(db, elsewhere, [Role.DESK_OFFICER, Role.SPECIALIST, Role.AGENCY_LEADER], 'Cán bộ Tỉnh Khác'),
  };
  const citizen = await createCitizen(db, 'Nguyễn Thị Hồng Nhung');
  const otherCitizen = await createCitizen(db, 'Bùi Văn Khác');
  const actors = {
    desk: await actorOf(db, staff.desk.id),
    centreDesk: await actorOf(db, staff.centreDesk.id),
    specialist: await actorOf(db, staff.specialist.id),
    head: await actorOf(db, staff.head.id),
    leader: await actorOf(db, staff.leader.id),
    clerk: await actorOf(db, staff.clerk.id),
    partner: await actorOf(db, staff.partner.id),
    outsider: await actorOf(db, staff.outsider.id),
    citizen: await actorOf(db, citizen.id),
    otherCitizen: await actorOf(db, otherCitizen.id),
  };
  return { province, department, centre, partner, elsewhere, procedure: proc, staff, citizen, otherCitizen, actors };
}
export type DossierWorld = Awaited<ReturnType<typeof createDossierWorld>>;

/** A complete desk intake for the world's procedure (both required documents on paper). */
export function deskInput(world: DossierWorld, overrides: Partial<DeskIntakeInput> = {}): DeskIntakeInput {
  return {
    procedureId: world.procedure.id,
    channel: 'in_person',
    applicant: { kind: 'individual', fullName: 'Nguyễn Thị Hồng Nhung', idNumber: testIdNumber(), phone: '0912345678', email: 'nhung@example.vn', address: 'Phường 1, TP Vị Thanh' },
    documents: [
      { index: 0, originals: 1, copies: 0, fileIds: [] },
      { index: 1, originals: 0, copies: 1, fileIds: [] },
    ],
    ...overrides,
  };
}

/** Local Vietnam time, e.g. at('2021-03-01', '09:00'). */
export const at = (date: string, time: string) => fromLocal(date, time);

export async function receive(db: Executor, world: DossierWorld, now: Date, overrides: Partial<DeskIntakeInput> = {}, actor = world.actors.desk) {
  const { result } = await db.transaction((tx) => receiveDossierAtDesk(tx, actor, deskInput(world, overrides), now));
  return result;
}

type ActionBody = { [K in DossierActionInput['action']]: Omit<Extract<DossierActionInput, { action: K }>, 'actionId' | 'fileIds'> & { actionId?: string; fileIds?: string[] } }[DossierActionInput['action']];

/** Performs an action as `actor` at `now` (a fresh action id unless given). */
export function act(db: Executor, actor: Actor, dossierId: string, body: ActionBody, now: Date) {
  const input = { fileIds: [], ...body, actionId: body.actionId ?? randomUUID() } as DossierActionInput;
  return db.transaction((tx) => performDossierAction(tx, actor, dossierId, input, now));
}

export { type TestAgency };
