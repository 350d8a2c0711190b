/**
 * A pack's demonstration ASB Case Review applications (`<pack>/demo/case-reviews.json`,
 * optional): what became of each, so a fresh local portal shows a queue and published
 * figures. No person is in the file: `npm start` adds each as a "Sample applicant". Each
 * application's steps are replayed through the same rules officers' steps go through, so
 * a sample that skips a step, or dates one before the last, is refused here. Local only.
 */
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { Profile } from './profile-schema';
import { createCaseReviewSchema, type CaseReviewApplication } from '../contracts/case-review';
import { applyReviewAction, type ReviewProgress } from '../domain/case-review-process';
import { describeIssue } from './load-profile';
import { demoFileError, readDemoFile } from './demo-file';

const instant = z.iso.datetime({ offset: true });
const sampleSchema = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,60}$/, 'must be letters, digits, - or _')),
  receivedAt: instant,
  area: z.string(),
  problem: z.string().check(z.minLength(1)),
  complaints: z.array(z.strictObject({ incidentOn: z.string(), madeOn: z.string(), to: z.string(), organisation: z.optional(z.string()) })),
  acknowledgedAt: z.optional(instant),
  decision: z.optional(z.strictObject({ met: z.boolean(), reasons: z.string().check(z.minLength(1)), at: instant })),
  reviewHeld: z.optional(z.strictObject({ on: z.string(), at: instant })),
  outcome: z.optional(
    z.strictObject({
      summary: z.string().check(z.minLength(1)),
      at: instant,
      recommendations: z.array(z.strictObject({ text: z.string(), owner: z.string(), dueOn: z.string() })),
    }),
  ),
});
const demoSchema = z.strictObject({ applications: z.array(sampleSchema).check(z.minLength(1)) });

export interface SampleReview {
  id: string;
  application: CaseReviewApplication;
  progress: ReviewProgress;
}

const demoFile = (packDir: string) => join(packDir, 'demo', 'case-reviews.json');

/** The pack's sample applications, their steps replayed; undefined if it has none; throws naming the file and field of every problem. */
export function readDemoCaseReviews(packDir: string, profile: Pick<Profile, 'areas' | 'partners'>): SampleReview[] | undefined {
  const file = demoFile(packDir);
  const demo = readDemoFile(file, demoSchema);
  if (!demo) return undefined;
  const schema = createCaseReviewSchema(
    profile.areas.map((a) => a.id) as [string, ...string[]],
    profile.partners.map((p) => p.id),
  );
  const problems: string[] = [];
  const samples = demo.applications.map((sample, i): SampleReview | undefined => {
    const application = schema.safeParse({
      applicant: { role: 'victim' },
      victim: { name: 'Sample applicant', phone: '01632 960 000', area: sample.area },
      problem: sample.problem,
      complaints: sample.complaints,
    });
    if (!application.success) {
      problems.push(...application.error.issues.map((issue) => `applications.${i}: ${describeIssue(issue)}`));
      return undefined;
    }
    // Each step as an officer would have recorded it, in order, through the same rules.
    let progress: ReviewProgress = { state: 'received', version: 1, receivedAt: sample.receivedAt, recommendations: [] };
    const steps = [
      sample.acknowledgedAt && { at: sample.acknowledgedAt, action: { action: 'acknowledge' as const, version: 0 } },
      sample.decision && {
        at: sample.decision.at,
        action: { action: 'decide' as const, version: 0, met: sample.decision.met, reasons: sample.decision.reasons },
      },
      sample.reviewHeld && {
        at: sample.reviewHeld.at,
        action: { action: 'hold-review' as const, version: 0, heldOn: sample.reviewHeld.on },
      },
      sample.outcome && {
        at: sample.outcome.at,
        action: {
          action: 'send-outcome' as const,
          version: 0,
          summary: sample.outcome.summary,
          recommendations: sample.outcome.recommendations,
        },
      },
    ].filter((s) => !!s);
    let last = sample.receivedAt;
    for (const step of steps) {
      if (step.at < last) problems.push(`applications.${i}: ${step.action.action} at ${step.at} is before the step it follows (${last})`);
      const unknownOwner =
        step.action.action === 'send-outcome' && step.action.recommendations.find((r) => !profile.partners.some((p) => p.id === r.owner));
      if (unknownOwner) problems.push(`applications.${i}: recommendation owner "${unknownOwner.owner}" is not one of the partners`);
      const result = applyReviewAction(progress, { ...step.action, version: progress.version }, step.at, 'sample data');
      if (!result.ok) {
        problems.push(`applications.${i}: ${step.action.action}: ${result.message}`);
        break;
      }
      progress = result.progress;
      last = step.at;
    }
    return { id: sample.id, application: application.data, progress };
  });
  if (problems.length) throw demoFileError(file, problems);
  return samples.filter((s) => s !== undefined);
}
