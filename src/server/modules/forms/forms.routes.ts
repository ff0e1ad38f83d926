/**
 * One-stop forms as PDF (and the tracking book as XLSX). Per-dossier forms follow the set in force when the dossier
 * was received. Staff who can read the dossier print every form; the applicant downloads the letters addressed to
 * them (receipt, supplement request, refusal, apology, stop notice), never the internal control sheet.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { AuditAction } from '../../../shared/audit-actions';
import { AppError } from '../../../shared/errors';
import { Permission } from '../../../shared/permissions';
import { ErrorResponse } from '../../../shared/schemas/common';
import { DossierFormParams, TrackingBookQuery, type FormKind } from '../../../shared/schemas/forms';
import { maskIdNumber } from '../../../shared/text';
import type { Actor } from '../../auth/actor';
import { requirePermission, requireUser } from '../../auth/plugin';
import { recordAudit } from '../../audit/record-audit';
import { agencies } from '../../db/schema';
import { authorize, can, inAgencyScope, isStaff } from '../../policies';
import { trackingSecretMatches } from '../dossiers/tracking-secret';
import { buildFormDataOf, type BuildFormOptions } from './build-form-data';
import { findFormDossier, loadAgencyHeadings, type FormDossier } from './form-data.queries';
import { renderFormOfKind, renderTrackingBook, trackingBookFormSet } from './render-form';
import { exportTrackingBookXlsx } from './tracking-book-xlsx';
import { buildTrackingBookData } from './tracking-book-data';

const tags = ['Biểu mẫu'];

/** Forms addressed to the applicant. */
const APPLICANT_FORMS: ReadonlySet<FormKind> = new Set(['receipt', 'supplement', 'refusal', 'apology', 'stop_notice']);

const PdfResponse = z.any().describe('Tệp PDF');

function sendFile(reply: FastifyReply, body: Buffer, type: string, fileName: string) {
  reply.header('content-type', type);
  reply.header('content-disposition', `inline; filename="${fileName}"`);
  return reply.send(body);
}

async function renderDossierForm(executor: Parameters<typeof buildFormDataOf>[0], actor: Actor, dossier: FormDossier, formNo: string, options: BuildFormOptions) {
  const built = await buildFormDataOf(executor, dossier, formNo, options);
  if (!isStaff(actor) && !APPLICANT_FORMS.has(built.form.kind)) throw new AppError('FORBIDDEN', { message: 'Biểu mẫu này chỉ dành cho cán bộ xử lý hồ sơ' });
  const data = built.data as { applicant?: { idNumber?: string | null } };
  // Staff without the personal-data permission print the ID number masked, as lists show it.
  if (data.applicant?.idNumber && !can(actor, 'read_personal_data', 'dossier', dossier.subject)) {
    data.applicant = { ...data.applicant, idNumber: maskIdNumber(data.applicant.idNumber) };
  }
  const pdf = await renderFormOfKind(built.set, built.form.kind, built.data as never);
  return { pdf, fileName: `${dossier.row.code}-mau-${formNo}.pdf` };
}

export default async function formsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.ctx;

  r.get(
    '/api/dossiers/:id/forms/:formNo.pdf',
    {
      preValidation: requireUser,
      schema: {
        tags,
        summary: 'In biểu mẫu của hồ sơ (PDF) theo bộ mẫu áp dụng tại ngày tiếp nhận',
        description:
          'Hồ sơ tiếp nhận trước 15/9/2025 dùng bộ mẫu Thông tư 01/2018/TT-VPCP (01–06), từ ngày đó dùng bộ mẫu Thông tư 03/2025/TT-VPCP (01–07). Sổ theo dõi hồ sơ in theo cơ quan và kỳ tại /api/forms/tracking-book.pdf.',
        params: DossierFormParams,
        response: { 200: PdfResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const dossier = await findFormDossier(database.db, request.params.id);
      authorize(request.actor, 'read', 'dossier', dossier?.subject);
      const { pdf, fileName } = await renderDossierForm(database.db, request.actor, dossier!, request.params.formNo, { publicUrl: config.publicUrl });
      return sendFile(reply, pdf, 'application/pdf', fileName);
    },
  );

  r.post(
    '/api/dossiers/:id/forms/01.pdf',
    {
      preValidation: requireUser,
      schema: {
        tags,
        summary: 'In Giấy tiếp nhận hồ sơ và hẹn trả kết quả kèm mã tra cứu',
        description: 'Mã tra cứu chỉ được cấp một lần khi tiếp nhận (hoặc cấp lại); hệ thống chỉ lưu giá trị băm nên cần gửi lại mã để in vào mã QR.',
        params: z.object({ id: DossierFormParams.shape.id }),
        body: z.object({ trackingSecret: z.string().trim().min(4).max(40) }),
        response: { 200: PdfResponse, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const dossier = await findFormDossier(database.db, request.params.id);
      authorize(request.actor, 'read', 'dossier', dossier?.subject);
      if (!trackingSecretMatches(request.body.trackingSecret, dossier!.row.trackingSecretHash)) {
        throw new AppError('VALIDATION_FAILED', { details: { fields: [{ path: 'body.trackingSecret', message: 'Mã tra cứu không đúng với hồ sơ' }] } });
      }
      const secret = request.body.trackingSecret.replace(/[\s-]/g, '').toUpperCase();
      const { pdf, fileName } = await renderDossierForm(database.db, request.actor, dossier!, '01', { publicUrl: config.publicUrl, trackingSecret: secret });
      return sendFile(reply, pdf, 'application/pdf', fileName);
    },
  );

  for (const format of ['pdf', 'xlsx'] as const) {
    r.get(
      `/api/forms/tracking-book.${format}`,
      {
        preValidation: requirePermission(Permission.PERSONAL_DATA_READ),
        schema: {
          tags,
          summary: format === 'pdf' ? 'Sổ theo dõi hồ sơ của cơ quan trong kỳ (PDF)' : 'Sổ theo dõi hồ sơ của cơ quan trong kỳ (Excel)',
          description: 'Các hồ sơ do Bộ phận Một cửa của cơ quan tiếp nhận trong kỳ (theo ngày tiếp nhận, giờ Việt Nam). Tối đa 20.000 hồ sơ một sổ.',
          querystring: TrackingBookQuery,
          response: { 200: PdfResponse, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { agencyId, from, to } = request.query;
        const [agency] = await database.db.select({ id: agencies.id, path: agencies.path }).from(agencies).where(eq(agencies.id, agencyId));
        if (!agency) throw new AppError('NOT_FOUND', { message: 'Không tìm thấy cơ quan' });
        if (!inAgencyScope(request.actor, agency.path)) throw new AppError('FORBIDDEN', { message: 'Chỉ lập sổ theo dõi của cơ quan thuộc phạm vi của mình' });
        const heading = (await loadAgencyHeadings(database.db, [agencyId])).get(agencyId)!;
        const { data, truncated } = await buildTrackingBookData(database.db, heading, { from, to });
        if (truncated) throw new AppError('VALIDATION_FAILED', { message: 'Kỳ đã chọn có quá nhiều hồ sơ cho một sổ; hãy chia thành các kỳ ngắn hơn' });
        const set = trackingBookFormSet({ from });
        await database.db.transaction((tx) =>
          recordAudit(tx, request.actor, {
            action: AuditAction.PERSONAL_DATA_VIEWED,
            subjectType: 'tracking_book',
            subjectId: agencyId,
            summary: { from, to, format, rows: data.rows.length },
          }),
        );
        const fileName = `so-theo-doi-ho-so-${from}-${to}.${format}`;
        if (format === 'pdf') return sendFile(reply, await renderTrackingBook(data, set), 'application/pdf', fileName);
        return sendFile(reply, await exportTrackingBookXlsx(set, data), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName);
      },
    );
  }
}
