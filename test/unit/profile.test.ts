import { describe, expect, it } from 'vitest';
import { defaultProfile, parseProfile } from '../../shared/config/load-profile';

describe('partnership profile', () => {
  it('ships a valid sample with at least 4 areas and the 5 kinds of partner', () => {
    const profile = defaultProfile();
    expect(profile.areas.length).toBeGreaterThanOrEqual(4);
    expect(profile.partners.map((p) => p.id)).toEqual(
      expect.arrayContaining(['council-asb-team', 'police', 'riverside-homes', 'fire-rescue', 'hate-crime-support']),
    );
    expect(profile.retention.reportDays).toBeGreaterThan(0);
  });

  it('names the file, the field and the problem when a profile is wrong', () => {
    const raw = structuredClone(defaultProfile()) as unknown as { partners: { email: string; handles: { areas: unknown } }[] };
    raw.partners[0]!.email = 'not-an-email';
    raw.partners[1]!.handles.areas = ['atlantis'];
    expect(() => parseProfile(raw, 'profiles/broken.json')).toThrowError(
      /profiles\/broken\.json[\s\S]*partners\.0\.email[\s\S]*partners\.1\.handles\.areas: unknown area "atlantis"/,
    );
  });

  it('rejects duplicate partner ids and retention outside 30 days to 10 years', () => {
    const base = defaultProfile();
    expect(() => parseProfile({ ...base, partners: [base.partners[0], base.partners[0]] })).toThrowError(/duplicate partner id/);
    expect(() => parseProfile({ ...base, retention: { reportDays: 7 } })).toThrowError(/retention\.reportDays/);
  });
});
