import type { DemoSeeder } from '../../seed/seed-demo';
import { seedOfficialCalendars } from './update-calendar-year';

/** The official calendars shipped with the system (2021, 2026) as editable rows. */
export const calendarSeeder: DemoSeeder = {
  name: 'calendar',
  run: (tx) => seedOfficialCalendars(tx),
};
