/**
 * The workspace's ASB Case Review queue:
 *   GET  /api/officer/case-reviews                          every application (partners: those naming them)
 *   GET  /api/officer/case-reviews/{reference}              one application, its threshold check, steps and trail
 *   POST /api/officer/case-reviews/{reference}/actions      a step recorded (officers), or a record of contact (partners named)
 * The threshold is checked and shown, never decided: an officer records the decision.
 * Partners see an application at the data level they receive reports at; every read of
 * one and every change is audited, in the application's own partition and retention.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { DataLevel } from '../../shared/config/profile-schema';
import { reviewActionSchema, type CaseReviewApplication } from '../../shared/contracts/case-review';
import { occurredDay } from '../../shared/domain/cases';
import { checkThreshold, type Complaint } from '../../shared/domain/case-review';
import {
  applyReviewAction,
  completeRecommendation,
  nextStep,
  reviewSteps,
  type ReviewStep,
  type TransitionResult,
} from '../../shared/domain/case-review-process';
import { parseCaseReviewReference } from '../../shared/domain/reference';
import { readJsonBody } from '../adapters/http/request-body';
import { json, jsonMessage, type HttpResult } from '../adapters/http/responses';
import { applicantEmail } from '../case-reviews/apply';
import type { ReviewListing, StoredCaseReview } from '../case-reviews/records';
import { pendingEntry } from '../reports/records';
import { auditEntry, type Officer } from './authorise';
import type { OfficerDependencies } from './dependencies';

const notFound = () => jsonMessage(404, 'There is no Case Review application with this reference that you can see.');

/** What this caller may see of an application: everything (officers), their data level (partners named), or nothing. */
async function levelFor(deps: OfficerDependencies, officer: Officer, review: StoredCaseReview): Promise<DataLevel | undefined> {
  if (officer.access.kind === 'all') return 'full';
  if (officer.access.kind !== 'partner' || !review.partners.includes(officer.access.partnerId)) return undefined;
  const partnerId = officer.access.partnerId;
  return (await deps.partnerList()).find((p) => p.id === partnerId)?.dataLevel;
}

const stepsOf = (deps: OfficerDependencies, review: ReviewListing, now: Date) =>
  reviewSteps(review, deps.profile.caseReview.timescales, deps.profile.workflow.bankHolidays, now);

function summaryOf(review: ReviewListing, steps: ReviewStep[]) {
  const next = nextStep(steps);
  return {
    reference: review.reference,
    state: review.state,
    version: review.version,
    receivedAt: review.receivedAt,
    area: review.application.victim.area,
    ...(next ? { next } : {}),
    overdue: steps.some((s) => s.overdue),
    ...(review.decision ? { met: review.decision.met } : {}),
    partners: review.partners,
  };
}

/** The complaints the threshold is checked against: the portal's own and the applicant's, in the order they were made. */
function complaintsOf(
  review: Pick<StoredCaseReview, 'portalComplaints'> & { application: Pick<CaseReviewApplication, 'complaints'> },
): Complaint[] {
  const listed: Complaint[] = review.application.complaints.map((c) => ({
    incidentOn: c.incidentOn,
    madeOn: c.madeOn,
    to: c.to === 'other' ? (c.organisation ?? 'other') : c.to,
    // The applicant's complaints are all the victim's: one person, for the several-people rule.
    by: 'applicant',
    ...(c.reference ? { reference: c.reference } : {}),
  }));
  return [...review.portalComplaints, ...listed].sort((a, b) => a.madeOn.localeCompare(b.madeOn));
}

export async function listCaseReviews(deps: OfficerDependencies, officer: Officer): Promise<HttpResult> {
  const access = officer.access;
  const all = await deps.reviews.listings();
  const visible = access.kind === 'all' ? all : all.filter((r) => access.kind === 'partner' && r.partners.includes(access.partnerId));
  const now = deps.now();
  return json(200, { reviews: visible.map((r) => summaryOf(r, stepsOf(deps, r, now))) });
}

export async function getCaseReview(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const reference = parseCaseReviewReference(event.pathParameters?.reference ?? '');
  const review = reference ? await deps.reviews.get(reference) : undefined;
  const level = review && (await levelFor(deps, officer, review));
  if (!review || !level) return notFound();
  const now = deps.now();
  // The read is recorded before anything is shown, as every read of personal data is.
  await deps.audit.append(auditEntry(officer, review, 'read-case-review', now.toISOString()));
  const { contacts, audit } = await deps.reviews.history(review.reference);
  const rule = deps.profile.caseReview.threshold;
  const check = checkThreshold(complaintsOf(review), rule, occurredDay(review.receivedAt)!);
  const { applicant, victim } = review.application;
  const withContact = level === 'full';
  const partnerId = officer.access.kind === 'partner' ? officer.access.partnerId : undefined;
  const partnerName = (id: string) => deps.profile.partners.find((p) => p.id === id)?.name ?? id;
  const words = <T extends object, K extends keyof T>(value: T, field: K): T | Omit<T, K> => {
    if (level !== 'summary') return value;
    const { [field]: _left, ...rest } = value;
    return rest;
  };
  const steps = stepsOf(deps, review, now);
  return json(200, {
    summary: summaryOf(review, steps),
    dataLevel: level,
    applicant: {
      role: applicant.role,
      ...(withContact ? { name: applicant.name, email: applicant.email, phone: applicant.phone } : {}),
      ...(applicant.consent !== undefined ? { consent: applicant.consent } : {}),
    },
    victim: {
      area: victim.area,
      ...(withContact ? { name: victim.name, email: victim.email, phone: victim.phone, street: victim.street } : {}),
    },
    ...(level === 'summary' ? {} : { problem: review.application.problem }),
    steps,
    threshold: {
      met: check.met,
      ...(check.metBy ? { metBy: check.metBy } : {}),
      counted: check.counted,
      needed: rule.complaints,
      complaints: check.complaints.map((c) => ({
        incidentOn: c.incidentOn,
        madeOn: c.madeOn,
        to: c.to === 'portal' ? 'this website' : partnerName(c.to),
        // A partner is not told of the portal's other reports, which may not have reached it.
        ...(c.reference && (partnerId === undefined || c.to !== 'portal') ? { reference: c.reference } : {}),
        qualifies: c.qualifies && c.sameIncidentAs === undefined,
        reasons: c.reasons,
      })),
    },
    // At summary level, what was decided and when, not the words written about the case;
    // the recommendations are actions partners own, so they are shown at every level.
    ...(review.decision ? { decision: words(review.decision, 'reasons') } : {}),
    ...(review.reviewHeld ? { reviewHeldOn: review.reviewHeld.on } : {}),
    ...(review.outcome ? { outcome: words(review.outcome, 'summary') } : {}),
    recommendations: review.recommendations.map((r) => ({
      ...r,
      owner: partnerName(r.owner),
      ownerId: r.owner,
      overdue: !r.doneAt && r.dueOn < occurredDay(now.toISOString())!,
    })),
    ...(review.escalation ? { escalation: words(words(review.escalation, 'reason'), 'outcome') } : {}),
    // Partners see their own organisation's records; officers see every partner's.
    contacts: contacts
      .filter((c) => partnerId === undefined || c.partnerId === partnerId)
      .map((c) => ({ at: c.at, partner: partnerName(c.partnerId), by: c.username, text: c.text })),
    // The trail is the partnership's: partners see their own entries only.
    trail: audit
      .filter((a) => partnerId === undefined || a.userId === officer.identity.userId)
      .map((a) => ({
        at: a.at,
        who: a.username,
        what: a.summary ?? (a.action === 'read-case-review' ? 'Viewed the application' : a.action),
      })),
  });
}

export async function caseReviewAction(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const reference = parseCaseReviewReference(event.pathParameters?.reference ?? '');
  const read = readJsonBody(event, reviewActionSchema, { what: 'the action', check: 'Check the action and try again' });
  if (!read.ok) return read.response;
  const action = read.value;
  const review = reference ? await deps.reviews.get(reference) : undefined;
  if (!review || !(await levelFor(deps, officer, review))) return notFound();
  const at = deps.now().toISOString();

  if (action.action === 'record-contact') {
    // The partnership's own officers hold the application; a record of contact is a partner's.
    if (officer.access.kind !== 'partner') return jsonMessage(403, 'Records of contact are added by the partners an application names.');
    await deps.reviews.addContact(
      {
        reference: review.reference,
        at,
        partnerId: officer.access.partnerId,
        username: officer.identity.username,
        text: action.text,
        expiresAt: review.expiresAt,
      },
      auditEntry(officer, review, 'case-review', at, 'Record of contact added'),
    );
    return json(200, { reference: review.reference, version: review.version, state: review.state });
  }
  if (action.action === 'complete-recommendation') {
    // The partner that owns a recommendation says when it is done; officers may too.
    const owner = review.recommendations[action.index]?.owner;
    if (officer.access.kind === 'partner' && owner !== officer.access.partnerId)
      return jsonMessage(403, 'Only the partner that owns a recommendation, or a partnership officer, can mark it done.');
    if (action.version !== review.version) return stale(review);
    const done = completeRecommendation(review, action.index, at, officer.identity.username);
    return done.ok ? record(deps, officer, review, done, at) : jsonMessage(409, done.message);
  }
  if (officer.access.kind !== 'all') return jsonMessage(403, 'Only partnership officers record the steps of a Case Review.');
  if (action.action === 'send-outcome') {
    const unknown = action.recommendations.find((r) => !deps.profile.partners.some((p) => p.id === r.owner));
    if (unknown)
      return json(400, {
        message: 'Check the recommendations',
        errors: [{ path: 'recommendations', message: `${unknown.owner} is not one of the partnership's partners` }],
      });
  }
  if (action.version !== review.version) return stale(review);
  const result = applyReviewAction(review, action, at, officer.identity.username);
  return result.ok ? record(deps, officer, review, result, at) : jsonMessage(409, result.message);
}

/** Writes a step (with the applicant's email, when it sends one) and its audit entry, if nothing changed meanwhile. */
async function record(
  deps: OfficerDependencies,
  officer: Officer,
  review: StoredCaseReview,
  result: Extract<TransitionResult, { ok: true }>,
  at: string,
): Promise<HttpResult> {
  // A partner that owns a recommendation sees the application from then on, as one named in it does.
  const owners = result.progress.recommendations.map((r) => r.owner);
  const after: StoredCaseReview = { ...review, ...result.progress, partners: [...new Set([...review.partners, ...owners])] };
  const now = new Date(at);
  const outbox =
    result.email && applicantEmail(review.application)
      ? [pendingEntry(review, { kind: 'case-review', step: result.email }, now, `${result.email}-v${after.version}`)]
      : [];
  const written = await deps.reviews.change(review, after, outbox, auditEntry(officer, review, 'case-review', at, result.summary));
  if (written === 'stale') return stale((await deps.reviews.get(review.reference)) ?? review);
  return json(200, { reference: after.reference, version: after.version, state: after.state });
}

const stale = (current: StoredCaseReview) =>
  json(409, {
    message: 'Someone else changed this application since you opened it. Reload it to see their change, then try again.',
    version: current.version,
  });
