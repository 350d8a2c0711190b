/**
 * The answer fields every form of the portal asks the same way, said once: text with its
 * limits, an email address, a UK phone number, a real calendar day. Each message says
 * what to do, in the words of the question.
 */
import * as z from 'zod/mini';
import { formatThousands } from './numbers';

/** A UK phone number: 10 to 13 digits, optionally with +, spaces, brackets and dashes. */
const PHONE_PATTERN = /^\+?[0-9 ()-]{10,20}$/;

/** Text that must be given: trimmed, then at least one character and at most `max`. */
export const requiredText = (max: number, missing: string, tooLong: string) =>
  z.string({ error: missing }).check(z.trim(), z.minLength(1, missing), z.maxLength(max, tooLong));

/** Text that may be left out: trimmed, at most `max`. */
export const optionalText = (max: number, label: string) =>
  z.optional(
    z
      .string({ error: `${label} must be text` })
      .check(z.trim(), z.maxLength(max, `${label} must be ${formatThousands(max)} characters or fewer`)),
  );

export const optionalEmail = () =>
  z.optional(
    z
      .email({ error: 'Enter an email address in the correct format, like name@example.com' })
      .check(z.maxLength(254, 'Email address must be 254 characters or fewer')),
  );

export const optionalPhone = () =>
  z.optional(
    z
      .string({ error: 'Enter a phone number, like 01632 960 001' })
      .check(z.trim(), z.regex(PHONE_PATTERN, 'Enter a phone number, like 01632 960 001 or +44 7700 900 982')),
  );

/** A real calendar date as YYYY-MM-DD (2026-02-30 is refused, not rolled over). */
export const isRealDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
