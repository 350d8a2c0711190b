/**
 * Response-due times in working days (a high-risk report: contact within one working
 * day). Counted on the UK wall clock: Saturdays, Sundays and the profile's bank holidays
 * do not count. A report received on a working day is due at the same time of day N
 * working days later; one received on a non-working day counts from the start of the
 * next working day, so "one working day" from a Saturday means by the end of Monday.
 */
import { londonLocalToIso, londonParts } from '../contracts/london-time';

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function isWorkingDay(y: number, m: number, d: number, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(iso(y, m, d));
}

function nextDay(y: number, m: number, d: number): [number, number, number] {
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

/** The instant `days` working days after `start` (ISO strings in and out). */
export function addWorkingDays(start: string, days: number, bankHolidays: readonly string[]): string {
  const holidays = new Set(bankHolidays);
  const at = londonParts(new Date(start));
  let [y, m, d] = [at.year, at.month, at.day];
  let { hour, minute } = at;
  if (!isWorkingDay(y, m, d, holidays)) {
    do [y, m, d] = nextDay(y, m, d);
    while (!isWorkingDay(y, m, d, holidays));
    hour = 0;
    minute = 0;
  }
  for (let counted = 0; counted < days; ) {
    [y, m, d] = nextDay(y, m, d);
    if (isWorkingDay(y, m, d, holidays)) counted++;
  }
  // The date is built from a real one, so it always exists.
  return londonLocalToIso(y, m, d, hour, minute)!;
}
