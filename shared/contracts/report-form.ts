/**
 * Decodes the report form (application/x-www-form-urlencoded or FormData) into the
 * shape the report schema expects. Shared by the submit Lambda and the browser, so a
 * form checked in the page is checked again, the same way, at the edge.
 *
 * Form conventions: dotted names (`location.area`), repeated `hateMotivations`,
 * "true"/"false" for booleans, blank fields left out, and the date as GOV.UK date-input
 * parts (`occurredAt.day|month|year`) with an optional `occurredAt.time`, in UK local
 * time (read by ./date-answer.ts).
 */
import type { FieldError } from './field-errors';
import { readDateAnswer } from './date-answer';

const ARRAY_FIELDS = new Set(['hateMotivations']);
const BOOLEAN_FIELDS = new Set(['anonymous', 'ongoing', 'privateLink', 'keepAnswersOutOfEmail']);
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
      value[parent] ??= {};
      const nested = value[parent] as Record<string, unknown>;
      if (typeof nested === 'object') nested[child] = decoded;
    }
  }

  const last = (key: string) => flat.get(key)?.at(-1);
  const date = readDateAnswer({
    day: last('occurredAt.day'),
    month: last('occurredAt.month'),
    year: last('occurredAt.year'),
    time: last('occurredAt.time'),
  });
  errors.push(...date.errors);
  if (date.value) value.occurredAt = date.value;

  // Both halves of the form are on the page when JavaScript is off; keep only what
  // applies to the answer the resident chose, so leftovers never block a report.
  if (value.type === 'asb') delete value.hateMotivations;
  if (value.type === 'hate-crime') delete value.asbCategory;
  if (value.anonymous === true) {
    delete value.contact;
    delete value.keepAnswersOutOfEmail;
  }
  // Reporters who give contact details always get a link: the box is for anonymous ones.
  if (value.anonymous === false) delete value.privateLink;
  if (value.ongoing === true && !date.given) delete value.occurredAt;
  return { value, errors };
}

function decodeBoolean(raw: string): boolean | string {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return raw;
}
