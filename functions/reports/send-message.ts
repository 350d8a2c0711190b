/**
 * Use case: from their private link, a resident sends the officers a message ("I have
 * more information", "I want to withdraw", anything else). It is stored with the report
 * and the partnership's team is emailed that it arrived (never its words: those are read
 * in the workspace, where reading is audited), through the outbox, so it is never lost.
 */
import { toFieldErrors, type FieldError } from '../../shared/contracts/field-errors';
import { residentMessageSchema } from '../../shared/contracts/report';
import type { RateLimiter, ReportStore } from './ports';
import { pendingEntry, type MessageRecord, type StoredReport } from './records';
import { openPrivateLink } from './view-private-report';

export interface SendMessageDependencies {
  store: Pick<ReportStore, 'get' | 'addMessage'>;
  limiter: RateLimiter;
  linkSecret: () => Promise<string>;
  now: () => Date;
  hash: (value: string) => string;
}

export type SendMessageResult =
  | { kind: 'sent'; record: MessageRecord }
  | { kind: 'invalid'; errors: FieldError[]; stored: StoredReport }
  | { kind: 'not-found' }
  | { kind: 'limited'; retryAfterSeconds: number };

export async function sendMessage(
  deps: SendMessageDependencies,
  given: { reference: string | undefined; key: string | undefined; body: unknown },
  caller: string,
): Promise<SendMessageResult> {
  const opened = await openPrivateLink(deps, given, caller);
  if (opened.kind !== 'open') return opened;
  const { live } = opened;
  const parsed = residentMessageSchema.safeParse(given.body);
  if (!parsed.success) return { kind: 'invalid', errors: toFieldErrors(parsed.error), stored: live };
  const now = deps.now();
  const at = now.toISOString();
  const record: MessageRecord = { reference: live.reference, at, message: parsed.data, expiresAt: live.expiresAt };
  const outbox = [pendingEntry(live, { kind: 'team-message', messageAt: at }, now, `message-${now.getTime().toString(36)}`)];
  if ((await deps.store.addMessage(record, outbox)) === 'gone') return { kind: 'not-found' };
  return { kind: 'sent', record };
}
