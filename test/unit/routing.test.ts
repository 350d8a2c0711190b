import { describe, expect, it } from 'vitest';
import { defaultProfile, parseProfile } from '../../shared/config/load-profile';
import type { Report } from '../../shared/contracts/report';
import { routeReport } from '../../shared/domain/routing';
import { minimiseForPartner } from '../../shared/domain/minimise';
import hateCrime from '../fixtures/reports/hate-crime-victim.json' with { type: 'json' };
import sample from '../fixtures/packs/fernbrook/profile.json' with { type: 'json' };

const profile = defaultProfile();
const asb = (category: 'personal' | 'nuisance' | 'environmental', area = 'oakridge'): Report =>
  ({
    type: 'asb',
    asbCategory: category,
    reporterRole: 'victim',
    description: 'x',
    ongoing: true,
    location: { area },
    anonymous: true,
  }) as Report;
const partners = (report: Report) =>
  routeReport(report, profile.partners)
    .map((r) => r.partnerId)
    .sort();

describe('routing reports to partners', () => {
  it('sends personal ASB to the council, the police and the local housing association', () => {
    expect(partners(asb('personal'))).toEqual(['brookside-homes', 'council-asb-team', 'police']);
  });

  it('sends environmental ASB to fire and rescue, not to the police', () => {
    expect(partners(asb('environmental'))).toEqual(['brookside-homes', 'council-asb-team', 'fire-rescue']);
  });

  it('leaves the housing association out where it has no homes', () => {
    expect(partners(asb('nuisance', 'east-weald'))).toEqual(['council-asb-team']);
  });

  it('sends hate crime to the police and the support service only', () => {
    expect(partners(hateCrime as Report)).toEqual(['hate-crime-support', 'police']);
  });

  it('never leaves a report unrouted when the profile has a gap', () => {
    const gappy = parseProfile({
      ...sample,
      partners: [{ ...profile.partners[0]!, handles: { types: ['asb'], areas: ['kingsmead'] } }],
    });
    expect(routeReport(asb('nuisance', 'oakridge'), gappy.partners).map((r) => r.partnerId)).toEqual(['council-asb-team']);
  });

  it('carries each partner data level onto the route', () => {
    const levels = Object.fromEntries(routeReport(asb('environmental'), profile.partners).map((r) => [r.partnerId, r.dataLevel]));
    expect(levels).toEqual({ 'council-asb-team': 'full', 'fire-rescue': 'summary', 'brookside-homes': 'no-contact' });
  });
});

describe('data minimisation per partner', () => {
  const report = hateCrime as Report;
  it('gives full partners the contact details', () => {
    expect(minimiseForPartner(report, 'full').contact?.email).toBe('amira@example.com');
  });
  it('gives no-contact partners everything but who reported it', () => {
    const view = minimiseForPartner(report, 'no-contact');
    expect(view.contact).toBeUndefined();
    expect(view.description).toBe(report.description);
  });
  it('gives summary partners what, where and when only', () => {
    const view = minimiseForPartner(report, 'summary');
    expect(Object.keys(view).sort()).toEqual(['hateMotivations', 'location', 'occurredAt', 'type']);
    expect(view.location).toEqual({ area: 'fernbrook-town', street: 'Market Street', postcode: 'fb1 4xy' });
  });
});
