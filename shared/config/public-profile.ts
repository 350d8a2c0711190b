/**
 * What of the partnership profile a browser may be sent: the names of its areas and
 * partners, to label what the API returns. Never a partner's address, data level or
 * routing rules, and nothing else the functions use.
 */
import type { Profile } from './profile-schema';

export interface PublicProfile {
  areas: { id: string; name: string }[];
  partners: { id: string; name: string }[];
}

export function publicProfileOf(profile: Pick<Profile, 'areas' | 'partners'>): PublicProfile {
  return {
    areas: profile.areas.map(({ id, name }) => ({ id, name })),
    partners: profile.partners.map(({ id, name }) => ({ id, name })),
  };
}

/** The public profile as a JSON data block's text: `<` escaped, so no name can end the block early. */
export const publicProfileJson = (profile: Pick<Profile, 'areas' | 'partners'>): string =>
  JSON.stringify(publicProfileOf(profile)).replace(/</g, '\\u003c');
