/**
 * The ASB Case Review's steps as pure rules: their order and refusals, the due times in
 * working days across weekends and bank holidays, the published figures per April–March
 * year, and the application form's decoding and cross-field checks.
 */
import { describe, expect, it } from 'vitest';
import { createCaseReviewSchema } from '../../shared/contracts/case-review';
import { decodeCaseReviewForm } from '../../shared/contracts/case-review-form';
import { toFieldErrors } from '../../shared/contracts/field-errors';
import {
  applyReviewAction,
  completeRecommendation,
  reportingYear,
  reviewFigures,
  reviewSteps,
  type ReviewProgress,
} from '../../shared/domain/case-review-process';
import { parseCaseReviewReference } from '../../shared/domain/reference';

const timescales = { acknowledgeWorkingDays: 5, decideWorkingDays: 10, reviewWorkingDays: 20, outcomeWorkingDays: 5 };
const received = (at = '2026-12-22T10:00:00Z'): ReviewProgress => ({ state: 'received', version: 1, receivedAt: at, recommendations: [] });

describe('Case Review due times', () => {
  it('skip weekends and the bank holidays given, on the UK clock', () => {
    // Tuesday 22 December 2026; 25 and 28 December are bank holidays (Boxing Day falls on a Saturday).
    const steps = reviewSteps(received(), timescales, ['2026-12-25', '2026-12-28'], new Date('2026-12-22T10:00:00Z'));
    expect(steps.find((s) => s.state === 'acknowledged')!.dueAt).toBe('2026-12-31T10:00:00.000Z');
    const weekdaysOnly = reviewSteps(received(), timescales, [], new Date('2026-12-22T10:00:00Z'));
    expect(weekdaysOnly.find((s) => s.state === 'acknowledged')!.dueAt).toBe('2026-12-29T10:00:00.000Z');
    // A summer application keeps its local time across the clocks going back.
    const summer = reviewSteps(received('2026-10-20T09:00:00Z'), timescales, [], new Date('2026-10-20T09:00:00Z'));
    expect(summer.find((s) => s.state === 'acknowledged')!.dueAt).toBe('2026-10-27T10:00:00.000Z');
  });

  it('mark a step overdue only once its due time has passed and it is not done', () => {
    const at = (iso: string) => reviewSteps(received(), timescales, [], new Date(iso)).find((s) => s.state === 'acknowledged')!.overdue;
    expect(at('2026-12-29T09:59:59Z')).toBe(false);
    expect(at('2026-12-29T10:00:01Z')).toBe(true);
    const done = { ...received(), state: 'acknowledged' as const, acknowledgedAt: '2026-12-23T09:00:00Z' };
    expect(reviewSteps(done, timescales, [], new Date('2027-02-01T00:00:00Z')).find((s) => s.state === 'acknowledged')!.overdue).toBe(
      false,
    );
  });

  it('count the review from the decision, and drop the meeting when the threshold is not met', () => {
    const decided: ReviewProgress = {
      ...received('2026-11-02T10:00:00Z'),
      state: 'decided',
      acknowledgedAt: '2026-11-03T10:00:00Z',
      decision: { met: true, reasons: 'r', at: '2026-11-09T10:00:00Z', by: 'o' },
    };
    const steps = reviewSteps(decided, timescales, [], new Date('2026-11-09T10:00:00Z'));
    expect(steps.find((s) => s.state === 'review-held')!.dueAt).toBe('2026-12-07T10:00:00.000Z');
    const notMet = { ...decided, decision: { ...decided.decision!, met: false } };
    expect(reviewSteps(notMet, timescales, [], new Date()).map((s) => s.state)).toEqual(['received', 'acknowledged', 'decided']);
  });
});

describe('Case Review steps', () => {
  const at = '2027-01-05T10:00:00Z';
  const run = (p: ReviewProgress, action: Parameters<typeof applyReviewAction>[1]) => applyReviewAction(p, action, at, 'officer');
  const step = (p: ReviewProgress, action: Parameters<typeof applyReviewAction>[1]) => {
    const result = run(p, action);
    if (!result.ok) throw new Error(result.message);
    return result;
  };

  it('go in the statutory order, each bumping the version and naming the email it sends', () => {
    const acknowledged = step(received(), { action: 'acknowledge', version: 1 });
    expect(acknowledged).toMatchObject({ email: 'acknowledged', progress: { state: 'acknowledged', version: 2, acknowledgedAt: at } });
    const decided = step(acknowledged.progress, { action: 'decide', version: 2, met: true, reasons: 'Three complaints' });
    expect(decided.progress.decision).toEqual({ met: true, reasons: 'Three complaints', at, by: 'officer' });
    const held = step(decided.progress, { action: 'hold-review', version: 3, heldOn: '2027-01-05' });
    expect(held.email).toBeUndefined();
    const outcome = step(held.progress, {
      action: 'send-outcome',
      version: 4,
      summary: 'S',
      recommendations: [{ text: 'T', owner: 'police', dueOn: '2027-02-01' }],
    });
    expect(outcome).toMatchObject({ email: 'outcome', summary: 'Outcome sent with 1 recommendation' });
    const escalated = step(outcome.progress, { action: 'request-escalation', version: 5, reason: 'R' });
    const final = step(escalated.progress, { action: 'decide-escalation', version: 6, summary: 'Upheld' });
    expect(final.progress).toMatchObject({
      state: 'escalation-decided',
      version: 7,
      escalation: { reason: 'R', outcome: 'Upheld', decidedAt: at },
    });
  });

  it('mark a recommendation done once, keeping the state and moving the version on', () => {
    const withOne: ReviewProgress = {
      ...received(),
      state: 'outcome-sent',
      version: 5,
      recommendations: [{ text: 'Patrols', owner: 'police', dueOn: '2027-02-01' }],
    };
    const done = completeRecommendation(withOne, 0, at, 'police user');
    expect(done).toMatchObject({ ok: true, summary: 'Recommendation 1 done', progress: { state: 'outcome-sent', version: 6 } });
    const after = done.ok ? done.progress : withOne;
    expect(after.recommendations[0]).toMatchObject({ doneAt: at, doneBy: 'police user' });
    expect(completeRecommendation(after, 0, at, 'x')).toEqual({ ok: false, message: 'This recommendation is already done.' });
    expect(completeRecommendation(withOne, 1, at, 'x').ok).toBe(false);
  });

  it('refuse a step out of order, saying what comes first', () => {
    const refusal = (p: ReviewProgress, action: Parameters<typeof applyReviewAction>[1]) => {
      const result = run(p, action);
      return result.ok ? undefined : result.message;
    };
    expect(refusal(received(), { action: 'decide', version: 1, met: true, reasons: 'r' })).toMatch(/Acknowledge the application/);
    expect(refusal(received(), { action: 'request-escalation', version: 1, reason: 'r' })).toMatch(/once the threshold is decided/);
    const acknowledged = step(received(), { action: 'acknowledge', version: 1 }).progress;
    expect(refusal(acknowledged, { action: 'acknowledge', version: 2 })).toMatch(/already been acknowledged/);
    const notMet = step(acknowledged, { action: 'decide', version: 2, met: false, reasons: 'r' }).progress;
    expect(refusal(notMet, { action: 'hold-review', version: 3, heldOn: '2027-01-05' })).toMatch(/not met/);
    expect(refusal(notMet, { action: 'decide-escalation', version: 3, summary: 's' })).toMatch(/No escalation/);
    const met = step(acknowledged, { action: 'decide', version: 2, met: true, reasons: 'r' }).progress;
    expect(refusal(met, { action: 'hold-review', version: 3, heldOn: '2027-01-04' })).toMatch(/before the decision/);
    expect(refusal(met, { action: 'send-outcome', version: 3, summary: 's', recommendations: [] })).toMatch(/Record the review meeting/);
  });
});

describe('the published Case Review figures', () => {
  it('put an application in the April–March year it was received in, on the UK clock', () => {
    expect(reportingYear('2026-03-31T22:59:59Z')).toBe('2025-26');
    // 23:00 UTC on 31 March is midnight on 1 April in the UK (summer time).
    expect(reportingYear('2026-03-31T23:00:00Z')).toBe('2026-27');
    expect(reportingYear('2099-12-31T12:00:00Z')).toBe('2099-00');
  });

  it('count each outcome and the median days to each step, newest year first', () => {
    const figures = reviewFigures([
      {
        ...received('2026-04-01T09:00:00Z'),
        acknowledgedAt: '2026-04-03T09:00:00Z',
        decision: { met: true, reasons: '', at: '2026-04-11T09:00:00Z', by: '' },
        reviewHeld: { on: '2026-04-20', at: '2026-04-20T09:00:00Z' },
        outcome: { summary: '', at: '2026-04-21T09:00:00Z' },
        recommendations: [{ text: 't', owner: 'police', dueOn: '2026-06-01' }],
      },
      {
        ...received('2026-05-01T09:00:00Z'),
        acknowledgedAt: '2026-05-05T09:00:00Z',
        decision: { met: false, reasons: '', at: '2026-05-06T09:00:00Z', by: '' },
        escalation: { reason: 'r', requestedAt: '2026-05-10T09:00:00Z' },
      },
      { ...received('2026-06-01T09:00:00Z'), acknowledgedAt: '2026-06-02T09:00:00Z' },
      received('2025-06-01T09:00:00Z'),
    ]);
    expect(figures).toEqual([
      {
        year: '2026-27',
        applications: 3,
        thresholdMet: 1,
        reviewsHeld: 1,
        withRecommendations: 1,
        escalations: 1,
        medianDaysToAcknowledge: 2,
        medianDaysToDecide: 7.5,
        medianDaysToReview: 19,
        medianDaysToOutcome: 20,
      },
      {
        year: '2025-26',
        applications: 1,
        thresholdMet: 0,
        reviewsHeld: 0,
        withRecommendations: 0,
        escalations: 0,
        medianDaysToAcknowledge: undefined,
        medianDaysToDecide: undefined,
        medianDaysToReview: undefined,
        medianDaysToOutcome: undefined,
      },
    ]);
    expect(reviewFigures([])).toEqual([]);
  });
});

describe('the Case Review application form', () => {
  const schema = createCaseReviewSchema(['north'], ['police']);
  const errorsOf = (fields: Record<string, string>) => {
    const decoded = decodeCaseReviewForm(Object.entries(fields));
    const parsed = schema.safeParse(decoded.value);
    return [...decoded.errors, ...(parsed.success ? [] : toFieldErrors(parsed.error))].map((e) => e.path).sort();
  };

  it('drops blank complaint rows, keeps half-filled ones, and drops the third-party answers of a victim applying for themselves', () => {
    const { value, errors } = decodeCaseReviewForm([
      ['applicant.role', 'victim'],
      ['applicant.name', 'Left from before'],
      ['applicant.consent', 'true'],
      ['complaints.0.incidentOn', '2026-10-01'],
      ['complaints.0.to', 'police'],
      ['complaints.1.to', ''],
      ['complaints.2.incidentOn', ''],
      ['complaints.3.to', 'police'],
    ]);
    expect(errors).toEqual([]);
    expect(value.applicant).toEqual({ role: 'victim' });
    // Row 3 is half filled: kept, so its missing dates are named rather than the row lost.
    expect(value.complaints).toEqual([{ incidentOn: '2026-10-01', to: 'police' }, { to: 'police' }]);
  });

  it('refuses fields it does not know, including ones that would reach an object prototype', () => {
    const { errors } = decodeCaseReviewForm([
      ['victim.__proto__', 'x'],
      ['complaints.0.__proto__', 'x'],
      ['complaints.99.madeOn', '2026-01-01'],
      ['extra', 'x'],
    ]);
    expect(errors.map((e) => e.path)).toEqual(['victim.__proto__', 'complaints.0.__proto__', 'complaints.99.madeOn', 'extra']);
  });

  it('refuses complaint dates in the future, or a complaint dated before what it is about', () => {
    const row = (incidentOn: string, madeOn: string) =>
      errorsOf({
        'applicant.role': 'victim',
        'victim.name': 'Pat',
        'victim.phone': '01632 960 222',
        'victim.area': 'north',
        problem: 'Noise',
        'complaints.0.incidentOn': incidentOn,
        'complaints.0.madeOn': madeOn,
        'complaints.0.to': 'police',
      });
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    expect(row(inDays(-3), inDays(-2))).toEqual([]);
    expect(row(inDays(-3), inDays(0))).toEqual([]);
    expect(row(inDays(3), inDays(4))).toEqual(['complaints.0.incidentOn', 'complaints.0.madeOn']);
    expect(row(inDays(-2), inDays(-3))).toEqual(['complaints.0.madeOn']);
  });

  it('shows every cross-field problem at once, even while other answers are wrong', () => {
    expect(errorsOf({ 'applicant.role': 'mp', problem: 'x', 'complaints.0.to': 'other', 'complaints.0.madeOn': '2026-10-01' })).toEqual([
      'applicant.consent',
      'applicant.email',
      'applicant.name',
      'complaints.0.incidentOn',
      'complaints.0.organisation',
      'victim.area',
      'victim.email',
      'victim.name',
    ]);
    expect(
      errorsOf({
        'applicant.role': 'support-worker',
        'applicant.name': 'Kim',
        'applicant.phone': '01632 960 111',
        'applicant.consent': 'true',
        'victim.name': 'Pat',
        'victim.phone': '01632 960 222',
        'victim.area': 'north',
        problem: 'Noise',
      }),
    ).toEqual([]);
  });
});

describe('Case Review references', () => {
  it('read as typed, and never as a report reference', () => {
    expect(parseCaseReviewReference('cr-abcd 2345')).toBe('CR-ABCD2345');
    expect(parseCaseReviewReference('ABCD2345')).toBeUndefined();
    expect(parseCaseReviewReference('CR-ABCD234O')).toBeUndefined();
  });
});
