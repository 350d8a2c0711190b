/**
 * Use case: accept an ASB Case Review application. Validates with the shared schema and
 * stores the application with its emails (the applicant's acknowledgement, a note to each
 * partner it names) in one transaction, so an email outage never costs an application.
 * An application is never refused for having too few complaints: the law leaves that
 * decision to an officer, who sees the threshold checked.
 */
import type { Partner, Profile } from '../../shared/config/profile-schema';
import { createCaseReviewSchema, OTHER_ORGANISATION, type CaseReviewApplication } from '../../shared/contracts/case-review';
import { toFieldErrors, withFormErrors, type FieldError } from '../../shared/contracts/field-errors';
import type { Complaint } from '../../shared/domain/case-review';
import { reviewSteps, type ReviewStep } from '../../shared/domain/case-review-process';
import { expiresAt } from '../../shared/domain/retention';
import { pendingEntry, type OutboxEntry } from '../reports/records';
import type { CaseReviewStore } from './ports';
import type { StoredCaseReview } from './records';

/**
 * The same application again within this window answers with the first reference. A day,
 * not a report's ten minutes: the acknowledgement answers the form's POST itself, so a
 * reload of it later that day sends the form again, and the same victim, problem and
 * complaints on the same day are one application.
 */
const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;
const MAX_REFERENCE_TRIES = 5;

export interface ApplyDependencies {
  store: CaseReviewStore;
  profile: Profile;
  partners: () => Promise<readonly Partner[]>;
  now: () => Date;
  newReference: () => string;
  /** SHA-256 hex of a string; injected so this file stays free of node:crypto. */
  hash: (value: string) => string;
}

/** What the portal itself holds, when the application comes from a private report link. */
export interface FromReports {
  references: string[];
  complaints: Complaint[];
  /** Partners those reports went to. */
  partners: string[];
}

export type ApplyResult =
  | { ok: true; reference: string; replayed: boolean; steps: ReviewStep[]; emailed: boolean }
  | { ok: false; errors: FieldError[] };

const schemas = new WeakMap<Profile, ReturnType<typeof createCaseReviewSchema>>();
function schemaFor(profile: Profile) {
  let schema = schemas.get(profile);
  if (!schema) {
    schema = createCaseReviewSchema(
      profile.areas.map((a) => a.id) as [string, ...string[]],
      profile.partners.map((p) => p.id),
    );
    schemas.set(profile, schema);
  }
  return schema;
}

/** The application if it is valid, or every problem with it, storing nothing. */
function checkApplication(
  profile: Profile,
  body: unknown,
  decodeErrors: FieldError[] = [],
): { ok: true; application: CaseReviewApplication } | { ok: false; errors: FieldError[] } {
  const parsed = schemaFor(profile).safeParse(body);
  const errors = withFormErrors(decodeErrors, parsed.success ? [] : toFieldErrors(parsed.error));
  return parsed.success && errors.length === 0 ? { ok: true, application: parsed.data } : { ok: false, errors };
}

/** Where the applicant hears from us: their own address, or the victim's when the victim applies. */
export function applicantEmail(application: CaseReviewApplication): string | undefined {
  return application.applicant.role === 'victim' ? application.victim.email : application.applicant.email;
}

/** The partners an application names in its complaints (and that received its reports): they see it, and are told of it. */
export function partnersNamed(
  application: CaseReviewApplication,
  directory: readonly Pick<Partner, 'id'>[],
  reportPartners: readonly string[] = [],
): string[] {
  const known = new Set(directory.map((p) => p.id));
  const named = application.complaints.map((c) => c.to).filter((to) => to !== OTHER_ORGANISATION);
  return [...new Set([...named, ...reportPartners])].filter((id) => known.has(id));
}

export async function applyForCaseReview(
  deps: ApplyDependencies,
  input: { body: unknown; decodeErrors?: FieldError[]; fromReports?: FromReports },
): Promise<ApplyResult> {
  const checked = checkApplication(deps.profile, input.body, input.decodeErrors);
  if (!checked.ok) return checked;
  const { application } = checked;
  const now = deps.now();
  const receivedAt = now.toISOString();
  const partners = partnersNamed(application, await deps.partners(), input.fromReports?.partners);
  const retention = expiresAt(now, deps.profile.caseReview.retentionDays);
  const email = applicantEmail(application);
  const hash = deps.hash(`case-review:${JSON.stringify(application)}:${(input.fromReports?.references ?? []).join(',')}`);

  for (let attempt = 0; attempt < MAX_REFERENCE_TRIES; attempt++) {
    const reference = deps.newReference();
    const review: StoredCaseReview = {
      reference,
      state: 'received',
      version: 1,
      receivedAt,
      recommendations: [],
      application,
      portalComplaints: input.fromReports?.complaints ?? [],
      reports: input.fromReports?.references ?? [],
      partners,
      deliveries: {},
      expiresAt: retention,
    };
    const outbox: OutboxEntry[] = [
      ...(email ? [pendingEntry(review, { kind: 'case-review', step: 'received' }, now, 'received')] : []),
      ...partners.map((partnerId) => pendingEntry(review, { kind: 'case-review', step: 'received', partnerId }, now, `${partnerId}-named`)),
    ];
    review.deliveries = Object.fromEntries(outbox.map((e) => [e.targetId, { state: 'pending', attempts: 0 }]));
    const result = await deps.store.create(review, outbox, {
      hash,
      expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_WINDOW_SECONDS,
    });
    if (result.outcome === 'reference-taken') continue;
    const stored = result.outcome === 'created' ? review : ((await deps.store.get(result.reference)) ?? review);
    return {
      ok: true,
      reference: stored.reference,
      replayed: result.outcome === 'duplicate',
      steps: reviewSteps(stored, deps.profile.caseReview.timescales, deps.profile.workflow.bankHolidays, now),
      emailed: !!applicantEmail(stored.application),
    };
  }
  throw new Error(`Could not allocate a unique Case Review reference after ${MAX_REFERENCE_TRIES} tries`);
}
