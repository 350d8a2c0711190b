/**
 * Bank holidays computed by rule with date-holidays (England and Wales, Scotland and
 * Northern Ireland, one-off days such as a coronation included by its releases), so
 * due times never quietly count a holiday as a working day because a typed list ran out.
 * The library is large (its calendars and time zones), so functions never load it: the
 * bundle step writes the computed days into each function (infra/aws/bundle.ts).
 */
import Holidays from 'date-holidays';
import type { BANK_HOLIDAY_CALENDARS } from './profile-schema';

const REGIONS: Record<(typeof BANK_HOLIDAY_CALENDARS)[number], string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

/** Years computed ahead of the year the profile is loaded in (a deploy moves the window on). */
export const YEARS_AHEAD = 30;

/**
 * The weekdays that are bank holidays from `fromYear` to `toYear`, as YYYY-MM-DD. A holiday
 * on a weekend is left out: its substitute weekday is listed, as the government lists them.
 */
export function bankHolidaysFor(calendar: (typeof BANK_HOLIDAY_CALENDARS)[number], fromYear: number, toYear: number): string[] {
  const holidays = new Holidays('GB', REGIONS[calendar]);
  const days: string[] = [];
  for (let year = fromYear; year <= toYear; year++)
    for (const holiday of holidays.getHolidays(year)) {
      if (holiday.type !== 'public' && holiday.type !== 'bank') continue;
      const day = holiday.date.slice(0, 10);
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) days.push(day);
    }
  return [...new Set(days)].sort();
}
