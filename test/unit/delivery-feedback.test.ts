/** Bounce and complaint events from SES, read into delivery feedback (pure parts). */
import { describe, expect, it } from 'vitest';
import { parseFeedback, recordFeedback } from '../../functions/delivery-feedback/record-feedback';
import { deliveryTags } from '../../functions/reports/deliver';
import bounce from '../fixtures/events/ses-bounce.json' with { type: 'json' };
import complaint from '../fixtures/events/ses-complaint.json' with { type: 'json' };

const now = new Date('2026-11-23T12:00:00Z');
const withTags = (event: typeof bounce.detail | typeof complaint.detail, tags: Record<string, string[]>) => ({
  ...event,
  mail: { ...event.mail, messageId: 'm-1', tags },
});

describe('reading SES feedback', () => {
  it('reads a permanent bounce into kind, time and a detail without the address or diagnostic text', () => {
    const parsed = parseFeedback(withTags(bounce.detail, { reference: ['ABCD2345'], delivery: ['police'] }), now);
    expect(parsed).toEqual({
      reference: 'ABCD2345',
      targetId: 'police',
      messageId: 'm-1',
      feedback: { kind: 'bounce', at: '2026-11-23T09:41:02.669Z', detail: 'Permanent (NoEmail)' },
    });
    expect(JSON.stringify(parsed)).not.toContain('@');
  });

  it('reads a complaint with its feedback type', () => {
    const parsed = parseFeedback(withTags(complaint.detail, { reference: ['ABCD2345'], delivery: ['hate-crime-support'] }), now);
    expect(parsed).toMatchObject({ targetId: 'hate-crime-support', feedback: { kind: 'complaint', detail: 'abuse' } });
  });

  it('uses the tags the sender set, so feedback finds its delivery', () => {
    const tags = Object.fromEntries(
      Object.entries(deliveryTags({ reference: 'ABCD2345', targetId: 'police-assigned-v3' })).map(([k, v]) => [k, [v]]),
    );
    expect(parseFeedback(withTags(bounce.detail, tags), now)).toMatchObject({ reference: 'ABCD2345', targetId: 'police-assigned-v3' });
  });

  it('ignores untagged email, other event types and malformed records', () => {
    expect(parseFeedback(withTags(bounce.detail, { 'ses:configuration-set': ['x'] }), now)).toBe('untagged');
    expect(parseFeedback({ ...bounce.detail, eventType: 'Delivery' }, now)).toBe('not-feedback');
    expect(parseFeedback({ eventType: 'Bounce' }, now)).toBe('not-feedback');
    expect(parseFeedback('nonsense', now)).toBe('not-feedback');
  });

  it('does not echo unexpected text from the event into the case', () => {
    const hostile = {
      ...withTags(bounce.detail, { reference: ['ABCD2345'], delivery: ['police'] }),
      bounce: { bounceType: '<script>alert(1)</script>', bounceSubType: 'x@example.com' },
    };
    expect(parseFeedback(hostile, now)).toMatchObject({ feedback: { detail: 'Undetermined (General)', at: now.toISOString() } });
  });

  it('reports an event whose message id matches no sent email as unmatched', async () => {
    const store = { recordFeedback: async () => false };
    expect(
      await recordFeedback({ store, now: () => now }, withTags(bounce.detail, { reference: ['ABCD2345'], delivery: ['police'] })),
    ).toEqual({ outcome: 'unmatched', reference: 'ABCD2345', targetId: 'police' });
  });
});
