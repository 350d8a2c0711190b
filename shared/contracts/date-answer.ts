/**
 * Reads the GOV.UK date input (day, month, year) and a separate, optional time as
 * residents type them: "21", "Nov" or "11", "26" or "2026"; "21:30", "1730", "9.30pm",
 * "9pm", "midday". Every problem is found at once, each on the box that is wrong, in
 * the words of the question ("Date it happened …"), as the GOV.UK date-input pattern
 * asks. Shared by the submit Lambda and the report form's script.
 */
import type { FieldError } from './field-errors';
import { londonLocalToIso } from './london-time';

export type DatePart = 'day' | 'month' | 'year';
export interface DateAnswer {
  day?: string | undefined;
  month?: string | undefined;
  year?: string | undefined;
  time?: string | undefined;
}
export interface ReadDate {
  /** An instant (date and time given), a calendar day YYYY-MM-DD (no time), or nothing. */
  value?: string;
  errors: FieldError[];
  /** The date boxes to mark as wrong; the time box is marked by its own error. */
  wrong: DatePart[];
  /** Whether anything was typed in any of the four boxes. */
  given: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));
const DATE = 'Date it happened';
const TIME_EXAMPLE = 'like 9:30pm or 21:30';

function readMonth(raw: string): number | undefined {
  if (/^\d{1,2}$/.test(raw)) return Number(raw) >= 1 && Number(raw) <= 12 ? Number(raw) : undefined;
  const word = raw.toLowerCase().replace(/\.$/, '');
  if (word === 'sept') return 9;
  const i = word.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(word)) : -1;
  return i === -1 ? undefined : i + 1;
}

function readYear(raw: string): number | undefined {
  if (/^\d{4}$/.test(raw)) return Number(raw) >= 1900 ? Number(raw) : undefined;
  // "26" is this century's: nobody reports a 1926 incident.
  return /^\d{2}$/.test(raw) ? 2000 + Number(raw) : undefined;
}

/** Hours and minutes from the ways people write a time; undefined if it is not one. */
function readTime(raw: string): { hour: number; minute: number } | undefined {
  const s = raw
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/a\.m\.?$/, 'am')
    .replace(/p\.m\.?$/, 'pm');
  if (s === 'midday' || s === 'noon' || s === '12noon') return { hour: 12, minute: 0 };
  if (s === 'midnight') return { hour: 0, minute: 0 };
  const m = /^(\d{1,2})(?:[:.h]?(\d{2}))?(am|pm)?$/.exec(s);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (minute > 59) return undefined;
  if (m[3]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[3] === 'pm' ? 12 : 0);
  }
  return hour <= 23 ? { hour, minute } : undefined;
}

const list = (parts: string[]) => (parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`);

export function readDateAnswer(answer: DateAnswer, name = 'occurredAt'): ReadDate {
  const [day, month, year, time] = [answer.day, answer.month, answer.year, answer.time].map((v) => v?.trim() ?? '') as [
    string,
    string,
    string,
    string,
  ];
  const given = Boolean(day || month || year || time);
  const errors: FieldError[] = [];
  let wrong: DatePart[] = [];
  let date: { y: number; m: number; d: number } | undefined;

  const missing = (['day', 'month', 'year'] as const).filter((p) => !{ day, month, year }[p]);
  if (missing.length === 3 && time) {
    wrong = [...missing];
    errors.push({ path: name, message: `Enter the date it happened, as well as the time` });
  } else if (missing.length > 0 && missing.length < 3) {
    wrong = [...missing];
    errors.push({ path: `${name}.${missing[0]}`, message: `${DATE} must include a ${list(missing)}` });
  } else if (missing.length === 0) {
    const d = /^\d{1,2}$/.test(day.replace(/(st|nd|rd|th)$/i, '')) ? Number(day.replace(/(st|nd|rd|th)$/i, '')) : undefined;
    const m = readMonth(month);
    const y = readYear(year);
    wrong = (['day', 'month', 'year'] as const).filter(
      (p) => ({ day: d === undefined || d < 1 || d > 31, month: m === undefined, year: y === undefined })[p],
    );
    if (wrong.length > 0) {
      const hint =
        wrong.length === 1 && wrong[0] === 'year'
          ? ': enter the year as 4 numbers, like 2026'
          : wrong.length === 1 && wrong[0] === 'month'
            ? ': enter the month as a number or a name, like 11 or November'
            : '';
      errors.push({ path: `${name}.${wrong[0]}`, message: `${DATE} must be a real date${hint}` });
    } else if (!londonLocalToIso(y!, m!, d!, 12, 0)) {
      wrong = ['day'];
      const days = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
      errors.push({ path: `${name}.day`, message: `${DATE} must be a real date: ${MONTH_NAMES[m! - 1]} ${y} has ${days} days` });
    } else date = { y: y!, m: m!, d: d! };
  }

  const clock = time ? readTime(time) : undefined;
  if (time && !clock)
    errors.push({ path: `${name}.time`, message: `Enter the time it happened ${TIME_EXAMPLE}, or leave it blank if you are not sure` });

  if (errors.length > 0 || !date) return { errors, wrong, given };
  const two = (n: number) => String(n).padStart(2, '0');
  const value = clock ? londonLocalToIso(date.y, date.m, date.d, clock.hour, clock.minute) : `${date.y}-${two(date.m)}-${two(date.d)}`;
  return { value, errors, wrong, given };
}
