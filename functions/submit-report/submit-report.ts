/**
 * Use case: accept a resident's report. Validates with the shared schema, stores the
 * report and one outbox entry per email in a single transaction, and answers with the
 * reference. Emails are sent later by the router, so a mail outage never costs a report.
 */
import type { Partner, Profile } from '../../shared/config/profile-schema';
import { createReportSchema, type Report, type ReportSchema } from '../../shared/contracts/report';
import { toFieldErrors, withFormErrors, type FieldError } from '../../shared/contracts/field-errors';
import { expiresAt } from '../../shared/domain/retention';
import { routeReport } from '../../shared/domain/routing';
import { contactIdentity, placeIdentity } from '../../shared/domain/flags';
import { triageDueAt } from '../../shared/domain/workflow';
import type { ReportStore } from '../reports/ports';
import { pendingEntry, targetId, type OutboxEntry, type OutboxTarget, type StoredReport } from '../reports/records';

/** Same report again within this window returns the first reference (double clicks, retries). */
const IDEMPOTENCY_WINDOW_SECONDS = 10 * 60;
const MAX_REFERENCE_TRIES = 5;

export interface SubmitDependencies {
  store: ReportStore;
  profile: Profile;
  /** The partner directory (cached): who receives what. */
  partners: () => Promise<readonly Partner[]>;
  now: () => Date;
  newReference: () => string;
  /** SHA-256 hex of a string; injected so this file stays free of node:crypto. */
  hash: (value: string) => string;
}

export interface Submission {
  /** The decoded body (JSON, or the decoded form). */
  body: unknown;
  /** Problems found while decoding a form, reported with the schema's. */
  decodeErrors?: FieldError[];
  /** Idempotency-Key header, if the client sent one. */
  idempotencyKey?: string;
  /** Who sent it (source IP, user agent): only hashed, never stored, to tell apart identical anonymous reports. */
  senderFingerprint: string;
}

export type SubmitResult =
  | { ok: true; reference: string; replayed: boolean; privateLink: boolean }
  | { ok: false; errors: FieldError[] }
  /** The Idempotency-Key was already used for a different report: nothing was stored. */
  | { ok: false; keyReused: true; errors?: undefined };

const schemas = new WeakMap<Profile, ReportSchema>();

function schemaFor(profile: Profile): ReportSchema {
  let schema = schemas.get(profile);
  if (!schema) {
    schema = createReportSchema(profile.areas.map((a) => a.id) as [string, ...string[]]);
    schemas.set(profile, schema);
  }
  return schema;
}

/** The report if it is valid, or every problem with it: the same check as sending it, storing nothing. */
export function checkReport(
  profile: Profile,
  submission: Pick<Submission, 'body' | 'decodeErrors'>,
): { ok: true; report: Report } | { ok: false; errors: FieldError[] } {
  const parsed = schemaFor(profile).safeParse(submission.body);
  const errors = withFormErrors(submission.decodeErrors ?? [], parsed.success ? [] : toFieldErrors(parsed.error));
  return parsed.success && errors.length === 0 ? { ok: true, report: parsed.data } : { ok: false, errors };
}

export async function submitReport(deps: SubmitDependencies, submission: Submission): Promise<SubmitResult> {
  const checked = checkReport(deps.profile, submission);
  if (!checked.ok) return checked;
  const { report } = checked;

  const now = deps.now();
  const createdAt = now.toISOString();
  // Without a key, the report itself (from this sender) is the key. With one, a retry may
  // come from another connection, so only the report has to match; whoever sends the key
  // with a different report learns nothing.
  const bodyHash = deps.hash(`body:${submission.senderFingerprint}:${canonicalJson(report)}`);
  const idempotency = {
    hash: submission.idempotencyKey ? deps.hash(`key:${submission.idempotencyKey}`) : bodyHash,
    requestHash: submission.idempotencyKey ? deps.hash(`report:${canonicalJson(report)}`) : bodyHash,
    expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_WINDOW_SECONDS,
  };
  const routes = routeReport(report, await deps.partners());
  const targets: OutboxTarget[] = routes.map((r) => ({ kind: 'partner', partnerId: r.partnerId, dataLevel: r.dataLevel }));
  if (report.contact?.email) targets.push({ kind: 'resident' });
  const retention = expiresAt(now, deps.profile.retention.reportDays);
  const withLink = !report.anonymous || report.privateLink === true;

  for (let attempt = 0; attempt < MAX_REFERENCE_TRIES; attempt++) {
    const reference = deps.newReference();
    const stored: StoredReport = {
      reference,
      status: 'new',
      version: 1,
      createdAt,
      dueAt: triageDueAt(createdAt, deps.profile.workflow),
      contactKey: hashOf(deps, contactIdentity(report)),
      placeKey: hashOf(deps, placeIdentity(report)),
      report,
      routes,
      deliveries: Object.fromEntries(targets.map((t) => [targetId(t), { state: 'pending', attempts: 0 }])),
      expiresAt: retention,
      ...(withLink ? { privateLink: { version: 1 } } : {}),
    };
    const outbox: OutboxEntry[] = targets.map((target) => pendingEntry(stored, target, now));
    const result = await deps.store.create(stored, outbox, idempotency);
    if (result.outcome === 'created') return { ok: true, reference, replayed: false, privateLink: withLink };
    if (result.outcome === 'duplicate') return { ok: true, reference: result.reference, replayed: true, privateLink: withLink };
    if (result.outcome === 'key-reused') return { ok: false, keyReused: true };
    // reference-taken: a collision in 8.5 × 10^11; draw again.
  }
  throw new Error(`Could not allocate a unique reference after ${MAX_REFERENCE_TRIES} tries`);
}

/** Flag keys are hashed so the indexes hold no contact details or addresses in clear. */
function hashOf(deps: SubmitDependencies, identity: string | undefined): string | undefined {
  return identity === undefined ? undefined : deps.hash(`flag:${identity}`);
}

/** JSON with sorted keys, so the same report always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
