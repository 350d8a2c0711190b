/**
 * Loads, validates and completes the partnership profile: the bank holidays of its
 * calendar are computed here, for the years around now. The site is built with it; the
 * functions get the result written into their bundle (infra/aws/bundle.ts), so Lambda
 * neither validates nor computes anything at a cold start.
 */
import { bankHolidaysFor, YEARS_AHEAD } from './bank-holidays';
import { profileSchema, type Profile } from './profile-schema';
import sampleProfile from './profiles/avonford.json' with { type: 'json' };

/** Validates raw profile data, throwing one readable message listing every problem. */
export function parseProfile(raw: unknown, source = 'profile', now = new Date()): Profile {
  const result = profileSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid partnership profile in ${source}:\n${lines.join('\n')}`);
  }
  const profile = result.data;
  const year = now.getUTCFullYear();
  const holidays = bankHolidaysFor(profile.workflow.calendar, year - 1, year + YEARS_AHEAD);
  const bankHolidays = [...new Set([...holidays, ...(profile.workflow.closureDays ?? [])])].sort();
  return { ...profile, workflow: { ...profile.workflow, bankHolidays } };
}

let cached: Profile | undefined;

/** The bundled partnership profile, validated and completed once per process. */
export function defaultProfile(): Profile {
  cached ??= parseProfile(sampleProfile, 'shared/config/profiles/avonford.json');
  return cached;
}

export type { Profile };
