/**
 * Decodes the report form (application/x-www-form-urlencoded or FormData) into the
 * shape the report schema expects. Shared by the submit Lambda and the browser, so a
 * form checked in the page is checked again, the same way, at the edge.
 *
 * Form conventions: dotted names (`location.area`), repeated `hateMotivations`,
 * "true"/"false" for booleans, blank fields left out, and the date as GOV.UK date-input
 * parts (`occurredAt.day|month|year|time`) in UK local time.
 */
import type { FieldError } from './field-errors';
import { londonLocalToIso } from './london-time';

const ARRAY_FIELDS = new Set(['hateMotivations']);
const BOOLEAN_FIELDS = new Set(['anonymous', 'ongoing']);
const DATE_PARTS = ['occurredAt.day', 'occurredAt.month', 'occurredAt.year', 'occurredAt.time'] as const;
// Keys that would reach Object.prototype through a dotted name.
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

export interface DecodedForm {
  value: Record<string, unknown>;
  /** Problems only the form can have (a half-filled date), reported beside the schema's. */
  errors: FieldError[];
}

/** Decodes form entries; never throws, whatever the input. */
export function decodeReportForm(entries: Iterable<[string, string]>): DecodedForm {
  const flat = new Map<string, string[]>();
  for (const [key, value] of entries) {
    if (value.trim() !== '') flat.set(key, [...(flat.get(key) ?? []), value]);
  }
  const errors: FieldError[] = [];
  const value: Record<string, unknown> = {};
  for (const [key, values] of flat) {
    if ((DATE_PARTS as readonly string[]).includes(key)) continue;
    const parts = key.split('.');
    if (parts.length > 2 || parts.some((p) => FORBIDDEN_KEYS.has(p) || p === '')) {
      errors.push({ path: key, message: `"${key}" is not a field we accept; remove it and try again` });
      continue;
    }
    const single = values[values.length - 1] as string;
    const decoded = ARRAY_FIELDS.has(key) ? values : BOOLEAN_FIELDS.has(key) ? decodeBoolean(single) : single;
    if (parts.length === 1) value[key] = decoded;
    else {
      const [parent, child] = parts as [string, string];
      const nested = (value[parent] ??= {}) as Record<string, unknown>;
      if (typeof nested === 'object') nested[child] = decoded;
    }
  }

  const date = decodeDateParts(flat);
  if (date.error) errors.push({ path: 'occurredAt', message: date.error });
  else if (date.iso) value.occurredAt = date.iso;

  // Both halves of the form are on the page when JavaScript is off; keep only what
  // applies to the answer the resident chose, so leftovers never block a report.
  if (value.type === 'asb') delete value.hateMotivations;
  if (value.type === 'hate-crime') delete value.asbCategory;
  if (value.anonymous === true) delete value.contact;
  if (value.ongoing === true && !date.given) delete value.occurredAt;
  return { value, errors };
}

function decodeBoolean(raw: string): boolean | string {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return raw;
}

function decodeDateParts(flat: Map<string, string[]>): { iso?: string; error?: string; given: boolean } {
  const [day, month, year, time] = DATE_PARTS.map((k) => flat.get(k)?.at(-1)?.trim());
  const given = Boolean(day || month || year || time);
  if (!given) return { given };
  if (!day || !month || !year) return { given, error: 'The date it happened must include a day, month and year' };
  if (!time) return { given, error: 'Enter the approximate time it happened, like 21:30' };
  const t = /^(\d{1,2})[:.](\d{2})$/.exec(time);
  const d = Number(day), m = Number(month), y = Number(year);
  if (!t || Number(t[1]) > 23 || Number(t[2]) > 59) return { given, error: 'Enter the time as hours and minutes on a 24-hour clock, like 21:30' };
  if (![d, m, y].every(Number.isInteger) || y < 1900) return { given, error: 'The date it happened must be a real date, like 21 11 2026' };
  const iso = londonLocalToIso(y, m, d, Number(t[1]), Number(t[2]));
  return iso ? { given, iso } : { given, error: 'The date it happened must be a real date, like 21 11 2026' };
}
