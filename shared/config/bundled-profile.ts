/**
 * The partnership profile as the functions use it. The bundle step (infra/aws/bundle.ts)
 * writes the profile into each function as it is after loading (validated, its bank
 * holidays computed), so Lambda pays for neither at a cold start and never loads the
 * holiday calendars: the branch that loads them is dropped from the bundle. Run from
 * source (npm start, the tests), the profile is loaded here.
 */
import type { Profile } from './profile-schema';

declare global {
  /** True in a function bundle, where CSP_BUNDLED_PROFILE holds the profile. */
  var CSP_PROFILE_IS_BUNDLED: boolean | undefined;
  var CSP_BUNDLED_PROFILE: Profile | undefined;
}

export const bundledProfile: Profile = globalThis.CSP_PROFILE_IS_BUNDLED
  ? (globalThis.CSP_BUNDLED_PROFILE as Profile)
  : (await import('./load-profile')).defaultProfile();
