/**
 * The case timeline tells officers what really happened to each email: one line per
 * attempt, in order, and never "not sent" for an email that was delivered.
 */
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../functions/officer/timeline';
import type { OutboxEntry, StoredReport } from '../../functions/reports/records';

const stored = { createdAt: '2026-11-29T10:00:00.000Z' } as StoredReport;
const names = new Map([['police', 'Weald Police']]);
const entry = (extra: Partial<OutboxEntry>): OutboxEntry => ({
  reference: 'ABCD2345',
  targetId: 'police',
  target: { kind: 'partner', partnerId: 'police', dataLevel: 'full' },
  createdAt: '2026-11-29T10:00:00.000Z',
  state: 'pending',
  attempts: 0,
  expiresAt: 1,
  ...extra,
});
const emailLines = (outbox: OutboxEntry[]) =>
  buildTimeline(stored, [], outbox, [], names, false)
    .filter((t) => t.kind === 'email')
    .map((t) => t.text);

describe('email lines on the case timeline', () => {
  it('says only "sent" for an email delivered at the first try', () => {
    const lines = emailLines([
      entry({
        state: 'sent',
        attempts: 1,
        lastAttemptAt: '2026-11-29T10:00:01.000Z',
        messageId: 'm',
        history: [{ attempt: 1, at: '2026-11-29T10:00:01.000Z', outcome: 'sent' }],
      }),
    ]);
    expect(lines).toEqual(['Email to Weald Police sent']);
  });

  it('lists each attempt in order: two failures, then delivery', () => {
    const lines = emailLines([
      entry({
        state: 'sent',
        attempts: 3,
        history: [
          {
            attempt: 1,
            at: '2026-11-29T10:00:01.000Z',
            outcome: 'not-sent',
            error: 'Email service unavailable',
            nextAttemptAt: '2026-11-29T10:00:31.000Z',
          },
          {
            attempt: 2,
            at: '2026-11-29T10:00:31.000Z',
            outcome: 'not-sent',
            error: 'Email service unavailable',
            nextAttemptAt: '2026-11-29T10:01:31.000Z',
          },
          { attempt: 3, at: '2026-11-29T10:01:31.000Z', outcome: 'sent' },
        ],
      }),
    ]);
    expect(lines).toEqual([
      'Email to Weald Police not sent (attempt 1: Email service unavailable); it will be tried again from 29 November 2026 at 10am',
      'Email to Weald Police not sent (attempt 2: Email service unavailable); it will be tried again from 29 November 2026 at 10:01am',
      'Email to Weald Police sent (attempt 3)',
    ]);
  });

  it('says queued before any attempt, and failed for good when it gave up', () => {
    expect(emailLines([entry({})])).toEqual(['Email to Weald Police queued']);
    expect(
      emailLines([
        entry({
          state: 'failed',
          attempts: 1,
          history: [{ attempt: 1, at: '2026-11-29T10:00:01.000Z', outcome: 'failed', error: 'No address for this recipient' }],
        }),
      ]),
    ).toEqual([
      'Email to Weald Police failed after 1 attempts: No address for this recipient. It will not be tried again: contact them another way.',
    ]);
  });

  it('reads entries recorded before attempts were kept from their last attempt, without inventing failures', () => {
    expect(emailLines([entry({ state: 'sent', attempts: 1, lastAttemptAt: '2026-11-29T10:00:01.000Z', messageId: 'm' })])).toEqual([
      'Email to Weald Police sent',
    ]);
  });
});
