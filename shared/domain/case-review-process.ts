/**
 * The ASB Case Review's statutory steps as a state machine, their due times in working
 * days from the partnership's timescales, and the yearly figures the partnership must
 * publish. Pure: the clock, the timescales and the bank holidays come in as arguments.
 */
import type { Profile } from '../config/profile-schema';
import { REVIEW_STATE_LABELS, type ReviewAction, type ReviewState } from '../contracts/case-review';
import { londonParts } from '../contracts/london-time';
import { addWorkingDays } from './working-days';
import { daysBetween } from './case-review';
import { occurredDay } from './cases';

type Timescales = Profile['caseReview']['timescales'];

/** What the rules read of an application: its progress, never its personal data. */
export interface ReviewProgress {
  state: ReviewState;
  version: number;
  receivedAt: string;
  acknowledgedAt?: string | undefined;
  decision?: { met: boolean; reasons: string; at: string; by: string } | undefined;
  reviewHeld?: { on: string; at: string } | undefined;
  outcome?: { summary: string; at: string } | undefined;
  /** Actions the review recommended, each owned by a partner, done when its owner (or an officer) says so. */
  recommendations: { text: string; owner: string; dueOn: string; doneAt?: string | undefined; doneBy?: string | undefined }[];
  escalation?: { reason: string; requestedAt: string; outcome?: string | undefined; decidedAt?: string | undefined } | undefined;
}

/** The emails a step sends the applicant (and, on receipt, the partners named). */
export type ReviewEmailStep = 'received' | 'acknowledged' | 'decided' | 'outcome' | 'escalation-requested' | 'escalation-decided';

export interface ReviewStep {
  state: ReviewState;
  label: string;
  dueAt?: string | undefined;
  doneAt?: string | undefined;
  overdue: boolean;
}

/** Each step, when it is due and when it was done, in order; steps that cannot happen are left out. */
export function reviewSteps(p: ReviewTimings, timescales: Timescales, holidays: readonly string[], now: Date): ReviewStep[] {
  const due = (from: string | undefined, days: number) => (from ? addWorkingDays(from, days, holidays) : undefined);
  const step = (state: ReviewState, dueAt: string | undefined, doneAt: string | undefined): ReviewStep => ({
    state,
    label: REVIEW_STATE_LABELS[state],
    ...(dueAt ? { dueAt } : {}),
    ...(doneAt ? { doneAt } : {}),
    overdue: !doneAt && !!dueAt && dueAt < now.toISOString(),
  });
  const steps = [
    step('received', undefined, p.receivedAt),
    step('acknowledged', due(p.receivedAt, timescales.acknowledgeWorkingDays), p.acknowledgedAt),
    step('decided', due(p.receivedAt, timescales.decideWorkingDays), p.decision?.at),
  ];
  // No review meeting follows a threshold that was not met.
  if (p.decision?.met !== false) {
    steps.push(step('review-held', due(p.decision?.at, timescales.reviewWorkingDays), p.reviewHeld?.at));
    steps.push(step('outcome-sent', due(p.reviewHeld?.at, timescales.outcomeWorkingDays), p.outcome?.at));
  }
  if (p.escalation) {
    steps.push(step('escalation-requested', undefined, p.escalation.requestedAt));
    steps.push(step('escalation-decided', undefined, p.escalation.decidedAt));
  }
  return steps;
}

/** The next step not yet done, if any. */
export const nextStep = (steps: ReviewStep[]): ReviewStep | undefined => steps.find((s) => !s.doneAt);

export type TransitionResult =
  | { ok: true; progress: ReviewProgress; email?: ReviewEmailStep; summary: string }
  | { ok: false; message: string };

const refuse = (message: string): TransitionResult => ({ ok: false, message });

/** What a step does to an application, or why it cannot be done now (a 409 for the officer). */
export function applyReviewAction(
  p: ReviewProgress,
  action: Exclude<ReviewAction, { action: 'record-contact' | 'complete-recommendation' }>,
  at: string,
  by: string,
): TransitionResult {
  const next = (changes: Partial<ReviewProgress>, state: ReviewState, summary: string, email?: ReviewEmailStep): TransitionResult => ({
    ok: true,
    progress: { ...p, ...changes, state, version: p.version + 1 },
    summary,
    ...(email ? { email } : {}),
  });
  switch (action.action) {
    case 'acknowledge':
      if (p.state !== 'received') return refuse('This application has already been acknowledged.');
      return next({ acknowledgedAt: at }, 'acknowledged', 'Application acknowledged', 'acknowledged');
    case 'decide':
      if (p.state === 'received') return refuse('Acknowledge the application before deciding on the threshold.');
      if (p.state !== 'acknowledged') return refuse('The threshold has already been decided.');
      return next(
        { decision: { met: action.met, reasons: action.reasons, at, by } },
        'decided',
        action.met ? 'Threshold decided: met' : 'Threshold decided: not met',
        'decided',
      );
    case 'hold-review':
      if (p.state !== 'decided') return refuse('A review meeting is recorded once the threshold is decided as met.');
      if (!p.decision?.met)
        return refuse(
          'The threshold was not met, so there is no review meeting. The applicant can ask for the decision to be looked at again.',
        );
      if (action.heldOn < p.decision.at.slice(0, 10)) return refuse('The review meeting cannot be before the decision on the threshold.');
      return next({ reviewHeld: { on: action.heldOn, at } }, 'review-held', `Review meeting held on ${action.heldOn}`);
    case 'send-outcome':
      if (p.state !== 'review-held') return refuse('Record the review meeting before sending its outcome.');
      return next(
        { outcome: { summary: action.summary, at }, recommendations: action.recommendations },
        'outcome-sent',
        `Outcome sent with ${action.recommendations.length} recommendation${action.recommendations.length === 1 ? '' : 's'}`,
        'outcome',
      );
    case 'request-escalation': {
      const closed = p.state === 'outcome-sent' || (p.state === 'decided' && p.decision?.met === false);
      if (!closed) return refuse('An escalation can be requested once the threshold is decided as not met, or the outcome is sent.');
      return next(
        { escalation: { reason: action.reason, requestedAt: at } },
        'escalation-requested',
        'Escalation requested',
        'escalation-requested',
      );
    }
    case 'decide-escalation':
      if (p.state !== 'escalation-requested' || !p.escalation) return refuse('No escalation has been requested.');
      return next(
        { escalation: { ...p.escalation, outcome: action.summary, decidedAt: at } },
        'escalation-decided',
        'Escalation outcome recorded',
        'escalation-decided',
      );
  }
}

/** A recommendation marked done: the application's state is unchanged, its version moves on. */
export function completeRecommendation(p: ReviewProgress, index: number, at: string, by: string): TransitionResult {
  const recommendation = p.recommendations[index];
  if (!recommendation) return refuse('There is no such recommendation on this application.');
  if (recommendation.doneAt) return refuse('This recommendation is already done.');
  const recommendations = p.recommendations.map((r, i) => (i === index ? { ...r, doneAt: at, doneBy: by } : r));
  return { ok: true, progress: { ...p, recommendations, version: p.version + 1 }, summary: `Recommendation ${index + 1} done` };
}

/** The year April to March a UK day falls in, as the partnership reports it ("2026-27"). */
export function reportingYear(iso: string): string {
  const { year, month } = londonParts(new Date(iso));
  const start = month >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * What the queue, the due times and the published figures read of an application: its
 * step and when each step was done, never who applied or what anyone wrote.
 */
export interface ReviewTimings {
  state: ReviewState;
  receivedAt: string;
  acknowledgedAt?: string | undefined;
  decision?: { met: boolean; at: string } | undefined;
  reviewHeld?: { at: string } | undefined;
  outcome?: { at: string } | undefined;
  /** Only how many there are is read. */
  recommendations: readonly unknown[];
  escalation?: { requestedAt: string; decidedAt?: string | undefined } | undefined;
}

export interface ReviewYearFigures {
  year: string;
  applications: number;
  thresholdMet: number;
  reviewsHeld: number;
  withRecommendations: number;
  escalations: number;
  /** Median calendar days from receipt to each step, over the applications that reached it; undefined when none did. */
  medianDaysToAcknowledge?: number | undefined;
  medianDaysToDecide?: number | undefined;
  medianDaysToReview?: number | undefined;
  medianDaysToOutcome?: number | undefined;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ukDay = (iso: string) => occurredDay(iso)!;

/** The published figures, one row per reporting year an application was received in, newest first. */
export function reviewFigures(reviews: readonly ReviewTimings[]): ReviewYearFigures[] {
  const years = new Map<string, ReviewTimings[]>();
  for (const r of reviews) years.set(reportingYear(r.receivedAt), [...(years.get(reportingYear(r.receivedAt)) ?? []), r]);
  const daysTo = (list: ReviewTimings[], at: (r: ReviewTimings) => string | undefined) =>
    median(list.flatMap((r) => (at(r) ? [daysBetween(ukDay(r.receivedAt), ukDay(at(r)!))] : [])));
  return [...years.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([year, list]) => ({
      year,
      applications: list.length,
      thresholdMet: list.filter((r) => r.decision?.met).length,
      reviewsHeld: list.filter((r) => r.reviewHeld).length,
      withRecommendations: list.filter((r) => r.outcome && r.recommendations.length > 0).length,
      escalations: list.filter((r) => r.escalation).length,
      medianDaysToAcknowledge: daysTo(list, (r) => r.acknowledgedAt),
      medianDaysToDecide: daysTo(list, (r) => r.decision?.at),
      medianDaysToReview: daysTo(list, (r) => r.reviewHeld?.at),
      medianDaysToOutcome: daysTo(list, (r) => r.outcome?.at),
    }));
}
