import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../shared/config/load-profile';
import type { Report } from '../../shared/contracts/report';
import { composeEmail } from '../../functions/emails/compose';
import type { OutboxEntry, StoredReport } from '../../functions/reports/records';
import hateCrime from '../fixtures/reports/hate-crime-victim.json' with { type: 'json' };

const profile = defaultProfile();
const HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>\r\nBcc: victim@example.com\n\u202Eevil\u202C مرحبا 😡';

function stored(report: Partial<Report>): StoredReport {
  return {
    reference: 'ABCD2345',
    status: 'new',
    version: 1,
    dueAt: '2026-11-22T10:00:00Z',
    createdAt: '2026-11-21T10:00:00Z',
    report: { ...(hateCrime as Report), ...report },
    routes: [],
    deliveries: {},
    expiresAt: 0,
  };
}
const entry = (target: OutboxEntry['target']): OutboxEntry => ({
  reference: 'ABCD2345',
  targetId: target.kind === 'partner' ? target.partnerId : target.kind,
  target,
  createdAt: '',
  state: 'pending',
  attempts: 0,
  expiresAt: 0,
});

describe('partner and resident emails', () => {
  it('escapes hostile text in HTML and keeps it readable in text', () => {
    const email = composeEmail(
      entry({ kind: 'partner', partnerId: 'police', dataLevel: 'full' }),
      stored({ description: HOSTILE, contact: { name: HOSTILE, email: 'a@example.com' } }),
      profile,
      profile.partners,
      'http://localhost:4321',
    )!;
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script> &amp; &lt;img src=x onerror=alert(1)>');
    expect(email.html).toContain('<bdi>');
    expect(email.text).toContain('<script>alert("x")</script>');
    expect(email.text).toContain('مرحبا 😡');
    expect(email.text).not.toContain('\r');
  });

  it('keeps personal data out of the subject and the subject on one line', () => {
    const email = composeEmail(
      entry({ kind: 'partner', partnerId: 'police', dataLevel: 'full' }),
      stored({ description: HOSTILE }),
      profile,
      profile.partners,
      '',
    )!;
    expect(email.subject).toBe('New hate crime or hate incident report ABCD2345, Fernbrook town centre');
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('sends each partner only its data level', () => {
    const full = composeEmail(
      entry({ kind: 'partner', partnerId: 'hate-crime-support', dataLevel: 'full' }),
      stored({}),
      profile,
      profile.partners,
      '',
    )!;
    const summary = composeEmail(
      entry({ kind: 'partner', partnerId: 'fire-rescue', dataLevel: 'summary' }),
      stored({}),
      profile,
      profile.partners,
      '',
    )!;
    expect(full.text).toContain('amira@example.com');
    expect(full.to).toBe('referrals@weald-hate-crime-support.example');
    for (const secret of ['amira@example.com', 'Amira Test', 'headscarf', 'red jacket', 'taxi']) {
      expect(summary.text).not.toContain(secret);
      expect(summary.html).not.toContain(secret);
    }
    expect(summary.text).toContain('Market Street');
  });

  it('never tells a partner it can contact a reporter who stayed anonymous', () => {
    const anonymous = stored({ anonymous: true, contact: undefined });
    for (const dataLevel of ['full', 'no-contact'] as const) {
      const email = composeEmail(entry({ kind: 'partner', partnerId: 'police', dataLevel }), anonymous, profile, profile.partners, '')!;
      expect(email.text).toContain('The reporter chose to stay anonymous');
      expect(email.text).not.toContain('how to contact the reporter');
      expect(email.html).not.toContain('how to contact the reporter');
    }
    const named = composeEmail(
      entry({ kind: 'partner', partnerId: 'police', dataLevel: 'full' }),
      stored({}),
      profile,
      profile.partners,
      '',
    )!;
    expect(named.text).toContain('including how to contact the reporter');
  });

  it('confirms to the resident with the reference and a copy of their answers, escaped, unless they asked to leave them out', () => {
    const email = composeEmail(
      entry({ kind: 'resident' }),
      stored({ contact: { name: '<b>Amira</b>', email: 'amira@example.com' }, description: 'A <script> headscarf' }),
      profile,
      profile.partners,
      'http://localhost:4321',
    )!;
    expect(email.to).toBe('amira@example.com');
    expect(email.subject).toBe('Your report reference ABCD2345');
    expect(email.text).toContain('ABCD2345');
    expect(email.html).toContain('&lt;b>Amira&lt;/b>');
    expect(email.text).toContain('A copy of your answers');
    expect(email.text).toContain('A <script> headscarf');
    expect(email.html).toContain('A &lt;script> headscarf');

    const kept = composeEmail(
      entry({ kind: 'resident' }),
      stored({ contact: { name: 'Amira', email: 'amira@example.com' }, description: 'A headscarf', keepAnswersOutOfEmail: true }),
      profile,
      profile.partners,
      'http://localhost:4321',
    )!;
    for (const part of [kept.text, kept.html]) {
      expect(part).toContain('ABCD2345');
      expect(part).not.toContain('headscarf');
      expect(part).not.toContain('A copy of your answers');
    }
  });

  it('gives the resident their private link in the confirmation and in every update, and never a partner', () => {
    const link = 'http://localhost:4321/api/reports/ABCD2345/private/abc';
    const withContact = stored({ contact: { name: 'Amira', email: 'amira@example.com' } });
    for (const target of [{ kind: 'resident' }, { kind: 'resident-update', message: 'We have spoken to your neighbour.' }] as const) {
      const email = composeEmail(entry(target), withContact, profile, profile.partners, 'http://localhost:4321', link)!;
      expect(email.text).toContain(link);
      expect(email.html).toContain(`href="${link}"`);
      expect(email.text).toContain('private');
    }
    const partner = composeEmail(
      entry({ kind: 'partner', partnerId: 'police', dataLevel: 'full' }),
      withContact,
      profile,
      profile.partners,
      '',
      link,
    )!;
    expect(partner.text).not.toContain(link);
    expect(partner.html).not.toContain(link);
  });

  it('has nothing to send to a resident without an email or to a removed partner', () => {
    expect(
      composeEmail(entry({ kind: 'resident' }), stored({ contact: { name: 'A', phone: '01632 960001' } }), profile, profile.partners, ''),
    ).toBeUndefined();
    expect(
      composeEmail(entry({ kind: 'partner', partnerId: 'gone', dataLevel: 'full' }), stored({}), profile, profile.partners, ''),
    ).toBeUndefined();
  });

  it("emails an officer's update to the resident escaped, with no details of the report", () => {
    const email = composeEmail(
      entry({ kind: 'resident-update', message: HOSTILE }),
      stored({ contact: { name: 'Amira', email: 'amira@example.com' } }),
      profile,
      profile.partners,
      'http://localhost:4321',
    )!;
    expect(email.to).toBe('amira@example.com');
    expect(email.subject).toBe('An update on your report ABCD2345');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script>');
    expect(email.text).toContain('http://localhost:4321/report/status/');
    expect(email.text).not.toContain('headscarf');
  });

  it('tells a partner when an officer assigned the report, and uses the address in the directory', () => {
    const moved = profile.partners.map((p) => (p.id === 'police' ? { ...p, email: 'new-desk@weald-police.example' } : p));
    const email = composeEmail(
      entry({ kind: 'partner', partnerId: 'police', dataLevel: 'full', assigned: true }),
      stored({}),
      profile,
      moved,
      '',
    )!;
    expect(email.to).toBe('new-desk@weald-police.example');
    expect(email.subject).toMatch(/^Assigned hate crime/);
    expect(email.text).toContain('assigned this report to you');
  });

  it('tells a partner how many files the resident attached and where to open them, with nothing of the report or the files', () => {
    const hostilePartners = profile.partners.map((p) => (p.id === 'police' ? { ...p, name: HOSTILE } : p));
    const email = composeEmail(
      entry({ kind: 'partner', partnerId: 'police', dataLevel: 'full', evidenceId: '6c61d7e1-cb05-4353-a4be-cb43e63edd73' }),
      { ...stored({ description: 'What the resident wrote', contact: { name: 'Jo Witness', email: 'jo@example.com' } }), evidenceCount: 3 },
      profile,
      hostilePartners,
      'https://portal.example',
    )!;
    expect(email.subject).toBe('New evidence on hate crime or hate incident report ABCD2345, Fernbrook town centre');
    expect(email.text).toContain('The report now has 3 files.');
    expect(email.text).toContain('https://portal.example/officer/report/?ref=ABCD2345');
    expect(email.html).toContain('href="https://portal.example/officer/report/?ref=ABCD2345"');
    for (const body of [email.text, email.html]) {
      expect(body).not.toContain('Jo Witness');
      expect(body).not.toContain('What the resident wrote');
    }
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script>');
  });
});
