/**
 * Loads and validates the partnership profile. The profile is bundled into each function
 * and the site at build time; a partnership uses its own by editing
 * shared/config/profiles/avonford.json or pointing the import below at its own file.
 */
import { profileSchema, type Profile } from './profile-schema';
import sampleProfile from './profiles/avonford.json' with { type: 'json' };

/** Validates raw profile data, throwing one readable message listing every problem. */
export function parseProfile(raw: unknown, source = 'profile'): Profile {
  const result = profileSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid partnership profile in ${source}:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Profile | undefined;

/** The bundled partnership profile, validated once per process. */
export function defaultProfile(): Profile {
  cached ??= parseProfile(sampleProfile, 'shared/config/profiles/avonford.json');
  return cached;
}

export type { Profile };
