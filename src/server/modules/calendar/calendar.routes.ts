import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { proposeOfficialCalendar } from '../../../shared/calendar';
import { Permission } from '../../../shared/permissions';
import { CalendarYearList, CalendarYearParams, CalendarYearResponse, OfficialYearInput } from '../../../shared/schemas/calendar';
import { ErrorResponse } from '../../../shared/schemas/common';
import type { Actor } from '../../auth/actor';
import { requirePermission, requireStaff } from '../../auth/plugin';
import { findCalendarYear, loadOfficialYears, type StoredCalendarYear } from './calendar.queries';
import { updateCalendarYear } from './update-calendar-year';

const tags = ['Lịch làm việc'];

function presentYear(actor: Actor, y: StoredCalendarYear) {
  return {
    year: y.year,
    daysOff: y.daysOff.map((d) => ({ date: d.date, name: d.name })),
    extraWorkingDays: y.extraWorkingDays.map((d) => ({ date: d.date, name: d.name })),
    source: y.source,
    origin: y.origin,
    note: y.note ?? null,
    updatedAt: y.updatedAt ? y.updatedAt.toISOString() : null,
    abilities: { update: actor.permissions.has(Permission.CALENDAR_MANAGE) },
  };
}

export default async function calendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.ctx;

  r.get(
    '/api/calendar/years',
    { preValidation: requireStaff, schema: { tags, summary: 'Danh sách năm đã có lịch nghỉ chính thức', response: { 200: CalendarYearList, 401: ErrorResponse } } },
    async () => {
      const years = await loadOfficialYears(database.db);
      return {
        items: years.map((y) => ({
          year: y.year,
          origin: y.origin,
          source: y.source,
          daysOffCount: y.daysOff.length,
          extraWorkingDaysCount: y.extraWorkingDays.length,
          updatedAt: y.updatedAt ? y.updatedAt.toISOString() : null,
        })),
      };
    },
  );

  r.get(
    '/api/calendar/years/:year',
    { preValidation: requireStaff, schema: { tags, summary: 'Lịch nghỉ lễ, Tết của một năm', params: CalendarYearParams, response: { 200: CalendarYearResponse, 401: ErrorResponse } } },
    async (request) => presentYear(request.actor, await findCalendarYear(database.db, request.params.year)),
  );

  r.get(
    '/api/calendar/years/:year/proposal',
    {
      preValidation: requirePermission(Permission.CALENDAR_MANAGE),
      schema: { tags, summary: 'Đề xuất lịch nghỉ theo quy định (Bộ luật Lao động) cho một năm', params: CalendarYearParams, response: { 200: CalendarYearResponse, 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request) => {
      const proposal = proposeOfficialCalendar(request.params.year);
      return presentYear(request.actor, { ...proposal, source: 'proposed', origin: 'proposal', updatedAt: null });
    },
  );

  r.put(
    '/api/calendar/years/:year',
    {
      preValidation: requirePermission(Permission.CALENDAR_MANAGE),
      schema: {
        tags,
        summary: 'Nhập, sửa lịch nghỉ lễ, Tết chính thức của một năm',
        params: CalendarYearParams,
        body: OfficialYearInput,
        response: { 200: CalendarYearResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const saved = await database.db.transaction((tx) => updateCalendarYear(tx, request.actor, request.params.year, request.body));
      return presentYear(request.actor, saved);
    },
  );
}
