/**
 * Use case: SES told us (through the configuration set's events) that an email it accepted
 * bounced or drew a complaint. The message tags name the report and the delivery; the
 * feedback is marked on that delivery, where officers see it in the case timeline.
 * Recipient addresses and diagnostic text are never kept or logged: kinds and codes only.
 */
import * as z from 'zod/mini';
import type { ReportStore } from '../reports/ports';
import type { DeliveryFeedback } from '../reports/records';

/** The part of an SES event record this use case reads (the rest is ignored). */
const sesEvent = z.object({
  eventType: z.string(),
  mail: z.object({
    messageId: z.string().check(z.minLength(1)),
    tags: z.optional(z.record(z.string(), z.array(z.string()))),
  }),
  bounce: z.optional(
    z.object({ bounceType: z.optional(z.string()), bounceSubType: z.optional(z.string()), timestamp: z.optional(z.string()) }),
  ),
  complaint: z.optional(z.object({ complaintFeedbackType: z.optional(z.string()), timestamp: z.optional(z.string()) })),
});

/** Codes from SES are short words; anything else is not echoed into a case. */
const CODE = /^[A-Za-z][A-Za-z0-9 _-]{0,40}$/;
const code = (value: string | undefined, fallback: string) => (value && CODE.test(value) ? value : fallback);

export interface ParsedFeedback {
  reference: string;
  targetId: string;
  messageId: string;
  feedback: DeliveryFeedback;
}

export type FeedbackOutcome = 'recorded' | 'not-feedback' | 'untagged' | 'unmatched';

/** The feedback an SES event record carries, or why there is none to record. */
export function parseFeedback(record: unknown, now: Date): ParsedFeedback | Exclude<FeedbackOutcome, 'recorded' | 'unmatched'> {
  const parsed = sesEvent.safeParse(record);
  if (!parsed.success || (parsed.data.eventType !== 'Bounce' && parsed.data.eventType !== 'Complaint')) return 'not-feedback';
  const { mail, bounce, complaint } = parsed.data;
  const reference = mail.tags?.reference?.[0];
  const targetId = mail.tags?.delivery?.[0];
  // Email sent by something other than the outbox (or before tags were added).
  if (!reference || !targetId) return 'untagged';
  const feedback: DeliveryFeedback =
    parsed.data.eventType === 'Bounce'
      ? {
          kind: 'bounce',
          at: bounce?.timestamp ?? now.toISOString(),
          detail: `${code(bounce?.bounceType, 'Undetermined')} (${code(bounce?.bounceSubType, 'General')})`,
        }
      : { kind: 'complaint', at: complaint?.timestamp ?? now.toISOString(), detail: code(complaint?.complaintFeedbackType, 'not given') };
  return { reference, targetId, messageId: mail.messageId, feedback };
}

export interface FeedbackResult {
  outcome: FeedbackOutcome;
  /** Ids of the delivery the event named (tag values, checked by the store's condition). */
  reference?: string;
  targetId?: string;
}

export async function recordFeedback(
  deps: { store: Pick<ReportStore, 'recordFeedback'>; now: () => Date },
  record: unknown,
): Promise<FeedbackResult> {
  const parsed = parseFeedback(record, deps.now());
  if (typeof parsed === 'string') return { outcome: parsed };
  const matched = await deps.store.recordFeedback(parsed.reference, parsed.targetId, parsed.messageId, parsed.feedback);
  return { outcome: matched ? 'recorded' : 'unmatched', reference: parsed.reference, targetId: parsed.targetId };
}
