/**
 * The sweeper drains a backlog at the SES account's rate and no faster: a run paces its
 * sends, slows down when SES answers with throttling, and stops at its time budget. The
 * clock is injected (sleeping moves it), so the test takes no real time.
 */
import { describe, expect, it } from 'vitest';
import { GetAccountCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { sweepOutbox, SWEEPER_RATE_SHARE, type SweepDependencies } from '../../functions/sweep-outbox/handler';
import { createSesMailer, FALLBACK_SEND_RATE } from '../../functions/adapters/ses/mailer';
import { createPacer } from '../../functions/sweep-outbox/pacer';
import type { ReportStore } from '../../functions/reports/ports';
import type { OutboxEntry, StoredReport } from '../../functions/reports/records';
import { defaultProfile } from '../../shared/config/load-profile';
import asb from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };

const NOW = new Date('2026-11-29T10:00:00Z');

function backlog(size: number) {
  const items = new Map<string, OutboxEntry>();
  for (let i = 0; i < size; i++) {
    const reference = `R${String(i).padStart(7, '0')}`;
    items.set(reference, {
      reference,
      targetId: 'council-asb-team',
      target: { kind: 'partner', partnerId: 'council-asb-team', dataLevel: 'full' },
      createdAt: '2026-11-29T09:00:00.000Z',
      state: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-11-29T09:30:00.000Z',
      expiresAt: 1,
    });
  }
  const store = {
    listDue: async (at: string, limit: number) =>
      [...items.values()].filter((e) => e.state === 'pending' && e.nextAttemptAt! <= at).slice(0, limit),
    getOutbox: async (reference: string) => ({ ...items.get(reference)! }),
    get: async (reference: string) =>
      ({
        reference,
        createdAt: NOW.toISOString(),
        report: asb,
        routes: [{ partnerId: 'council-asb-team', dataLevel: 'full' }],
        deliveries: {},
      }) as unknown as StoredReport,
    claim: async (e: OutboxEntry, claimId: string, _now: string, until: string) => {
      items.set(e.reference, { ...items.get(e.reference)!, claimId, claimedUntil: until, nextAttemptAt: until });
      return true;
    },
    recordDelivery: async (e: OutboxEntry, delivery: Partial<OutboxEntry>) => {
      items.set(e.reference, { ...items.get(e.reference)!, ...delivery, claimId: undefined, claimedUntil: undefined });
      return true;
    },
    oldestPendingCreatedAt: async () => undefined,
  } as unknown as ReportStore;
  return { store, items };
}

function depsFor(store: ReportStore, rate: number, refuse: (n: number) => boolean = () => false) {
  let t = 0;
  const starts: number[] = [];
  const deps: SweepDependencies = {
    store,
    reviews: { get: async () => undefined },
    mailer: {
      sendRate: async () => rate,
      send: async () => {
        starts.push(t);
        if (refuse(starts.length)) throw Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' });
        return `m-${starts.length}`;
      },
    },
    profile: defaultProfile(),
    partners: async () => defaultProfile().partners,
    now: () => NOW,
    siteUrl: 'https://reports.example.org',
    linkSecret: async () => 'test-link-key',
    monotonicMs: () => t,
    // Virtual time: a sleeper wakes at the moment it asked for; time never runs backwards.
    sleep: async (ms) => {
      const wake = t + ms;
      await Promise.resolve();
      t = Math.max(t, wake);
    },
  };
  return { deps, starts, elapsed: () => t };
}

/** The most releases in any one-second window. */
const peakPerSecond = (times: number[]) => Math.max(...times.map((s) => times.filter((x) => x >= s && x < s + 1000).length));

describe('the pacer', () => {
  it('releases concurrent waiters no faster than the rate, and half as fast after slowing down', async () => {
    const t = 0;
    const released: number[] = [];
    const pacer = createPacer(
      11.2,
      () => t,
      async (ms) => void released.push(t + ms),
    );
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        const before = released.length;
        await pacer.wait();
        if (released.length === before) released.push(t);
      }),
    );
    expect(peakPerSecond(released)).toBeLessThanOrEqual(12);
    expect(Math.max(...released)).toBeCloseTo((39 * 1000) / 11.2, 0);
    pacer.slowDown();
    expect(pacer.rate).toBeCloseTo(5.6);
  });
});

describe('draining a backlog', () => {
  it("sends at the sweeper's share of the account rate, never faster, until the budget ends", async () => {
    const { store, items } = backlog(500);
    const { deps, elapsed } = depsFor(store, 14);
    const summary = await sweepOutbox(deps, 20_000);
    expect(summary.rate).toBeCloseTo(14 * SWEEPER_RATE_SHARE);
    // 20 s at the sweeper's share of 14 a second; the rest stays pending for the next run.
    const expected = 20 * 14 * SWEEPER_RATE_SHARE;
    expect(summary.sent).toBeGreaterThanOrEqual(Math.floor(expected) - 8);
    expect(summary.sent).toBeLessThanOrEqual(Math.ceil(expected) + 2);
    // Workers already waiting for a slot finish that wait (at most about a second) and send nothing.
    expect(elapsed()).toBeLessThanOrEqual(21_000);
    expect([...items.values()].filter((e) => e.state === 'sent')).toHaveLength(summary.sent);
  });

  it('empties a backlog it can finish within the budget, and stops there', async () => {
    const { store, items } = backlog(120);
    const { deps } = depsFor(store, 14);
    const summary = await sweepOutbox(deps, 50_000);
    expect(summary).toMatchObject({ sent: 120, pending: 0, failed: 0 });
    expect([...items.values()].every((e) => e.state === 'sent')).toBe(true);
  });

  it('halves its rate when SES throttles, and leaves the refused entries due again in seconds', async () => {
    const { store, items } = backlog(100);
    const { deps } = depsFor(store, 14, (n) => n === 3);
    const summary = await sweepOutbox(deps, 5_000);
    expect(summary.throttled).toBe(1);
    expect(summary.rate).toBeCloseTo((14 * SWEEPER_RATE_SHARE) / 2);
    const refused = [...items.values()].find((e) => e.lastError?.includes('sending rate'))!;
    expect(Date.parse(refused.nextAttemptAt!) - NOW.getTime()).toBe(5_000);
  });
});

describe('reading the account send rate (SES adapter)', () => {
  it('uses MaxSendRate from the account, cached, and the sandbox rate when it cannot be read', async () => {
    let calls = 0;
    let t = 0;
    const client = {
      send: async (command: unknown) => {
        calls++;
        return command instanceof GetAccountCommand ? { SendQuota: { MaxSendRate: 14 } } : {};
      },
    } as unknown as SESv2Client;
    const mailer = createSesMailer(client, () => t);
    expect(await mailer.sendRate()).toBe(14);
    t += 60_000;
    expect(await mailer.sendRate()).toBe(14);
    expect(calls).toBe(1);
    const failing = createSesMailer({ send: async () => Promise.reject(new Error('AccessDenied')) } as unknown as SESv2Client, () => 0);
    expect(await failing.sendRate()).toBe(FALLBACK_SEND_RATE);
  });
});
