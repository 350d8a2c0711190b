/**
 * Use case: a resident checks how far their report has got, with its reference and the
 * email address they gave. Limited per sender, and per reference for each sender, so
 * references cannot be guessed nor emails tried against one report; the per-reference
 * limit is per sender so that a stranger's wrong guesses never lock the resident out of
 * their own report. A wrong email, an anonymous report and a missing reference all get
 * the same answer: nothing is revealed.
 */
import { statusCheckSchema } from '../../shared/contracts/officer';
import { toFieldErrors, type FieldError } from '../../shared/contracts/field-errors';
import { parseReference } from '../../shared/domain/reference';
import type { Outcome, Status } from '../../shared/contracts/workflow-vocabulary';
import type { RateLimiter } from '../reports/ports';
import type { ReportStore } from '../reports/ports';
import type { ResidentUpdate } from '../reports/records';

/** Per caller (source address), and per reference from one caller, per hour. */
const STATUS_LIMITS = { perCaller: { limit: 20, windowSeconds: 3600 }, perReferenceAndCaller: { limit: 5, windowSeconds: 3600 } };

export interface StatusDependencies {
  store: ReportStore;
  limiter: RateLimiter;
  now: () => Date;
  hash: (value: string) => string;
  /** Constant-time comparison of two equal-length strings. */
  same: (a: string, b: string) => boolean;
}

export type StatusResult =
  | { kind: 'found'; reference: string; status: Status; outcome?: Outcome; updates: ResidentUpdate[] }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'not-found' }
  | { kind: 'limited'; retryAfterSeconds: number };

export async function checkStatus(deps: StatusDependencies, body: unknown, caller: string): Promise<StatusResult> {
  const parsed = statusCheckSchema.safeParse(body);
  if (!parsed.success) return { kind: 'invalid', errors: toFieldErrors(parsed.error) };
  const now = deps.now();
  const callerKey = deps.hash(caller);
  const byCaller = await deps.limiter.take(`status-caller#${callerKey}`, STATUS_LIMITS.perCaller, now);
  if (!byCaller.allowed) return { kind: 'limited', retryAfterSeconds: byCaller.retryAfterSeconds };
  const reference = parseReference(parsed.data.reference);
  if (!reference) return { kind: 'not-found' };
  const byReference = await deps.limiter.take(`status-reference#${reference}#${callerKey}`, STATUS_LIMITS.perReferenceAndCaller, now);
  if (!byReference.allowed) return { kind: 'limited', retryAfterSeconds: byReference.retryAfterSeconds };
  const stored = await deps.store.get(reference);
  const given = deps.hash(parsed.data.email.trim().toLowerCase());
  const expected = deps.hash((stored?.report.contact?.email ?? '').trim().toLowerCase());
  if (!stored?.report.contact?.email || !deps.same(given, expected)) return { kind: 'not-found' };
  return { kind: 'found', reference, status: stored.status, outcome: stored.outcome, updates: await deps.store.residentUpdates(reference) };
}
