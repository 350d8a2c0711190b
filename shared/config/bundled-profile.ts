/**
 * The partnership profile as the functions use it. It is validated where it enters the
 * build (infra/aws/bundle.ts fails synth on an invalid profile), at `npm start` and in
 * the tests, so Lambda does not pay for validating it again on every cold start.
 */
import type { Profile } from './profile-schema';
import profile from './profiles/avonford.json' with { type: 'json' };

export const bundledProfile = profile as Profile;
