import { describe, expect, it } from 'vitest';
import type { CaseReviewThreshold } from '../../shared/config/profile-schema';
import { checkThreshold, complaintsFromReports, daysBetween, describeThreshold, type Complaint } from '../../shared/domain/case-review';
import { caseReviewHint } from '../../functions/reports/view-private-report';

const rule: CaseReviewThreshold = { complaints: 3, windowDays: 180, reportedWithinDays: 31, hateIncidentMeets: false };
const appliedOn = '2026-11-30';
/** A complaint made `madeDaysAgo` days before the application, `delay` days after its incident. */
const complaint = (madeDaysAgo: number, delay = 1, extra: Partial<Complaint> = {}): Complaint => {
  const made = new Date(Date.parse(`${appliedOn}T00:00:00Z`) - madeDaysAgo * 86_400_000);
  const incident = new Date(made.getTime() - delay * 86_400_000);
  return { madeOn: made.toISOString().slice(0, 10), incidentOn: incident.toISOString().slice(0, 10), to: 'police', ...extra };
};

describe('the ASB Case Review threshold', () => {
  it('counts days between UK calendar days, across the clock change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-11-30', '2026-11-29')).toBe(-1);
  });

  it('counts a complaint made on the 180th day before the application, not one made on the 181st', () => {
    const at180 = checkThreshold([complaint(180), complaint(60), complaint(10)], rule, appliedOn);
    expect(at180).toMatchObject({ met: true, metBy: 'complaints', counted: 3 });
    const at181 = checkThreshold([complaint(181), complaint(60), complaint(10)], rule, appliedOn);
    expect(at181).toMatchObject({ met: false, counted: 2 });
    expect(at181.complaints[0]).toMatchObject({
      qualifies: false,
      reasons: ['It was made 181 days before the application: only complaints in the last 180 days count.'],
    });
  });

  it('counts a complaint made 31 days after its incident, not one made 32 days after', () => {
    expect(checkThreshold([complaint(90, 31), complaint(60), complaint(10)], rule, appliedOn).met).toBe(true);
    const late = checkThreshold([complaint(90, 32), complaint(60), complaint(10)], rule, appliedOn);
    expect(late.met).toBe(false);
    expect(late.complaints[0]!.reasons).toEqual([
      'It was made 32 days after the incident: a complaint counts when made within 31 days of it.',
    ]);
  });

  it('counts one incident reported to two organisations once, and says which it repeats', () => {
    const police = complaint(40, 1, { to: 'police' });
    const council = { ...police, to: 'council-asb-team', madeOn: complaint(39).madeOn };
    const check = checkThreshold([police, council, complaint(10)], rule, appliedOn);
    expect(check).toMatchObject({ met: false, counted: 2 });
    expect(check.complaints[1]).toMatchObject({
      qualifies: true,
      sameIncidentAs: 0,
      reasons: ['The same incident as complaint 1: counted once.'],
    });
    expect(checkThreshold([police, council, complaint(10), complaint(5)], rule, appliedOn)).toMatchObject({ met: true, counted: 3 });
  });

  it('refuses dates that cannot be right, and accepts an application with no complaints for an officer to decide', () => {
    const wrong = checkThreshold([{ madeOn: '2026-11-01', incidentOn: '2026-11-05', to: 'other' }, complaint(-2)], rule, appliedOn);
    expect(wrong.complaints.map((c) => c.reasons[0])).toEqual([
      'It is dated before the incident it is about: check the dates.',
      'It was made after the application.',
    ]);
    expect(checkThreshold([], rule, appliedOn)).toEqual({ met: false, counted: 0, complaints: [] });
  });

  it('meets the local hate-incident rule with one qualifying hate incident, only where the rule is set', () => {
    const hate = [complaint(20, 2, { hate: true })];
    expect(checkThreshold(hate, rule, appliedOn).met).toBe(false);
    expect(checkThreshold(hate, { ...rule, hateIncidentMeets: true }, appliedOn)).toMatchObject({ met: true, metBy: 'hate-incident' });
    expect(checkThreshold([complaint(200, 2, { hate: true })], { ...rule, hateIncidentMeets: true }, appliedOn).met).toBe(false);
  });

  it('meets the local same-place rule with complaints from enough different people about one place', () => {
    const place = { ...rule, complaints: 10, samePlace: { people: 3 } };
    const at = (by: string, day: number, where = 'oakridge|the rec') => complaint(day, 1, { by, place: where });
    expect(checkThreshold([at('a', 5), at('b', 6), at('c', 7)], place, appliedOn)).toMatchObject({ met: true, metBy: 'same-place' });
    // The same person twice, or another place, does not make three people at one place.
    expect(checkThreshold([at('a', 5), at('a', 6), at('c', 7)], place, appliedOn).met).toBe(false);
    expect(checkThreshold([at('a', 5), at('b', 6), at('c', 7, 'oakridge|high street')], place, appliedOn).met).toBe(false);
  });

  it('says the local rules in words', () => {
    expect(describeThreshold({ ...rule, hateIncidentMeets: true, samePlace: { people: 5 } })).toEqual([
      'Three or more complaints about the same problem in the last 180 days, each made within 31 days of what happened. One incident reported to several organisations counts once.',
      expect.stringContaining('hate incident'),
      'Complaints from five or more different people about the same place in that time.',
    ]);
  });
});

describe("the private link's hint about the Case Review", () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const asb = { report: { type: 'asb' } as never, createdAt: '2026-11-01T10:00:00Z' };
  const added = (...days: string[]) => days.map((d) => ({ at: `${d}T10:00:00Z` }));
  it('says nothing for a first report, "nears" one short of the local number, "meets" at it', () => {
    expect(caseReviewHint(asb, [], rule, now)).toBeUndefined();
    expect(caseReviewHint(asb, added('2026-11-10'), rule, now)).toBe('nears');
    expect(caseReviewHint(asb, added('2026-11-10', '2026-11-20'), rule, now)).toBe('meets');
  });
  it("counts only what was told in the threshold's window, takes the officers' flag, and never hints on hate crime", () => {
    expect(caseReviewHint({ ...asb, createdAt: '2026-01-01T10:00:00Z' }, added('2026-11-10'), rule, now)).toBeUndefined();
    expect(caseReviewHint({ ...asb, flags: ['case-review'] }, [], rule, now)).toBe('meets');
    expect(
      caseReviewHint({ ...asb, report: { type: 'hate-crime' } as never }, added('2026-11-10', '2026-11-20'), rule, now),
    ).toBeUndefined();
  });
});

describe("the portal's own complaints about a case", () => {
  it('takes each report and each added incident on the UK day it came, leaves out a duplicate, and marks hate incidents', () => {
    const complaints = complaintsFromReports([
      {
        reference: 'AAAAAAAA',
        type: 'asb',
        createdAt: '2026-07-01T23:30:00Z',
        occurredAt: '2026-06-28',
        by: 'contact-a',
        place: 'place-1',
        incidents: [{ at: '2026-07-10T09:00:00Z' }, { at: '2026-07-20T09:00:00Z', occurredAt: '2026-07-18T20:00:00Z' }],
      },
      { reference: 'BBBBBBBB', type: 'asb', createdAt: '2026-07-02T10:00:00Z', relation: 'duplicate', incidents: [] },
      { reference: 'CCCCCCCC', type: 'hate-crime', createdAt: '2026-07-05T10:00:00Z', relation: 'same-victim', incidents: [] },
    ]);
    expect(complaints).toEqual([
      // 23:30 UTC on 1 July is 2 July in British Summer Time.
      { reference: 'AAAAAAAA', madeOn: '2026-07-02', incidentOn: '2026-06-28', to: 'portal', by: 'contact-a', place: 'place-1' },
      { reference: 'CCCCCCCC', madeOn: '2026-07-05', incidentOn: '2026-07-05', to: 'portal', hate: true },
      // Still going on, no date given: about the day they told us.
      { reference: 'AAAAAAAA', madeOn: '2026-07-10', incidentOn: '2026-07-10', to: 'portal', by: 'contact-a', place: 'place-1' },
      { reference: 'AAAAAAAA', madeOn: '2026-07-20', incidentOn: '2026-07-18', to: 'portal', by: 'contact-a', place: 'place-1' },
    ]);
  });
});
