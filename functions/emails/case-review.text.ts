/**
 * Plain-text half of the emails an ASB Case Review sends at each step (pair:
 * case-review.html.tsx): to the applicant, what was decided and why, what happens next and
 * by when, and who looks at it again if they are not happy; to a partner the application
 * names, only that it exists and where to read it (the application stays in the
 * workspace, where reading it is audited).
 */
import type { Profile } from '../../shared/config/profile-schema';
import { formatCalendarDate, formatDue } from '../../shared/contracts/london-time';
import { reviewSteps, type ReviewEmailStep } from '../../shared/domain/case-review-process';
import { plainText } from '../../shared/ui/plain-text';
import type { StoredCaseReview } from '../case-reviews/records';

export interface CaseReviewEmailModel {
  partnershipName: string;
  reference: string;
  /** Absent for a partner's email. */
  name?: string | undefined;
  subject: string;
  paragraphs: string[];
  /** Recommendations with their owners' names, after an outcome. */
  recommendations: string[];
  /** For a partner: the application in the workspace. */
  workspaceUrl?: string | undefined;
}

const SUBJECTS: Record<ReviewEmailStep, string> = {
  received: 'We have received your ASB Case Review application',
  acknowledged: 'Your ASB Case Review application is acknowledged',
  decided: 'Our decision on your ASB Case Review application',
  outcome: 'The outcome of your ASB Case Review',
  'escalation-requested': 'Your request to look at your ASB Case Review again',
  'escalation-decided': 'The outcome of your request to look at your ASB Case Review again',
};

/** The email for one step, to the applicant or (with `partnerName`) to a partner it names. */
export function caseReviewModel(
  review: StoredCaseReview,
  step: ReviewEmailStep,
  profile: Pick<Profile, 'name' | 'caseReview' | 'workflow' | 'partners'>,
  at: Date,
  siteUrl: string,
  partnerName?: string,
): CaseReviewEmailModel {
  const ref = review.reference;
  const base = { partnershipName: profile.name, reference: ref, recommendations: [] as string[] };
  if (partnerName !== undefined)
    return {
      ...base,
      subject: `ASB Case Review application ${ref} names ${partnerName}`,
      paragraphs: [
        `An application for an ASB Case Review (${ref}) lists complaints made to ${partnerName}, or reports it received.`,
        'Please read it in the officer workspace and add your record of contact with the victim before the threshold is decided.',
      ],
      workspaceUrl: `${siteUrl}/officer/case-review/?ref=${encodeURIComponent(ref)}`,
    };
  const steps = reviewSteps(review, profile.caseReview.timescales, profile.workflow.bankHolidays, at);
  const due = (state: string) => steps.find((s) => s.state === state)?.dueAt;
  const { escalation } = profile.caseReview;
  const lookAgain = `If you are not happy with this, you can ask ${escalation.to} to look at it again: email ${escalation.email} or call ${escalation.phone}, and quote ${ref}.`;
  const when = (state: string, words: string) => (due(state) ? [`${words} ${formatDue(due(state)!)}.`] : []);
  const paragraphs: Record<ReviewEmailStep, () => string[]> = {
    received: () => [
      `We have received your application for an ASB Case Review. Its reference is ${ref}.`,
      ...when('acknowledged', 'We will acknowledge it'),
      ...when('decided', 'We will tell you whether it meets the threshold for a review, and why,'),
    ],
    acknowledged: () => [
      `We acknowledge your application ${ref} for an ASB Case Review. An officer is checking the complaints it lists with the organisations you told.`,
      ...when('decided', 'We will tell you whether it meets the threshold for a review, and why,'),
    ],
    decided: () =>
      review.decision?.met
        ? [
            `Your application ${ref} meets the threshold for an ASB Case Review.`,
            `Our reasons: ${plainText(review.decision.reasons)}`,
            ...when('review-held', 'The partners will meet to review how your complaints were dealt with'),
          ]
        : [
            `Your application ${ref} does not meet the local threshold for an ASB Case Review.`,
            `Our reasons: ${plainText(review.decision?.reasons ?? '')}`,
            lookAgain,
          ],
    outcome: () => [`The partners have reviewed your case (${ref}).`, plainText(review.outcome?.summary ?? ''), lookAgain],
    'escalation-requested': () => [
      `We have passed your request to look at your ASB Case Review ${ref} again to ${escalation.to}. They will write to you with their decision.`,
    ],
    'escalation-decided': () => [
      `${escalation.to} has looked at your ASB Case Review ${ref} again.`,
      plainText(review.escalation?.outcome ?? ''),
    ],
  };
  const owner = (id: string) => profile.partners.find((p) => p.id === id)?.name ?? id;
  return {
    ...base,
    name: review.application.applicant.role === 'victim' ? review.application.victim.name : review.application.applicant.name,
    subject: SUBJECTS[step],
    paragraphs: paragraphs[step](),
    recommendations:
      step === 'outcome'
        ? review.recommendations.map((r) => `${plainText(r.text)} (${owner(r.owner)}, by ${formatCalendarDate(r.dueOn)})`)
        : [],
  };
}

export function caseReviewText(m: CaseReviewEmailModel): string {
  const lines = [
    ...(m.name ? [`Dear ${plainText(m.name)},`, ''] : []),
    ...m.paragraphs.flatMap((p) => [p, '']),
    ...(m.recommendations.length ? ['Recommendations:', ...m.recommendations.map((r) => `- ${r}`), ''] : []),
    ...(m.workspaceUrl ? ['Read it in the officer workspace:', m.workspaceUrl, ''] : []),
    ...(m.name ? ['If you are in danger or a crime is happening now, call 999.', ''] : []),
    plainText(m.partnershipName),
  ];
  return `${lines.join('\n')}\n`;
}
