/**
 * The ASB Case Review application a resident sends, the steps officers record, and what
 * the workspace is answered with: one set of schemas for the handler, the form, the
 * workspace's client and the OpenAPI document. Built per partnership, because the areas
 * and the partners a complaint was made to are the partnership's own.
 */
import * as z from 'zod/mini';
import { formatThousands } from './numbers';
import { isRealDate, optionalEmail, optionalPhone, optionalText, requiredText } from './fields';

export const APPLICANT_ROLES = ['victim', 'relative', 'councillor', 'mp', 'support-worker', 'other'] as const;
export type ApplicantRole = (typeof APPLICANT_ROLES)[number];
export const APPLICANT_ROLE_LABELS: Record<ApplicantRole, string> = {
  victim: 'I am the victim',
  relative: 'A relative or friend of the victim',
  councillor: 'A councillor',
  mp: 'A Member of Parliament',
  'support-worker': 'A support worker',
  other: 'Someone else acting for the victim',
};

/** A complaint made to an organisation outside the partnership. */
export const OTHER_ORGANISATION = 'other';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const text = (max: number, missing: string, label: string) =>
  requiredText(max, missing, `${label} must be ${formatThousands(max)} characters or fewer`);
const email = optionalEmail();
const phone = optionalPhone();
/** A real calendar day, YYYY-MM-DD. */
const day = (message: string) => z.string({ error: message }).check(z.refine(isRealDate, message));

export const MAX_COMPLAINTS = 20;

/** The application, for a partnership with these areas and partners. */
export function createCaseReviewSchema(areaIds: readonly [string, ...string[]], partnerIds: readonly string[]) {
  const organisations: [string, ...string[]] = [OTHER_ORGANISATION, ...partnerIds];
  const complaint = z.strictObject({
    incidentOn: day('Enter the date it happened, like 2026-03-27'),
    madeOn: day('Enter the date you complained, like 2026-03-28'),
    to: z.enum(organisations, { error: 'Choose who the complaint was made to' }),
    organisation: optionalText(120, 'The organisation’s name'),
    reference: optionalText(60, 'The reference'),
  });
  return z
    .strictObject({
      applicant: z.strictObject({
        role: z.enum(APPLICANT_ROLES, { error: 'Choose who is applying' }),
        name: optionalText(100, 'Your name'),
        email,
        phone,
        consent: z.optional(z.boolean({ error: 'Consent is yes or no' })),
      }),
      victim: z.strictObject({
        name: text(100, 'Enter the victim’s name: a Case Review cannot be anonymous', 'The victim’s name'),
        email,
        phone,
        street: optionalText(200, 'The street'),
        area: z.enum(areaIds, { error: 'Choose the area where the problem is' }),
      }),
      problem: text(5000, 'Describe the problem the review is about', 'The description'),
      complaints: z._default(
        z
          .array(complaint)
          .check(z.maxLength(MAX_COMPLAINTS, `List up to ${MAX_COMPLAINTS} complaints; describe any others in the problem`)),
        [],
      ),
    })
    .check(
      // The rules across fields run even while other answers are wrong (`when`), so every
      // problem is shown at once: the values are read defensively, as they may not be valid yet.
      z.superRefine(
        (application, ctx) => {
          const issue = (path: (string | number)[], message: string) =>
            ctx.issues.push({ code: 'custom', input: application, path, message });
          const { applicant, victim, complaints } = application as {
            applicant?: Record<string, unknown>;
            victim?: Record<string, unknown>;
            complaints?: unknown;
          };
          if (typeof victim === 'object' && victim && !victim.email && !victim.phone)
            issue(['victim', 'email'], 'Enter an email address or a phone number for the victim, so that we can tell them what we decide');
          if (typeof applicant === 'object' && applicant && typeof applicant.role === 'string' && applicant.role !== 'victim') {
            if (!applicant.name) issue(['applicant', 'name'], 'Enter your name');
            if (!applicant.email && !applicant.phone)
              issue(['applicant', 'email'], 'Enter your email address or phone number, so that we can reach you');
            if (applicant.consent !== true)
              issue(
                ['applicant', 'consent'],
                'Someone applying for the victim needs their consent. Ask the victim, then confirm that they agree to you applying for them.',
              );
          }
          // A day ahead is allowed: the applicant's day may have begun before UTC's.
          const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
          const isDay = (v: unknown): v is string => typeof v === 'string' && DAY_PATTERN.test(v);
          if (Array.isArray(complaints))
            complaints.forEach((c: { to?: unknown; organisation?: unknown; incidentOn?: unknown; madeOn?: unknown } | null, i) => {
              if (!c || typeof c !== 'object') return;
              if (c.to === OTHER_ORGANISATION && !c.organisation)
                issue(['complaints', i, 'organisation'], 'Enter the name of the organisation the complaint was made to');
              if (isDay(c.incidentOn) && c.incidentOn > tomorrow)
                issue(['complaints', i, 'incidentOn'], 'The date it happened must be today or in the past');
              if (isDay(c.madeOn) && c.madeOn > tomorrow)
                issue(['complaints', i, 'madeOn'], 'The date you complained must be today or in the past');
              else if (isDay(c.incidentOn) && isDay(c.madeOn) && c.madeOn < c.incidentOn)
                issue(['complaints', i, 'madeOn'], 'The date you complained must be on or after the date it happened');
            });
        },
        { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
      ),
    );
}

export type CaseReviewApplication = z.output<ReturnType<typeof createCaseReviewSchema>>;

/** The statutory steps, in order: each is one state of an application. */
const REVIEW_STATES = [
  'received',
  'acknowledged',
  'decided',
  'review-held',
  'outcome-sent',
  'escalation-requested',
  'escalation-decided',
] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  received: 'Received',
  acknowledged: 'Acknowledged',
  decided: 'Threshold decided',
  'review-held': 'Review meeting held',
  'outcome-sent': 'Outcome sent',
  'escalation-requested': 'Escalation requested',
  'escalation-decided': 'Escalation outcome',
};

const version = z.int({ error: 'Send the version you loaded' }).check(z.positive('Send the version you loaded'));
const words = (max: number, missing: string) => requiredText(max, missing, `Keep it to ${formatThousands(max)} characters`);

const recommendation = z.strictObject({
  text: words(1000, 'Write the recommendation'),
  owner: z.string({ error: 'Choose who owns the recommendation' }).check(z.minLength(1, 'Choose who owns the recommendation')),
  dueOn: day('Enter the date it is due, like 2027-01-31'),
});

/** What officers record at each step (and partners' record of contact), each naming the version they loaded. */
export const reviewActionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('acknowledge'), version }),
    z.strictObject({
      action: z.literal('decide'),
      version,
      met: z.boolean({ error: 'Say whether the threshold is met' }),
      reasons: words(4000, 'Give the reasons for the decision: the applicant is sent them'),
    }),
    z.strictObject({ action: z.literal('hold-review'), version, heldOn: day('Enter the date of the review meeting, like 2027-01-12') }),
    z.strictObject({
      action: z.literal('send-outcome'),
      version,
      summary: words(4000, 'Write the outcome of the review: the applicant is sent it'),
      recommendations: z.array(recommendation).check(z.maxLength(20, 'List up to 20 recommendations')),
    }),
    z.strictObject({
      action: z.literal('request-escalation'),
      version,
      reason: words(2000, 'Say why the applicant asks for it to be looked at again'),
    }),
    z.strictObject({
      action: z.literal('decide-escalation'),
      version,
      summary: words(4000, 'Write the outcome of the escalation: the applicant is sent it'),
    }),
    z.strictObject({ action: z.literal('record-contact'), text: words(4000, 'Write what your organisation’s records show') }),
    z.strictObject({
      action: z.literal('complete-recommendation'),
      version,
      index: z
        .int({ error: 'Say which recommendation (its number, from 0)' })
        .check(z.nonnegative('Say which recommendation (its number, from 0)')),
    }),
  ],
  {
    error:
      'Choose an action: acknowledge, decide, hold-review, send-outcome, request-escalation, decide-escalation, record-contact or complete-recommendation',
  },
);
export type ReviewAction = z.output<typeof reviewActionSchema>;

const state = z.enum(REVIEW_STATES);
const step = z.object({ state, label: z.string(), dueAt: z.optional(z.string()), doneAt: z.optional(z.string()), overdue: z.boolean() });

/** One application in the queue: no personal data, so partners see the same row. */
const reviewSummaryBody = z.object({
  reference: z.string(),
  state,
  version: z.number(),
  receivedAt: z.string(),
  area: z.string(),
  next: z.optional(step),
  overdue: z.boolean(),
  met: z.optional(z.boolean()),
  partners: z.array(z.string()),
});
export const reviewListBody = z.object({ reviews: z.array(reviewSummaryBody) });

const assessed = z.object({
  incidentOn: z.string(),
  madeOn: z.string(),
  to: z.string(),
  reference: z.optional(z.string()),
  qualifies: z.boolean(),
  reasons: z.array(z.string()),
});

/** One application as the workspace shows it: contact details only at a data level that has them. */
export const reviewViewBody = z.object({
  summary: reviewSummaryBody,
  dataLevel: z.string(),
  applicant: z.object({
    role: z.string(),
    name: z.optional(z.string()),
    email: z.optional(z.string()),
    phone: z.optional(z.string()),
    consent: z.optional(z.boolean()),
  }),
  victim: z.object({
    name: z.optional(z.string()),
    email: z.optional(z.string()),
    phone: z.optional(z.string()),
    street: z.optional(z.string()),
    area: z.string(),
  }),
  problem: z.optional(z.string()),
  steps: z.array(step),
  threshold: z.object({
    met: z.boolean(),
    metBy: z.optional(z.string()),
    counted: z.number(),
    needed: z.number(),
    complaints: z.array(assessed),
  }),
  decision: z.optional(z.object({ met: z.boolean(), reasons: z.optional(z.string()), at: z.string(), by: z.string() })),
  reviewHeldOn: z.optional(z.string()),
  outcome: z.optional(z.object({ summary: z.optional(z.string()), at: z.string() })),
  recommendations: z.array(
    z.object({
      text: z.string(),
      owner: z.string(),
      ownerId: z.string(),
      dueOn: z.string(),
      doneAt: z.optional(z.string()),
      doneBy: z.optional(z.string()),
      overdue: z.boolean(),
    }),
  ),
  escalation: z.optional(
    z.object({
      reason: z.optional(z.string()),
      requestedAt: z.string(),
      outcome: z.optional(z.string()),
      decidedAt: z.optional(z.string()),
    }),
  ),
  contacts: z.array(z.object({ at: z.string(), partner: z.string(), by: z.string(), text: z.string() })),
  trail: z.array(z.object({ at: z.string(), who: z.string(), what: z.string() })),
});
export const reviewActionResultBody = z.object({ reference: z.string(), version: z.number(), state });
