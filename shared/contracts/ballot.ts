/**
 * A ballot as `POST /api/polls/{id}/ballots` accepts it, as JSON or as the vote page's
 * form. The shape is checked here; whether the choices fit the poll (known options,
 * token count) is checked by shared/domain/poll-rules.ts, which knows the poll.
 * zod/mini: this ships in the ballot Lambda and the vote page's script.
 *
 * Form conventions: `tokens.<option>` (a whole number; blank is 0), `choice`,
 * `followUps.<question>`, `postcode`, and the honeypot `website`, which people never see.
 */
import * as z from 'zod/mini';
import type { FieldError } from './field-errors';

const key = z.string().check(z.maxLength(60));

export const ballotRequestSchema = z.strictObject({
  allocation: z.optional(z.record(key, z.number({ error: 'Enter a whole number of tokens, such as 2' }))),
  choice: z.optional(z.string({ error: 'Choose one answer' }).check(z.maxLength(60))),
  followUps: z.optional(z.record(key, z.string({ error: 'Answer in words' }).check(z.maxLength(2000, 'Your answer is too long')))),
  postcode: z.optional(
    z
      .string({ error: 'Enter your postcode' })
      .check(z.maxLength(12, 'Enter a real UK postcode: it has at most 8 characters, such as SW1A 1AA')),
  ),
  /** Honeypot: hidden from people, so only a form-filling robot puts anything here. */
  website: z.optional(z.string()),
});
export type BallotRequest = z.infer<typeof ballotRequestSchema>;

const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** Decodes the vote form into a BallotRequest; never throws, whatever the input. */
export function decodeBallotForm(entries: Iterable<[string, string]>): { value: BallotRequest; errors: FieldError[] } {
  const value: {
    allocation?: Record<string, number>;
    choice?: string;
    followUps?: Record<string, string>;
    postcode?: string;
    website?: string;
  } = {};
  const errors: FieldError[] = [];
  for (const [name, raw] of entries) {
    const [field, child, ...rest] = name.split('.');
    if (rest.length || (child !== undefined && (child === '' || FORBIDDEN_KEYS.has(child)))) {
      errors.push({ path: name, message: `"${name}" is not a field we accept; remove it and try again` });
      continue;
    }
    const text = raw.trim();
    if (field === 'tokens' && child !== undefined) {
      // A blank box means no tokens there, as a resident would expect.
      value.allocation ??= {};
      value.allocation[child] = text === '' ? 0 : /^-?\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
      if (Number.isNaN(value.allocation[child])) errors.push({ path: name, message: 'Enter a whole number of tokens, such as 2' });
    } else if (field === 'followUps' && child !== undefined) {
      if (text !== '') {
        value.followUps ??= {};
        value.followUps[child] = text;
      }
    } else if ((field === 'choice' || field === 'postcode' || field === 'website') && child === undefined) {
      if (text !== '') value[field] = text;
    } else {
      errors.push({ path: name, message: `"${name}" is not a field we accept; remove it and try again` });
    }
  }
  if (value.allocation) for (const k of Object.keys(value.allocation)) if (Number.isNaN(value.allocation[k])) delete value.allocation[k];
  return { value, errors };
}
