/**
 * Bank holidays computed by rule with date-holidays (England and Wales, Scotland and
 * Northern Ireland, one-off days such as a coronation included by its releases), so
 * due times never quietly count a holiday as a working day because a typed list ran out.
 * The library is large (its calendars and time zones): functions never load it (the
 * bundle step writes the computed days into each function, infra/aws/bundle.ts), and a
 * process that loads the profile reads the days from a cache file when it can, since
 * loading the library and working out 30 years takes about half a second.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BANK_HOLIDAY_CALENDARS } from './profile-schema';

type Calendar = (typeof BANK_HOLIDAY_CALENDARS)[number];
const REGIONS: Record<Calendar, string> = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };

/** Years computed ahead of the year the profile is loaded in (a deploy moves the window on). */
export const YEARS_AHEAD = 30;

const require = createRequire(import.meta.url);

/**
 * The weekdays that are bank holidays from `fromYear` to `toYear`, as YYYY-MM-DD. A holiday
 * on a weekend is left out: its substitute weekday is listed, as the government lists them.
 * `cacheDir` null works them out without reading or writing a cache.
 */
export function bankHolidaysFor(
  calendar: Calendar,
  fromYear: number,
  toYear: number,
  cacheDir: string | null = join(tmpdir(), 'csp-portal-bank-holidays'),
): string[] {
  if (cacheDir === null) return compute(calendar, fromYear, toYear);
  // Keyed by the library's version (its rules and one-off days change only with a release)
  // and by the code below, so a change to either is never answered from an old file.
  const { version } = require('date-holidays/package.json') as { version: string };
  const key = createHash('sha256').update(`${version}\n${compute.toString()}`).digest('hex').slice(0, 16);
  const cache = join(cacheDir, `${calendar}-${fromYear}-${toYear}-${key}.json`);
  try {
    return JSON.parse(readFileSync(cache, 'utf8')) as string[];
  } catch {
    // Not worked out on this machine yet.
  }
  const days = compute(calendar, fromYear, toYear);
  try {
    mkdirSync(dirname(cache), { recursive: true });
    const partial = `${cache}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(days));
    renameSync(partial, cache);
  } catch {
    // A cache that cannot be written only costs the next process the same half second.
  }
  return days;
}

function compute(calendar: Calendar, fromYear: number, toYear: number): string[] {
  const Holidays = require('date-holidays') as typeof import('date-holidays').default;
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
