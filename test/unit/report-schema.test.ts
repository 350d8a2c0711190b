import { describe, expect, it } from 'vitest';
import { createReportSchema } from '../../shared/contracts/report';
import { toFieldErrors } from '../../shared/contracts/field-errors';
import hateCrime from '../fixtures/reports/hate-crime-victim.json' with { type: 'json' };
import asbAnon from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };

const schema = createReportSchema(['fernbrook-town', 'oakridge', 'east-weald', 'kingsmead']);
const errorsOf = (input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : toFieldErrors(result.error);
};
const paths = (input: unknown) => errorsOf(input).map((e) => e.path);

describe('report schema', () => {
  it('accepts the fixtures and normalises the postcode', () => {
    const parsed = schema.parse(hateCrime);
    expect(parsed.location.postcode).toBe('FB1 4XY');
    expect(schema.safeParse(asbAnon).success).toBe(true);
  });

  it('requires an ASB category for ASB and a motivation for hate crime', () => {
    expect(paths({ ...asbAnon, asbCategory: undefined })).toEqual(['asbCategory']);
    expect(paths({ ...hateCrime, hateMotivations: undefined })).toEqual(['hateMotivations']);
    expect(paths({ ...hateCrime, hateMotivations: [] })).toEqual(['hateMotivations']);
    expect(paths({ ...hateCrime, hateMotivations: ['race', 'race'] })).toEqual(['hateMotivations']);
    expect(paths({ ...hateCrime, hateMotivations: ['football'] })).toEqual(['hateMotivations.0']);
  });

  it('rejects fields that do not belong to the chosen type', () => {
    expect(paths({ ...hateCrime, asbCategory: 'personal' })).toEqual(['asbCategory']);
    expect(paths({ ...asbAnon, hateMotivations: ['race'] })).toEqual(['hateMotivations']);
  });

  it('needs a date (with or without a time) or "ongoing", and nothing in the future', () => {
    expect(paths({ ...asbAnon, ongoing: undefined })).toEqual(['occurredAt']);
    expect(paths({ ...asbAnon, ongoing: false })).toEqual(['occurredAt']);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect(errorsOf({ ...hateCrime, occurredAt: tomorrow })).toEqual([
      { path: 'occurredAt', message: 'Date it happened must be today or in the past' },
    ]);
    // A day without a time: today is fine, a day ahead is not.
    const day = (offset: number) => new Date(Date.now() + offset).toISOString().slice(0, 10);
    expect(paths({ ...hateCrime, occurredAt: day(-86_400_000) })).toEqual([]);
    expect(paths({ ...hateCrime, occurredAt: day(2 * 86_400_000) })).toEqual(['occurredAt']);
    expect(paths({ ...hateCrime, occurredAt: '2026-02-31' })).toEqual(['occurredAt']);
    expect(paths({ ...hateCrime, occurredAt: '2026-11-20 17:45' })).toEqual(['occurredAt']);
    expect(paths({ ...hateCrime, occurredAt: '2026-11-20T17:45:00+01:00' })).toEqual([]);
  });

  it('limits the description to 1 to 4000 characters, counting after trimming', () => {
    expect(paths({ ...asbAnon, description: '   ' })).toEqual(['description']);
    expect(paths({ ...asbAnon, description: 'x'.repeat(4000) })).toEqual([]);
    expect(errorsOf({ ...asbAnon, description: 'x'.repeat(4001) })[0]?.message).toBe('What happened must be 4,000 characters or fewer');
  });

  it('takes only the partnership areas and real postcodes', () => {
    expect(paths({ ...asbAnon, location: { area: 'atlantis' } })).toEqual(['location.area']);
    expect(paths({ ...asbAnon, location: { area: 'oakridge', postcode: 'NOT A CODE' } })).toEqual(['location.postcode']);
    expect(schema.parse({ ...asbAnon, location: { area: 'oakridge', postcode: 'sw1a1aa' } }).location.postcode).toBe('SW1A 1AA');
  });

  it('needs contact details unless anonymous, with an email or a phone', () => {
    expect(paths({ ...hateCrime, contact: undefined })).toEqual(['contact.name']);
    expect(paths({ ...hateCrime, contact: { name: 'A' } })).toEqual(['contact.email']);
    expect(paths({ ...hateCrime, contact: { name: 'A', phone: '07700 900982' } })).toEqual([]);
    expect(paths({ ...hateCrime, contact: { name: 'A', email: 'not-an-email' } })).toEqual(['contact.email']);
    expect(paths({ ...asbAnon, contact: { name: 'A', email: 'a@example.com' } })).toEqual(['contact']);
  });

  it('rejects unknown fields, at the top and nested, with a message saying so', () => {
    expect(errorsOf({ ...asbAnon, isAdmin: true })).toEqual([
      { path: 'isAdmin', message: '"isAdmin" is not a field we accept; remove it and try again' },
    ]);
    expect(paths({ ...asbAnon, location: { area: 'oakridge', lat: 1 } })).toEqual(['location.lat']);
  });

  it('lists every problem at once, in plain English', () => {
    const errors = errorsOf({ type: 'asb', anonymous: false });
    expect(errors.map((e) => e.path)).toEqual(['reporterRole', 'description', 'location', 'asbCategory', 'occurredAt', 'contact.name']);
    for (const e of errors) expect(e.message).not.toMatch(/expected|received|undefined|Invalid input/);
  });
});
