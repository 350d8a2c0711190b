/**
 * The report a resident submits: the single source for the API, the site form's
 * client-side check and the OpenAPI document. Built per profile because `location.area`
 * must be one of the partnership's own area ids.
 *
 * Written with `zod/mini` so the submit Lambda and the browser pay only for the checks
 * they use (cold start budget: see README performance table).
 */
import * as z from 'zod/mini';
import { optionalEmail, optionalPhone, optionalText, requiredText } from './fields';
import { occurredStart } from './london-time';
import { REPORT_TYPES, ASB_CATEGORIES, HATE_MOTIVATIONS, REPORTER_ROLES } from './report-vocabulary';

/** UK postcode, normalised to upper case with one space before the inward code. */
const POSTCODE_PATTERN = /^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2})$/;
/** Reports dated a little ahead are accepted: phone clocks drift. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const postcode = z.string({ error: 'Enter a postcode as text' }).check(
  z.trim(),
  z.toUpperCase(),
  z.overwrite((value) => value.replace(/\s+/g, '').replace(/^(.+)(.{3})$/, '$1 $2')),
  z.regex(POSTCODE_PATTERN, 'Enter a real postcode, or leave it blank'),
);

const contactSchema = z.strictObject({
  name: requiredText(100, 'Enter your name, or choose to report anonymously', 'Your name must be 100 characters or fewer'),
  email: optionalEmail(),
  phone: optionalPhone(),
  preferredTimes: optionalText(200, 'When it is safe to contact you'),
});

/** Builds the report schema for a partnership whose areas have these ids. */
export function createReportSchema(areaIds: readonly [string, ...string[]]) {
  return z
    .strictObject(
      {
        type: z.enum(REPORT_TYPES, { error: 'Select whether you are reporting anti-social behaviour or a hate crime' }),
        asbCategory: z.optional(z.enum(ASB_CATEGORIES, { error: 'Select what kind of anti-social behaviour it was' })),
        hateMotivations: z.optional(
          z
            .array(z.enum(HATE_MOTIVATIONS, { error: 'Select what you think the hostility was about' }), {
              error: 'Select what you think the hostility was about',
            })
            .check(
              z.minLength(1, 'Select what you think the hostility was about'),
              z.maxLength(HATE_MOTIVATIONS.length, 'Select each reason only once'),
            ),
        ),
        reporterRole: z.enum(REPORTER_ROLES, { error: 'Select who this happened to' }),
        description: requiredText(4000, 'Describe what happened', 'What happened must be 4,000 characters or fewer'),
        // A calendar day when the resident does not know the time; an instant when they do.
        occurredAt: z.optional(
          z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
            error: 'Enter the date it happened as 2026-11-21, or the date and time as 2026-11-21T21:30:00Z',
          }),
        ),
        ongoing: z.optional(z.boolean({ error: 'Say whether it is still happening (true or false)' })),
        location: z.strictObject(
          {
            area: z.enum(areaIds, { error: 'Select the area where it happened' }),
            street: optionalText(200, 'Street or road'),
            postcode: z.optional(postcode),
            details: optionalText(500, 'Anything else about the place'),
          },
          { error: 'Select the area where it happened' },
        ),
        anonymous: z.boolean({ error: 'Select whether you want to give your contact details' }),
        contact: z.optional(contactSchema),
        /** The resident asks for their answers to be left out of the confirmation email (a shared inbox). */
        keepAnswersOutOfEmail: z.optional(z.boolean({ error: 'Say whether to leave your answers out of the email (true or false)' })),
        /** An anonymous reporter asks for a private link to follow the report (everyone else gets one). */
        privateLink: z.optional(z.boolean({ error: 'Say whether you want a private link to follow this report (true or false)' })),
        offenderDescription: optionalText(2000, 'Who was involved'),
        vehicleDescription: optionalText(1000, 'Any vehicles'),
        policeReference: optionalText(50, 'Police reference number'),
        impact: optionalText(2000, 'How it has affected you or others'),
      },
      { error: 'Send the report as a JSON object with the fields described at /api/openapi.json' },
    )
    .check(
      // `when` runs these rules even if a field above failed, so a resident sees every
      // problem at once instead of fixing one round trip at a time.
      z.superRefine(
        (report, ctx) => {
          const issue = (path: (string | number)[], message: string) => ctx.issues.push({ code: 'custom', input: report, path, message });
          if (report.type === 'asb' && !report.asbCategory) issue(['asbCategory'], 'Select what kind of anti-social behaviour it was');
          if (report.type === 'asb' && report.hateMotivations)
            issue(['hateMotivations'], 'Hate motivations apply only to hate crime reports');
          if (report.type === 'hate-crime' && !report.hateMotivations)
            issue(['hateMotivations'], 'Select what you think the hostility was about');
          if (report.type === 'hate-crime' && report.asbCategory)
            issue(['asbCategory'], 'An ASB category applies only to anti-social behaviour reports');
          if (Array.isArray(report.hateMotivations) && new Set(report.hateMotivations).size !== report.hateMotivations.length)
            issue(['hateMotivations'], 'Select each reason only once');
          if (!report.occurredAt && report.ongoing !== true)
            issue(['occurredAt'], 'Enter the date it happened, or say that it is still happening');
          if (typeof report.occurredAt === 'string' && Date.parse(occurredStart(report.occurredAt)) > Date.now() + CLOCK_SKEW_MS)
            issue(['occurredAt'], 'Date it happened must be today or in the past');
          if (report.anonymous && report.contact) issue(['contact'], 'Leave out contact details when reporting anonymously');
          if (report.anonymous === false && !report.contact) issue(['contact', 'name'], 'Enter your name, or choose to report anonymously');
          if (report.contact && typeof report.contact === 'object' && !report.contact.email && !report.contact.phone)
            issue(['contact', 'email'], 'Enter an email address or a phone number so we can contact you');
        },
        { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
      ),
    );
}

export type ReportSchema = ReturnType<typeof createReportSchema>;
export type Report = z.output<ReportSchema>;

/**
 * Something else that happened, added by the resident to their report from its private
 * link: the questions an incident diary asks (when, where, what, who, how it affected
 * them). The type, area and contact details are the report's own, never asked again.
 */
export const incidentSchema = z
  .strictObject(
    {
      description: requiredText(4000, 'Describe what happened', 'What happened must be 4,000 characters or fewer'),
      occurredAt: z.optional(
        z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
          error: 'Enter the date it happened as 2026-11-21, or the date and time as 2026-11-21T21:30:00Z',
        }),
      ),
      ongoing: z.optional(z.boolean({ error: 'Say whether it is still happening (true or false)' })),
      location: z.optional(
        z.strictObject({ street: optionalText(200, 'Street or road'), details: optionalText(500, 'Anything else about the place') }),
      ),
      offenderDescription: optionalText(2000, 'Who was involved'),
      impact: optionalText(2000, 'How it has affected you or others'),
    },
    { error: 'Send the incident as a JSON object with the fields described at /api/openapi.json' },
  )
  .check(
    z.superRefine(
      (incident, ctx) => {
        const issue = (path: string[], message: string) => ctx.issues.push({ code: 'custom', input: incident, path, message });
        if (!incident.occurredAt && incident.ongoing !== true)
          issue(['occurredAt'], 'Enter the date it happened, or say that it is still happening');
        if (typeof incident.occurredAt === 'string' && Date.parse(occurredStart(incident.occurredAt)) > Date.now() + CLOCK_SKEW_MS)
          issue(['occurredAt'], 'Date it happened must be today or in the past');
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
  );

export type Incident = z.output<typeof incidentSchema>;

/** What a resident's message to the officers is about. */
export const MESSAGE_ABOUT = ['more-information', 'withdraw', 'other'] as const;
export const MESSAGE_ABOUT_LABELS: Record<(typeof MESSAGE_ABOUT)[number], string> = {
  'more-information': 'I have more information',
  withdraw: 'I want to withdraw my report',
  other: 'Something else',
};

/** A resident's message to the officers about their report, sent from its private link. */
export const residentMessageSchema = z.strictObject(
  {
    about: z.enum(MESSAGE_ABOUT, { error: 'Select what your message is about' }),
    message: requiredText(2000, 'Write your message', 'Your message must be 2,000 characters or fewer'),
  },
  { error: 'Send the message as a JSON object with the fields described at /api/openapi.json' },
);

export type ResidentMessage = z.output<typeof residentMessageSchema>;

/** The success body of `POST /api/reports`. */
export interface ReportReceipt {
  reference: string;
  status: 'received';
}
