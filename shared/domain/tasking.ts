/**
 * The tasking view (SARA scanning): for a period, how many reports by type, ASB
 * category, area, day of the week and hour of the day, each against the period just
 * before it of the same length. Times are when it happened where the resident said,
 * else when it was received, on the UK clock.
 */
import { isCalendarDay, londonParts, occurredStart } from '../contracts/london-time';

export interface TaskingInput {
  type: string;
  category?: string;
  area: string;
  occurredAt?: string;
  createdAt: string;
}

interface CountRow {
  key: string;
  current: number;
  previous: number;
  /** Percentage change against the previous period; undefined when it had none. */
  changePercent?: number;
}

export interface TaskingSummary {
  total: CountRow;
  byType: CountRow[];
  byCategory: CountRow[];
  byArea: CountRow[];
  byDay: CountRow[];
  byHour: CountRow[];
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

function row(key: string, current: number, previous: number): CountRow {
  return { key, current, previous, ...(previous > 0 ? { changePercent: Math.round(((current - previous) / previous) * 1000) / 10 } : {}) };
}

function tally(items: TaskingInput[], keyOf: (i: TaskingInput) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function compare(
  current: TaskingInput[],
  previous: TaskingInput[],
  keyOf: (i: TaskingInput) => string | undefined,
  order?: readonly string[],
): CountRow[] {
  const a = tally(current, keyOf);
  const b = tally(previous, keyOf);
  const keys = order ?? [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => (a.get(y) ?? 0) - (a.get(x) ?? 0) || x.localeCompare(y));
  return keys.map((k) => row(k, a.get(k) ?? 0, b.get(k) ?? 0));
}

const when = (i: TaskingInput) => londonParts(new Date(occurredStart(i.occurredAt ?? i.createdAt)));
// A report dated by day alone (the resident did not know the time) counts for its day, not an hour.
const hourOf = (i: TaskingInput) => (i.occurredAt && isCalendarDay(i.occurredAt) ? undefined : String(when(i).hour).padStart(2, '0'));

export function summariseTasking(current: TaskingInput[], previous: TaskingInput[]): TaskingSummary {
  return {
    total: row('All reports', current.length, previous.length),
    byType: compare(current, previous, (i) => i.type),
    byCategory: compare(current, previous, (i) => i.category),
    byArea: compare(current, previous, (i) => i.area),
    // getUTCDay: Sunday is 0; the table starts on Monday.
    byDay: compare(current, previous, (i) => WEEKDAYS[(when(i).weekday + 6) % 7], WEEKDAYS),
    byHour: compare(
      current,
      previous,
      hourOf,
      Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')),
    ),
  };
}
