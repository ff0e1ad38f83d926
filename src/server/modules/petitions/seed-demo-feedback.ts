/**
 * Demonstration feedback data, made through the same use cases officers and citizens use (so every row has its
 * action log and audit): published FAQ entries on the civil-status procedures and one question waiting for an
 * answer; three petitions to Sở Tư pháp (one answered, published and rated, one being handled, one just received);
 * an open SIPAS-style survey campaign of Sở Nội vụ. Idempotent: fixed submission keys and action ids make a
 * second run replay instead of adding, and FAQ entries and campaigns are looked up by their text.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { agencies, faqEntries, petitions, procedures, surveyCampaigns, users } from '../../db/schema';
import { actorFromUser, type Actor } from '../../auth/actor';
import type { DemoSeeder } from '../../seed/seed-demo';
import { addCalendarDays, toLocalDate } from '../../../shared/calendar';
import type { SurveyCampaignInput } from '../../../shared/schemas/surveys';
import { derivedActionId } from '../dossiers/sweep-deadlines';
import { askFaqQuestion, createFaqEntry } from '../faq/save-faq-entry';
import { createSurveyCampaign, openSurveyCampaign } from '../surveys/save-survey-campaign';
import { registerPetition, submitPetition } from './create-petition';
import { answerPetition, assignPetition, classifyPetition, publishPetition, ratePetitionAnswer } from './petition-actions';
import type { PetitionContext } from './petition-context';

/** A stable UUID per demo item, so a second run recognises what the first one did. */
const demoUuid = (name: string) => derivedActionId('demo-feedback', name);

async function actorOf(tx: Tx, where: { username: string } | { idNumber: string }): Promise<Actor | undefined> {
  const [u] = await tx
    .select({ id: users.id, kind: users.kind, fullName: users.fullName, roles: users.roles, agencyId: users.agencyId, departmentId: users.departmentId, agencyPath: agencies.path })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where('username' in where ? eq(users.username, where.username) : eq(users.idNumber, where.idNumber));
  return u ? actorFromUser(u, { kind: 'user', ip: null, requestId: null }) : undefined;
}

async function procedureIdOf(tx: Tx, code: string): Promise<string | undefined> {
  const [p] = await tx.select({ id: procedures.id }).from(procedures).where(eq(procedures.code, code));
  return p?.id;
}

const BIRTH = '1.001193.000.00.00.H33';
const MARRIAGE = '1.000894.000.00.00.H33';

const FAQ: { question: string; answer: string; procedure?: string }[] = [
  {
    procedure: BIRTH,
    question: 'Đăng ký khai sinh cho con cần nộp và xuất trình những giấy tờ gì?',
    answer:
      'Người đi đăng ký nộp tờ khai theo mẫu và giấy chứng sinh (nếu không có thì văn bản của người làm chứng xác nhận về việc sinh); xuất trình giấy tờ tùy thân. Nếu cha, mẹ đã đăng ký kết hôn thì xuất trình thêm giấy chứng nhận kết hôn.',
  },
  {
    procedure: BIRTH,
    question: 'Thời hạn đăng ký khai sinh cho trẻ là bao lâu kể từ ngày sinh?',
    answer: 'Trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con (Điều 15 Luật Hộ tịch năm 2014).',
  },
  {
    procedure: MARRIAGE,
    question: 'Đăng ký kết hôn ở đâu và bao lâu thì nhận được Giấy chứng nhận kết hôn?',
    answer:
      'Tại Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên. Ngay sau khi nhận đủ giấy tờ, nếu thấy đủ điều kiện kết hôn thì công chức tư pháp - hộ tịch ghi vào Sổ hộ tịch, hai bên cùng ký và nhận Giấy chứng nhận kết hôn.',
  },
  {
    question: 'Nộp hồ sơ trực tuyến vào buổi tối hoặc ngày nghỉ thì khi nào hồ sơ được tiếp nhận?',
    answer:
      'Hồ sơ vẫn được gửi và lưu trên hệ thống; Bộ phận Một cửa tiếp nhận vào giờ làm việc của ngày làm việc tiếp theo. Thời hạn giải quyết tính từ thời điểm tiếp nhận ghi trên Giấy tiếp nhận và hẹn trả kết quả.',
  },
  {
    question: 'Làm thế nào để tra cứu tình trạng giải quyết hồ sơ?',
    answer: 'Quét mã QR trên Giấy tiếp nhận và hẹn trả kết quả, hoặc vào mục Tra cứu hồ sơ trên Cổng dịch vụ công, nhập mã hồ sơ và mã tra cứu in trên Giấy tiếp nhận.',
  },
  {
    question: 'Muốn phản ánh về thái độ của cán bộ hoặc về một quy định hành chính thì gửi ở đâu?',
    answer:
      'Gửi phản ánh, kiến nghị trực tuyến tại mục Phản ánh, kiến nghị trên Cổng (không bắt buộc có tài khoản, chỉ cần họ tên, địa chỉ và số điện thoại hoặc thư điện tử), gửi văn bản đến Sở Tư pháp hoặc gọi điện thoại đến cơ quan tiếp nhận. Kết quả trả lời được thông báo cho người phản ánh.',
  },
];

const SURVEY_TITLE = 'Khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính năm 2026';

function surveyInput(targetAgencyIds: string[], today: string): SurveyCampaignInput {
  const q = (element: SurveyCampaignInput['questions'][number]['element'], text: string, kind: 'scale' | 'text' = 'scale') => ({
    element,
    text,
    kind,
    scale: kind === 'scale' ? (5 as const) : null,
    required: kind === 'scale',
  });
  return {
    title: SURVEY_TITLE,
    description: 'Phiếu khảo sát theo 5 yếu tố của Chỉ số hài lòng về sự phục vụ hành chính (SIPAS). Ý kiến của Ông/Bà được giữ kín.',
    targetAgencyIds,
    opensOn: today,
    closesOn: addCalendarDays(today, 60),
    openLink: true,
    questions: [
      q('access', 'Nơi ngồi chờ tại Bộ phận Một cửa có đủ chỗ ngồi, sạch sẽ, thoáng mát'),
      q('access', 'Trang thiết bị phục vụ người dân, tổ chức đầy đủ, dễ sử dụng'),
      q('procedure', 'Thủ tục hành chính được niêm yết công khai, đầy đủ, chính xác'),
      q('procedure', 'Thành phần hồ sơ, phí, lệ phí, thời hạn giải quyết đúng như niêm yết'),
      q('civil_servants', 'Công chức có thái độ giao tiếp lịch sự, lắng nghe, tôn trọng'),
      q('civil_servants', 'Công chức hướng dẫn kê khai hồ sơ tận tình, dễ hiểu'),
      q('result', 'Kết quả giải quyết đúng quy định, thông tin chính xác'),
      q('result', 'Kết quả được trả đúng hạn hoặc sớm hơn'),
      q('feedback_handling', 'Cơ quan tiếp nhận và xử lý kịp thời góp ý, phản ánh, kiến nghị'),
      q('feedback_handling', 'Góp ý khác của Ông/Bà để nâng cao chất lượng phục vụ', 'text'),
    ],
  };
}

export const feedbackSeeder: DemoSeeder = {
  name: 'feedback',
  async run(tx) {
    const leader = await actorOf(tx, { username: 'ld.stp' });
    const reform = await actorOf(tx, { username: 'cchc.snv' });
    const an = await actorOf(tx, { idNumber: '093090001234' });
    const binh = await actorOf(tx, { idNumber: '093190005678' });
    if (!leader || !reform || !an || !binh) return 0;
    let added = 0;

    // FAQ, written and published by the Sở Tư pháp leader; one citizen question waiting for an answer.
    const existing = new Set(
      (await tx.select({ q: faqEntries.question }).from(faqEntries).where(inArray(faqEntries.question, [...FAQ.map((f) => f.question), 'Trích lục hộ tịch có thể nhận qua bưu điện không?']))).map((r) => r.q),
    );
    for (const f of FAQ) {
      if (existing.has(f.question)) continue;
      const procedureId = f.procedure ? await procedureIdOf(tx, f.procedure) : undefined;
      await createFaqEntry(tx, leader, { question: f.question, answer: f.answer, procedureId, publish: true });
      added++;
    }
    if (!existing.has('Trích lục hộ tịch có thể nhận qua bưu điện không?')) {
      await askFaqQuestion(tx, binh, { question: 'Trích lục hộ tịch có thể nhận qua bưu điện không?' });
      added++;
    }

    // Petitions to Sở Tư pháp (the provincial receiving body). Every petitioner has an account, so no tracking
    // link is generated and the context's secret is never used.
    const ctx: PetitionContext = { trackingSecret: 'demo-seed', publicUrl: '' };
    const stp = leader.agencyId!;
    const before = await tx.$count(petitions, eq(petitions.agencyId, stp));
    const birthId = await procedureIdOf(tx, BIRTH);
    const published = await submitPetition(tx, an, ctx, {
      agencyId: stp,
      title: 'Đề nghị không yêu cầu nộp lại giấy tờ đã có trong Cơ sở dữ liệu quốc gia về dân cư khi đăng ký khai sinh',
      content:
        'Khi đăng ký khai sinh cho con, tôi được yêu cầu nộp bản sao giấy tờ chứng minh nơi cư trú, trong khi thông tin này đã có trong Cơ sở dữ liệu quốc gia về dân cư.\n\nĐề nghị cơ quan có thẩm quyền xem xét bỏ yêu cầu này để giảm giấy tờ cho người dân.',
      procedureId: birthId,
      publishConsent: true,
      submissionKey: demoUuid('petition-1'),
      fileIds: [],
    });
    await classifyPetition(tx, leader, ctx, { id: published }, { category: 'regulation_content', actionId: demoUuid('petition-1-classify') });
    await assignPetition(tx, leader, ctx, { id: published }, { assigneeId: leader.userId!, actionId: demoUuid('petition-1-assign') });
    await answerPetition(tx, leader, ctx, { id: published }, {
      answer:
        'Sở Tư pháp đã chỉ đạo công chức tư pháp - hộ tịch khai thác thông tin cư trú trên Cơ sở dữ liệu quốc gia về dân cư, không yêu cầu người dân nộp bản sao giấy tờ chứng minh nơi cư trú khi đăng ký khai sinh. Trường hợp còn bị yêu cầu, đề nghị Ông/Bà phản ánh để được xử lý.',
      fileIds: [],
      actionId: demoUuid('petition-1-answer'),
    });
    await publishPetition(tx, leader, ctx, { id: published }, { actionId: demoUuid('petition-1-publish') });
    await ratePetitionAnswer(tx, an, ctx, { id: published }, { level: 3, comment: 'Trả lời rõ ràng, kịp thời.', actionId: demoUuid('petition-1-rate') });

    const handling = await submitPetition(tx, binh, ctx, {
      agencyId: stp,
      title: 'Phản ánh thời gian chờ lâu tại Bộ phận Một cửa khi chứng thực bản sao',
      content: 'Sáng thứ Hai tôi phải chờ hơn một giờ để chứng thực bản sao dù chỉ có ít người, do chỉ có một cán bộ làm việc.',
      publishConsent: false,
      submissionKey: demoUuid('petition-2'),
      fileIds: [],
    });
    await classifyPetition(tx, leader, ctx, { id: handling }, { category: 'staff_conduct', actionId: demoUuid('petition-2-classify') });
    await assignPetition(tx, leader, ctx, { id: handling }, { assigneeId: leader.userId!, actionId: demoUuid('petition-2-assign') });

    await registerPetition(tx, leader, ctx, {
      channel: 'letter',
      receivedAt: new Date().toISOString(),
      title: 'Kiến nghị niêm yết công khai mức thu lệ phí chứng thực tại các xã',
      content: 'Một số xã chưa niêm yết mức thu lệ phí chứng thực, người dân không biết phải nộp bao nhiêu.',
      petitioner: { fullName: 'Trần Thị Bình', idNumber: '093190005678', address: 'Ấp Thạnh Lợi, xã Hỏa Lựu, thành phố Vị Thanh', phone: '0987654321' },
      publishConsent: true,
      submissionKey: demoUuid('petition-3'),
      fileIds: [],
    });
    added += (await tx.$count(petitions, eq(petitions.agencyId, stp))) - before;

    // An open survey campaign of Sở Nội vụ on three agencies.
    const [campaign] = await tx.select({ id: surveyCampaigns.id }).from(surveyCampaigns).where(and(eq(surveyCampaigns.title, SURVEY_TITLE), eq(surveyCampaigns.organiserAgencyId, reform.agencyId!)));
    if (!campaign) {
      const targets = await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.key, ['STP', 'UBND_VITHANH', 'TTPVHCC']));
      if (targets.length > 0) {
        const id = await createSurveyCampaign(tx, reform, surveyInput(targets.map((t) => t.id), toLocalDate(new Date())));
        await openSurveyCampaign(tx, reform, id);
        added++;
      }
    }
    return added;
  },
};
