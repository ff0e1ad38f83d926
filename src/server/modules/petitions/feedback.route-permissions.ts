/**
 * Permission-matrix rows of the feedback domains (petitions, FAQ, surveys), appended to ROUTE_PERMISSIONS in
 * src/server/test/route-permissions.ts. Outcomes are written out role by role, by hand. Every matrix staff user
 * works in the world's root agency; objects are created in that agency unless a row says otherwise, fresh for
 * every request that may change them. Used only by tests.
 */
import { Readable } from 'node:stream';
import type { Db, Tx } from '../../db/client';
import { Role } from '../../../shared/permissions';
import { toLocalDate } from '../../../shared/calendar';
import { testConfig } from '../../env';
import type { Actor } from '../../auth/actor';
import type { DomainRoutes, MatrixWorld, Outcome } from '../../test/route-permissions';
import { actorOf } from '../dossiers/dossiers.test-support';
import { fileStorageFor } from '../files/file-storage';
import { storeFile } from '../files/store-file';
import { createFaqEntry, askFaqQuestion } from '../faq/save-faq-entry';
import { publishFaq } from '../faq/faq-actions';
import { createSurveyCampaign, openSurveyCampaign } from '../surveys/save-survey-campaign';
import { registerPetition, submitPetition } from './create-petition';
import { answerPetition, assignPetition, classifyPetition, publishPetition } from './petition-actions';
import { attachPetitionFiles } from './petition-attachments';
import type { PetitionContext } from './petition-context';
import { createStaff } from '../../test/factories';

const roles = (named: Partial<Record<Role, Outcome>>, otherwise: Outcome) =>
  Object.fromEntries(Object.values(Role).map((role) => [role, named[role] ?? otherwise])) as Record<Role, Outcome>;

/** Petition handlers (petition.handle). */
const HANDLERS = { agency_leader: 'allowed', reform_officer: 'allowed' } as const;
/** FAQ officers: catalog managers and petition handlers. */
const FAQ_OFFICERS = { agency_leader: 'allowed', reform_officer: 'allowed', administrator: 'allowed' } as const;
/** Every staff role and the integration account read statistics. */
const STATISTICS = roles({ citizen: 403 }, 'allowed');

const ctx: PetitionContext = { trackingSecret: testConfig().sessionSecret, publicUrl: 'http://localhost' };
const today = toLocalDate(new Date());
const transaction = <T>(db: MatrixWorld['db'], fn: (tx: Tx) => Promise<T>) => (db as Db).transaction(fn);

async function actors(world: MatrixWorld) {
  return {
    citizen: await actorOf(world.db, world.users.citizen.id),
    otherCitizen: await actorOf(world.db, world.otherCitizen.id),
    leader: await actorOf(world.db, world.users.agency_leader.id),
    reform: await actorOf(world.db, world.users.reform_officer.id),
  };
}

type Stage = 'received' | 'classified' | 'in_progress' | 'answered' | 'published';

/** A fresh petition of the matrix citizen (or another one) to the root agency, taken to `stage`. */
async function petitionAt(world: MatrixWorld, stage: Stage, owner: 'citizen' | 'otherCitizen' = 'citizen') {
  const a = await actors(world);
  return transaction(world.db, async (tx) => {
    const id = await submitPetition(tx, a[owner], ctx, { agencyId: world.agency.id, title: 'Phản ánh thử', content: 'Nội dung', publishConsent: true, fileIds: [] });
    const ref = { id };
    if (stage === 'received') return id;
    await classifyPetition(tx, a.leader, ctx, ref, { category: 'procedure' });
    if (stage === 'classified') return id;
    await assignPetition(tx, a.leader, ctx, ref, { assigneeId: a.leader.userId! });
    if (stage === 'in_progress') return id;
    await answerPetition(tx, a.leader, ctx, ref, { answer: 'Trả lời', fileIds: [] });
    if (stage === 'answered') return id;
    await publishPetition(tx, a.leader, ctx, ref, {});
    return id;
  });
}

const onPetition = (stage: Stage, body?: unknown) => async (world: MatrixWorld) => ({ params: { id: await petitionAt(world, stage) }, body: body ?? {} });

export const petitionsRoutePermissions: DomainRoutes = {
  domain: 'petitions',
  prefixes: ['/api/petitions'],
  publicRoutes: ['POST /api/petitions'],
  cases: [
    {
      method: 'POST',
      route: '/api/petitions/register',
      prepare: async () => ({
        body: { channel: 'phone', receivedAt: new Date().toISOString(), title: 'Kiến nghị qua điện thoại', content: 'Nội dung', petitioner: { fullName: 'Người Gọi', address: 'Xã A', phone: '0912345678' } },
      }),
      expect: roles(HANDLERS, 403),
    },
    { method: 'GET', route: '/api/petitions', expect: roles(HANDLERS, 403) },
    { method: 'GET', route: '/api/petitions/mine', expect: roles({}, 'allowed') },
    { method: 'GET', route: '/api/petitions/figures', prepare: async () => ({ query: `from=2026-01-01&to=${today}` }), expect: STATISTICS },
    {
      method: 'GET',
      route: '/api/petitions/:id',
      label: "the matrix citizen's petition",
      prepare: async (world) => ({ params: { id: await petitionAt(world, 'received') } }),
      expect: roles({ citizen: 'allowed', ...HANDLERS }, 404),
    },
    {
      method: 'GET',
      route: '/api/petitions/:id',
      label: "another citizen's petition",
      prepare: async (world) => ({ params: { id: await petitionAt(world, 'received', 'otherCitizen') } }),
      expect: roles(HANDLERS, 404),
    },
    {
      method: 'GET',
      route: '/api/petitions/:id',
      label: 'a petition of another province',
      prepare: async (world) => {
        const officer = await actorOf(world.db, (await createStaff(world.db, world.outsideAgency, [Role.AGENCY_LEADER])).id);
        const id = await transaction(world.db, (tx) =>
          registerPetition(tx, officer, ctx, {
            channel: 'letter',
            receivedAt: new Date().toISOString(),
            title: 'Thư',
            content: 'Nội dung',
            petitioner: { fullName: 'Người Viết Thư', address: 'Xã B', phone: '0912345678' },
            publishConsent: false,
            fileIds: [],
          }),
        );
        return { params: { id } };
      },
      expect: roles({}, 404),
    },
    {
      method: 'GET',
      route: '/api/petitions/:id/attachments/:fileId',
      prepare: async (world) => {
        const id = await petitionAt(world, 'received');
        const citizen = await actorOf(world.db, world.users.citizen.id);
        const fileId = await transaction(world.db, async (tx) => {
          const file = await storeFile(tx, citizen, fileStorageFor(testConfig()), {
            content: Readable.from([Buffer.from(`%PDF-1.4\n% ma tran ${Math.random()}\n%%EOF\n`, 'latin1')]),
            fileName: 'don.pdf',
            maxBytes: 1 << 20,
          });
          await attachPetitionFiles(tx, citizen, id, [file.id], 'petition');
          return file.id;
        });
        return { params: { id, fileId } };
      },
      expect: roles({ citizen: 'allowed', ...HANDLERS }, 404),
    },
    { method: 'GET', route: '/api/petitions/:id/handlers', prepare: onPetition('received'), expect: roles(HANDLERS, 403) },
    { method: 'POST', route: '/api/petitions/:id/classify', prepare: onPetition('received', { category: 'other' }), expect: roles(HANDLERS, 403) },
    {
      method: 'POST',
      route: '/api/petitions/:id/assign',
      prepare: async (world) => ({ params: { id: await petitionAt(world, 'classified') }, body: { assigneeId: world.users.agency_leader.id } }),
      expect: roles(HANDLERS, 403),
    },
    { method: 'POST', route: '/api/petitions/:id/forward', prepare: onPetition('received', { toExternalAgency: 'Bộ Tư pháp', note: 'Thẩm quyền' }), expect: roles(HANDLERS, 403) },
    { method: 'POST', route: '/api/petitions/:id/reject', prepare: onPetition('received', { reason: 'Không thuộc phạm vi' }), expect: roles(HANDLERS, 403) },
    { method: 'POST', route: '/api/petitions/:id/answer', prepare: onPetition('in_progress', { answer: 'Trả lời' }), expect: roles(HANDLERS, 403) },
    { method: 'POST', route: '/api/petitions/:id/publish', prepare: onPetition('answered'), expect: roles(HANDLERS, 403) },
    { method: 'POST', route: '/api/petitions/:id/unpublish', prepare: onPetition('published'), expect: roles(HANDLERS, 403) },
    // Petitioner actions: handlers see the petition but may not act for the petitioner; other staff do not see it.
    { method: 'POST', route: '/api/petitions/:id/withdraw', prepare: onPetition('received'), expect: roles({ citizen: 'allowed', agency_leader: 403, reform_officer: 403 }, 404) },
    { method: 'POST', route: '/api/petitions/:id/consent', prepare: onPetition('received', { publishConsent: false }), expect: roles({ citizen: 'allowed', agency_leader: 403, reform_officer: 403 }, 404) },
    { method: 'POST', route: '/api/petitions/:id/rate', prepare: onPetition('answered', { level: 2 }), expect: roles({ citizen: 'allowed', agency_leader: 403, reform_officer: 403 }, 404) },
  ],
};

async function faqEntry(world: MatrixWorld, stage: 'asked' | 'answered' | 'published', agency: 'own' | 'outside' = 'own') {
  const a = await actors(world);
  const officer: Actor =
    agency === 'own' ? a.reform : await actorOf(world.db, (await createStaff(world.db, world.outsideAgency, [Role.REFORM_OFFICER])).id);
  return transaction(world.db, async (tx) => {
    if (stage === 'asked') return askFaqQuestion(tx, a.citizen, { question: 'Câu hỏi thử?', agencyId: officer.agencyId! });
    const id = await createFaqEntry(tx, officer, { question: 'Câu hỏi thử?', answer: 'Trả lời', publish: false });
    if (stage === 'published') await publishFaq(tx, officer, id);
    return id;
  });
}

const onFaq = (stage: 'asked' | 'answered' | 'published', body?: unknown) => async (world: MatrixWorld) => ({ params: { id: await faqEntry(world, stage) }, body: body ?? {} });

export const faqRoutePermissions: DomainRoutes = {
  domain: 'faq',
  prefixes: ['/api/faq'],
  publicRoutes: [],
  cases: [
    { method: 'GET', route: '/api/faq/mine', expect: roles({}, 'allowed') },
    { method: 'GET', route: '/api/faq', expect: roles(FAQ_OFFICERS, 403) },
    { method: 'POST', route: '/api/faq', prepare: async () => ({ body: { question: 'Hỏi?', answer: 'Đáp.' } }), expect: roles(FAQ_OFFICERS, 403) },
    { method: 'GET', route: '/api/faq/:id', prepare: onFaq('answered'), expect: roles(FAQ_OFFICERS, 403) },
    {
      method: 'GET',
      route: '/api/faq/:id',
      label: 'an entry of another province',
      prepare: async (world) => ({ params: { id: await faqEntry(world, 'answered', 'outside') } }),
      expect: roles({ agency_leader: 404, reform_officer: 404, administrator: 404 }, 403),
    },
    { method: 'PUT', route: '/api/faq/:id', prepare: onFaq('answered', { answer: 'Đáp mới.' }), expect: roles(FAQ_OFFICERS, 403) },
    { method: 'POST', route: '/api/faq/:id/answer', prepare: onFaq('asked', { answer: 'Đáp.' }), expect: roles(FAQ_OFFICERS, 403) },
    { method: 'POST', route: '/api/faq/:id/decline', prepare: onFaq('asked', { reason: 'Trùng lặp' }), expect: roles(FAQ_OFFICERS, 403) },
    { method: 'POST', route: '/api/faq/:id/publish', prepare: onFaq('answered'), expect: roles(FAQ_OFFICERS, 403) },
    { method: 'POST', route: '/api/faq/:id/unpublish', prepare: onFaq('published'), expect: roles(FAQ_OFFICERS, 403) },
  ],
};

const campaignInput = (world: MatrixWorld) => ({
  title: 'Khảo sát thử',
  targetAgencyIds: [world.agency.id],
  opensOn: today,
  closesOn: today,
  openLink: true,
  questions: [{ element: 'access' as const, text: 'Câu hỏi?', kind: 'scale' as const, scale: 5 as const, required: true }],
});

async function campaign(world: MatrixWorld, stage: 'draft' | 'open', organiser: 'own' | 'outside' = 'own') {
  const reform =
    organiser === 'own'
      ? await actorOf(world.db, world.users.reform_officer.id)
      : await actorOf(world.db, (await createStaff(world.db, world.outsideAgency, [Role.REFORM_OFFICER])).id);
  return transaction(world.db, async (tx) => {
    const id = await createSurveyCampaign(tx, reform, campaignInput(world));
    if (stage === 'open') await openSurveyCampaign(tx, reform, id);
    return id;
  });
}

const REFORM = roles({ reform_officer: 'allowed' }, 403);
const onCampaign = (stage: 'draft' | 'open', body?: (world: MatrixWorld) => unknown) => async (world: MatrixWorld) => ({
  params: { id: await campaign(world, stage) },
  body: body ? body(world) : {},
});

export const surveysRoutePermissions: DomainRoutes = {
  domain: 'surveys',
  prefixes: ['/api/surveys'],
  publicRoutes: [],
  cases: [
    { method: 'GET', route: '/api/surveys', expect: REFORM },
    { method: 'POST', route: '/api/surveys', prepare: async (world) => ({ body: campaignInput(world) }), expect: REFORM },
    { method: 'GET', route: '/api/surveys/:id', prepare: onCampaign('draft'), expect: REFORM },
    {
      method: 'GET',
      route: '/api/surveys/:id',
      label: 'a campaign of another province',
      prepare: async (world) => ({ params: { id: await campaign(world, 'draft', 'outside') } }),
      expect: roles({ reform_officer: 404 }, 403),
    },
    { method: 'PUT', route: '/api/surveys/:id', prepare: onCampaign('draft', campaignInput), expect: REFORM },
    { method: 'POST', route: '/api/surveys/:id/open', prepare: onCampaign('draft'), expect: REFORM },
    { method: 'POST', route: '/api/surveys/:id/close', prepare: onCampaign('open'), expect: REFORM },
    { method: 'POST', route: '/api/surveys/:id/sample', prepare: onCampaign('open', () => ({ size: 5, returnedFrom: today, returnedTo: today })), expect: REFORM },
    { method: 'GET', route: '/api/surveys/:id/results', prepare: onCampaign('open'), expect: REFORM },
  ],
};
