/**
 * Loads, validates and completes the chosen partnership pack's profile: the bank holidays of its
 * calendar are computed here, for the years around now. The site is built with it; the
 * functions get the result written into their bundle (infra/aws/bundle.ts), so Lambda
 * neither validates nor computes anything at a cold start.
 */
import { readFileSync } from 'node:fs';
import { bankHolidaysFor, YEARS_AHEAD } from './bank-holidays';
import { chosenPackDir, missingPack, profileFileOf, shown } from './partnership-pack';
import { profileSchema, type Profile } from './profile-schema';

/**
 * One problem of a pack's file as a person reads it: the field, then what is wrong. Zod's
 * words for a field the schema does not know are turned into the fix.
 */
export function describeIssue(issue: { code: string; message: string; path: PropertyKey[]; keys?: PropertyKey[] }): string {
  const message =
    issue.code === 'unrecognized_keys' && issue.keys
      ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${String(k)}"`).join(', ')}: remove it or check its spelling`
      : issue.message;
  return `${issue.path.map(String).join('.') || '(root)'}: ${message}`;
}

/** Validates raw profile data, throwing one readable message listing every problem. */
export function parseProfile(raw: unknown, source = 'profile', now = new Date()): Profile {
  const result = profileSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${describeIssue(issue)}`);
    throw new Error(`Invalid partnership profile in ${source}:\n${lines.join('\n')}`);
  }
  const profile = result.data;
  const year = now.getUTCFullYear();
  const holidays = bankHolidaysFor(profile.workflow.calendar, year - 1, year + YEARS_AHEAD);
  const bankHolidays = [...new Set([...holidays, ...(profile.workflow.closureDays ?? [])])].sort();
  return { ...profile, workflow: { ...profile.workflow, bankHolidays } };
}

/** Reads a pack's profile file, saying which file when it is missing or not JSON. */
export function readProfile(packDir: string, now = new Date()): Profile {
  const problem = missingPack(packDir);
  if (problem) throw new Error(problem);
  const file = profileFileOf(packDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `${shown(file)}: missing. Every partnership pack has a profile.json: copy one from a sample pack, or run npm run partnership -- new <folder>.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${shown(file)}: not valid JSON (${(error as Error).message}).`);
  }
  return parseProfile(raw, shown(file), now);
}

let cached: Profile | undefined;

/** The chosen partnership's profile (see partnership-pack.ts), validated and completed once per process. */
export function defaultProfile(): Profile {
  cached ??= readProfile(chosenPackDir());
  return cached;
}

export type { Profile };
