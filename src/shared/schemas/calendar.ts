/** Contracts of the `calendar` domain: the editable official calendar per year. */
import { z } from 'zod';
import { IsoDate, RequiredText, Text } from './common';

export const CalendarDayEntry = z.object({
  date: IsoDate,
  name: RequiredText(200, 'Tên ngày'),
});
export type CalendarDayEntry = z.infer<typeof CalendarDayEntry>;

export const CalendarYearParams = z.object({
  year: z.coerce.number().int('Năm phải là số nguyên').min(2000, 'Năm phải từ 2000 trở đi').max(2100, 'Năm phải trước 2100'),
});

/** Where a year's calendar comes from: entered by an administrator, shipped with the system, or computed. */
export const CalendarYearOrigin = z.enum(['database', 'shipped', 'proposal']);
export type CalendarYearOrigin = z.infer<typeof CalendarYearOrigin>;

export const calendarYearOriginLabels: Record<CalendarYearOrigin, string> = {
  database: 'Đã nhập theo thông báo',
  shipped: 'Có sẵn trong hệ thống',
  proposal: 'Đề xuất theo quy định (chưa xác nhận)',
};

/** The body of PUT /api/calendar/years/:year, checked so each problem names its date in Vietnamese. */
export const OfficialYearInput = z.object({
  daysOff: z.array(CalendarDayEntry).max(80, 'Tối đa 80 ngày nghỉ trong một năm'),
  extraWorkingDays: z.array(CalendarDayEntry).max(30, 'Tối đa 30 ngày làm bù trong một năm'),
  source: z.enum(['official', 'proposed']).default('official'),
  note: Text(1000).optional(),
});
export type OfficialYearInput = z.infer<typeof OfficialYearInput>;

/** Vietnamese problems of a year's entries (dates outside the year, listed twice, both off and worked). */
export function officialYearProblems(year: number, input: Pick<OfficialYearInput, 'daysOff' | 'extraWorkingDays'>): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const seen = new Map<string, string>();
  const check = (entries: CalendarDayEntry[], field: 'daysOff' | 'extraWorkingDays') => {
    entries.forEach((entry, i) => {
      const path = `body.${field}.${i}.date`;
      const parsed = new Date(`${entry.date}T00:00:00Z`);
      if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== entry.date) {
        problems.push({ path, message: `Ngày ${entry.date} không tồn tại` });
      } else if (entry.date.slice(0, 4) !== String(year)) {
        problems.push({ path, message: `Ngày ${entry.date} không thuộc năm ${year}` });
      } else if (seen.has(entry.date)) {
        problems.push({
          path,
          message: seen.get(entry.date) === field ? `Ngày ${entry.date} được nhập hai lần` : `Ngày ${entry.date} vừa là ngày nghỉ vừa là ngày làm bù`,
        });
      } else {
        seen.set(entry.date, field);
      }
    });
  };
  check(input.daysOff, 'daysOff');
  check(input.extraWorkingDays, 'extraWorkingDays');
  return problems;
}

/** Output shape of an entry (no input cleaning: responses are encoded, not parsed). */
const CalendarDayEntryOut = z.object({ date: z.string(), name: z.string() });

export const CalendarYearResponse = z.object({
  year: z.number().int(),
  daysOff: z.array(CalendarDayEntryOut),
  extraWorkingDays: z.array(CalendarDayEntryOut),
  /** official | proposed (as the work calendar uses it). */
  source: z.enum(['official', 'proposed']),
  origin: CalendarYearOrigin,
  note: z.string().nullable(),
  updatedAt: z.string().nullable(),
  abilities: z.object({ update: z.boolean() }),
});
export type CalendarYearResponse = z.infer<typeof CalendarYearResponse>;

export const CalendarYearSummary = z.object({
  year: z.number().int(),
  origin: CalendarYearOrigin,
  source: z.enum(['official', 'proposed']),
  daysOffCount: z.number().int(),
  extraWorkingDaysCount: z.number().int(),
  updatedAt: z.string().nullable(),
});

export const CalendarYearList = z.object({ items: z.array(CalendarYearSummary) });
