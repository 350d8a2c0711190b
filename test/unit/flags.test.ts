import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../shared/config/load-profile';
import { contactIdentity, flagsFor, monthsBefore, placeIdentity, type FlagCandidate } from '../../shared/domain/flags';
import type { Report } from '../../shared/contracts/report';

const thresholds = defaultProfile().flags;
const at = '2026-11-22T12:00:00.000Z';
const c = (reference: string, createdAt: string, type: FlagCandidate['type'] = 'asb'): FlagCandidate => ({ reference, createdAt, type });

describe('repeat victim and ASB Case Review flags', () => {
  it('needs three reports within three months, counting one exactly three months old', () => {
    const edge = monthsBefore(at, 3);
    expect(edge).toBe('2026-08-22T12:00:00.000Z');
    expect(flagsFor(at, [c('A', edge), c('B', '2026-10-01T00:00:00Z'), c('C', at)], [], thresholds).has('repeat-victim')).toBe(true);
    const justOutside = new Date(Date.parse(edge) - 1).toISOString();
    expect(flagsFor(at, [c('A', justOutside), c('B', '2026-10-01T00:00:00Z'), c('C', at)], [], thresholds).has('repeat-victim')).toBe(
      false,
    );
    expect(flagsFor(at, [c('B', '2026-10-01T00:00:00Z'), c('C', at)], [], thresholds).size).toBe(0);
  });
  it('counts the same street and area when the contact differs', () => {
    const place = [c('A', '2026-10-01T00:00:00Z', 'hate-crime'), c('B', '2026-11-01T00:00:00Z'), c('C', at)];
    expect([...flagsFor(at, [], place, thresholds).keys()]).toEqual(['repeat-victim']);
  });
  it('makes ASB Case Review eligible at three ASB reports in six months from the same reporter, not hate crime ones', () => {
    const five = [c('A', '2026-06-01T00:00:00Z'), c('B', '2026-07-01T00:00:00Z'), c('C', at)];
    const flags = flagsFor(at, five, [], thresholds);
    expect(flags.has('case-review')).toBe(true);
    expect(flags.has('repeat-victim')).toBe(false);
    expect(flags.get('case-review')!.map((r) => r.reference)).toEqual(['A', 'B', 'C']);
    const mixed = [c('A', '2026-06-01T00:00:00Z', 'hate-crime'), c('B', '2026-07-01T00:00:00Z'), c('C', at)];
    expect(flagsFor(at, mixed, [], thresholds).has('case-review')).toBe(false);
    expect(flagsFor(at, [c('A', monthsBefore(at, 6)), c('B', '2026-07-01T00:00:00Z'), c('C', at)], [], thresholds).has('case-review')).toBe(
      true,
    );
  });
  it('clamps month arithmetic to the end of shorter months', () => {
    expect(monthsBefore('2026-05-31T10:00:00.000Z', 3)).toBe('2026-02-28T10:00:00.000Z');
  });
  it('matches contacts whatever their case or phone format, and never anonymous reports', () => {
    const base = {
      type: 'asb',
      asbCategory: 'nuisance',
      reporterRole: 'victim',
      description: 'x',
      location: { area: 'oakridge', street: ' Mill  Lane. ' },
    } as const;
    const a = contactIdentity({ ...base, anonymous: false, contact: { name: 'A', email: 'Amira@Example.com ' } } as Report);
    const b = contactIdentity({ ...base, anonymous: false, contact: { name: 'A', email: 'amira@example.com' } } as Report);
    expect(a).toBe(b);
    expect(contactIdentity({ ...base, anonymous: false, contact: { name: 'A', phone: '+44 7700 900982' } } as Report)).toBe(
      contactIdentity({ ...base, anonymous: false, contact: { name: 'B', phone: '07700 900 982' } } as Report),
    );
    expect(contactIdentity({ ...base, anonymous: true } as Report)).toBeUndefined();
    expect(placeIdentity({ ...base, anonymous: true } as Report)).toBe('oakridge|mill lane');
  });
});
