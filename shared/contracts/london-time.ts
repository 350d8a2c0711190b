/**
 * Turns a wall-clock time in the UK into an ISO instant, honouring British Summer Time.
 * Uses only Intl, so it runs the same in the browser and in Lambda.
 */
// Created on first use: building a time-zone formatter loads ICU zone data, which
// would otherwise cost every cold start, including those that never parse a date.
let offsetFormat: Intl.DateTimeFormat | undefined;

/** Minutes London is ahead of UTC at the given instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(at: Date): number {
  offsetFormat ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** ISO 8601 UTC string for a UK local date and time, or undefined if the date does not exist. */
export function londonLocalToIso(year: number, month: number, day: number, hour: number, minute: number): string | undefined {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  // The offset at the guessed instant is right except within an hour of a clock change,
  // where the second pass settles it.
  let instant = asUtc - londonOffsetMinutes(check) * 60_000;
  instant = asUtc - londonOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
}

/** The UK wall-clock date and time at an instant. */
export function londonParts(at: Date): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const local = new Date(at.getTime() + londonOffsetMinutes(at) * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay(),
  };
}

/** The start of a UK calendar day (YYYY-MM-DD), plus `plusDays`, as an ISO instant. */
export function londonDayStart(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(y, m - 1, d + plusDays));
  return londonLocalToIso(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate(), 0, 0)!;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "28 February 2027": the UK calendar date of an instant, as GOV.UK writes dates. */
export function formatLondonDate(iso: string): string {
  const p = londonParts(new Date(iso));
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/**
 * When something is due, in words that cannot be misread: a due time at midnight is the
 * end of the day before ("by the end of 30 November 2026"), never "1 December, 00:00",
 * which reads as the start of a day; any other time is "by 1 December 2026 at 2:30pm".
 */
export function formatDue(iso: string): string {
  const p = londonParts(new Date(iso));
  if (p.hour === 0 && p.minute === 0) return `by the end of ${formatLondonDate(new Date(Date.parse(iso) - 60_000).toISOString())}`;
  return `by ${formatLondonDateTime(iso)}`;
}

/** "11 July 2026" for a calendar day given as 2026-07-11 (an event's date, a period's ends). */
export function formatCalendarDate(day: string): string {
  return formatLondonDate(`${day}T12:00:00Z`);
}

/** "2027-02-28 23:59": UK local time in a form spreadsheets sort and read as a date and time. */
export function formatLondonSortable(iso: string): string {
  const p = londonParts(new Date(iso));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/** "28 February 2027 at 11:59pm" (GOV.UK style: 12-hour clock, midday and midnight by name). */
export function formatLondonDateTime(iso: string): string {
  const p = londonParts(new Date(iso));
  const time =
    p.hour === 12 && p.minute === 0
      ? 'midday'
      : p.hour === 0 && p.minute === 0
        ? 'midnight'
        : `${p.hour % 12 || 12}${p.minute ? `:${String(p.minute).padStart(2, '0')}` : ''}${p.hour < 12 ? 'am' : 'pm'}`;
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year} at ${time}`;
}

/** Whether a report's `occurredAt` is a calendar day (2026-11-21: the resident gave no time) rather than an instant. */
export function isCalendarDay(occurredAt: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(occurredAt);
}

/** When a report's `occurredAt` begins: the instant itself, or the start of a calendar day given without a time. */
export function occurredStart(occurredAt: string): string {
  return isCalendarDay(occurredAt) ? londonDayStart(occurredAt) : occurredAt;
}
