import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../shared/config/load-profile';
import sample from '../fixtures/packs/fernbrook/profile.json' with { type: 'json' };

/** The fixture pack's profile as a partnership writes it, to change for one test. */
const source = () => structuredClone(sample);

describe('partnership profile', () => {
  it('names the file, the field and the problem when a profile is wrong', () => {
    const raw = source() as unknown as { partners: { email: string; handles: { areas: unknown } }[] };
    raw.partners[0]!.email = 'not-an-email';
    raw.partners[1]!.handles.areas = ['atlantis'];
    expect(() => parseProfile(raw, 'profiles/broken.json')).toThrowError(
      /profiles\/broken\.json[\s\S]*partners\.0\.email[\s\S]*partners\.1\.handles\.areas: unknown area "atlantis"/,
    );
  });

  it('rejects duplicate partner ids and retention outside 30 days to 10 years', () => {
    const base = source();
    expect(() => parseProfile({ ...base, partners: [base.partners[0], base.partners[0]] })).toThrowError(
      /^Invalid partnership profile in profile:\n {2}- partners\.1\.id: duplicate partner id "[^"]+"$/,
    );
    expect(() => parseProfile({ ...base, retention: { reportDays: 7 } })).toThrowError(
      /^Invalid partnership profile in profile:\n {2}- retention\.reportDays: [^\n]+$/,
    );
  });

  it('rejects two areas with one id, and a postcode district in two areas, saying which', () => {
    const base = source();
    const [first, second] = base.areas;
    expect(() => parseProfile({ ...base, areas: [first, { ...second!, id: first!.id }, ...base.areas.slice(2)] })).toThrowError(
      new RegExp(`areas\\.1\\.id: duplicate area id "${first!.id}"`),
    );
    const shared = first!.postcodeDistricts[0]!;
    expect(() =>
      parseProfile({
        ...base,
        areas: [first, { ...second!, postcodeDistricts: [...second!.postcodeDistricts, shared] }, ...base.areas.slice(2)],
      }),
    ).toThrowError(
      new RegExp(
        `areas\\.1\\.postcodeDistricts\\.\\d+: ${shared} is already in area "${first!.id}"; a postcode district belongs to one area`,
      ),
    );
  });

  it('accepts the profile as a partnership writes it', () => {
    expect(() => parseProfile(source())).not.toThrow();
  });
});
