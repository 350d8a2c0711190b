/**
 * Bank holidays come from a calendar computed by rule, never a typed list that runs out:
 * England and Wales match the dates the government published for 2026 to 2028, the
 * other nations differ where they should, a partnership's own closure days are added,
 * and a due time decades ahead still steps over Christmas.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankHolidaysFor } from '../../shared/config/bank-holidays';
import { parseProfile } from '../../shared/config/load-profile';
import { addWorkingDays } from '../../shared/domain/working-days';
import sample from '../fixtures/packs/fernbrook/profile.json' with { type: 'json' };

/** GOV.UK's bank holidays for England and Wales, 2026 to 2028 (weekday dates, substitutes included). */
const PUBLISHED_ENGLAND_AND_WALES = [
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
  '2028-01-03',
  '2028-04-14',
  '2028-04-17',
  '2028-05-01',
  '2028-05-29',
  '2028-08-28',
  '2028-12-25',
  '2028-12-26',
];

describe('bank holidays', () => {
  it('match the dates the government published for England and Wales, 2026 to 2028', () => {
    expect(bankHolidaysFor('england-and-wales', 2026, 2028, null)).toEqual(PUBLISHED_ENGLAND_AND_WALES);
  });

  it("follow each nation's own calendar", () => {
    const scotland = bankHolidaysFor('scotland', 2026, 2026, null);
    expect(scotland).toContain('2026-01-02'); // 2 January
    expect(scotland).toContain('2026-11-30'); // St Andrew's Day
    expect(scotland).not.toContain('2026-04-06'); // no Easter Monday
    expect(bankHolidaysFor('northern-ireland', 2026, 2026, null)).toContain('2026-03-17'); // St Patrick's Day
  });

  it("add the partnership's closure days, and still skip holidays decades from now", () => {
    const raw = structuredClone(sample);
    const profile = parseProfile(
      { ...raw, workflow: { ...raw.workflow, closureDays: ['2026-12-24'] } },
      'test',
      new Date('2026-06-01T12:00:00Z'),
    );
    expect(profile.workflow.bankHolidays).toContain('2026-12-24');
    // Christmas 2055 is a Saturday: Monday the 27th and Tuesday the 28th are the days in lieu.
    expect(profile.workflow.bankHolidays).toEqual(expect.arrayContaining(['2055-12-27', '2055-12-28']));
    // Two working days from Thursday 23 December 2055: Friday the 24th, then Wednesday the 29th.
    expect(addWorkingDays('2055-12-23T09:00:00.000Z', 2, profile.workflow.bankHolidays).slice(0, 10)).toBe('2055-12-29');
  });

  it('are worked out once per machine: a second process reads them from the cache file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csp-holidays-'));
    try {
      expect(bankHolidaysFor('england-and-wales', 2027, 2027, dir)).toContain('2027-12-28');
      const [file] = readdirSync(dir);
      expect(file).toMatch(/^england-and-wales-2027-2027-[0-9a-f]{16}\.json$/);
      // What the file says is what the next call answers, without working anything out.
      writeFileSync(join(dir, file!), JSON.stringify(['2027-06-01']));
      expect(bankHolidaysFor('england-and-wales', 2027, 2027, dir)).toEqual(['2027-06-01']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a calendar the portal does not know, naming the field', () => {
    const raw = structuredClone(sample);
    expect(() => parseProfile({ ...raw, workflow: { ...raw.workflow, calendar: 'wales' } }, 'profiles/x.json')).toThrowError(
      /profiles\/x\.json[\s\S]*workflow\.calendar/,
    );
  });
});
