/**
 * The partnership profile: who the partnership is, its areas and the partners that
 * receive reports. One JSON file per partnership, validated here at load time so a
 * typo in an email address or an unknown area id fails loudly before anything runs.
 */
import * as z from 'zod/mini';
import { REPORT_TYPES, ASB_CATEGORIES, HATE_MOTIVATIONS } from '../contracts/report-vocabulary';

/** The UK's three bank holiday calendars (Wales shares England's). */
export const BANK_HOLIDAY_CALENDARS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = z.string().check(z.regex(KEBAB_ID, 'must be a kebab-case id'));

/** Postcode district, the outward half of a UK postcode (e.g. "B1", "SW1A"). */
/** The shapes the profile's fields take, for anything that asks for them (npm run partnership -- new). */
export const POSTCODE_DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
export const CONTACT_PHONE = /^\+?[0-9 ()-]{10,20}$/;
const email = z.email();
export const isEmail = (value: string) => email.safeParse(value).success;

const postcodeDistrict = z.string().check(z.regex(POSTCODE_DISTRICT, 'must be an upper-case postcode district such as B1 or SW1A'));

/**
 * How much personal data a partner receives (UK GDPR data minimisation, Art. 5(1)(c)):
 * - `full`: everything, including the reporter's contact details;
 * - `no-contact`: everything except who reported it and how to reach them;
 * - `summary`: what, where and when only: no description of people, no contact details.
 */
export const DATA_LEVELS = ['full', 'no-contact', 'summary'] as const;

const areaSchema = z.strictObject({
  id,
  name: z.string().check(z.minLength(1)),
  postcodeDistricts: z.array(postcodeDistrict).check(z.minLength(1)),
});

const partnerSchema = z.strictObject({
  id,
  name: z.string().check(z.minLength(1)),
  email: z.email(),
  dataLevel: z.enum(DATA_LEVELS),
  /**
   * Whether its users may open the files residents attach (photos, recordings, documents):
   * by default only a partner at the \`full\` data level (shared/domain/evidence-access.ts).
   */
  evidence: z.optional(z.boolean()),
  handles: z.strictObject({
    types: z.array(z.enum(REPORT_TYPES)).check(z.minLength(1)),
    /** Only these ASB categories; absent means every category. */
    asbCategories: z.optional(z.array(z.enum(ASB_CATEGORIES)).check(z.minLength(1))),
    /** Only these hate motivations; absent means every motivation. */
    hateMotivations: z.optional(z.array(z.enum(HATE_MOTIVATIONS)).check(z.minLength(1))),
    /** Area ids this partner covers, or "*" for the whole district. */
    areas: z.union([z.literal('*'), z.array(id).check(z.minLength(1))]),
  }),
});

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-25'));
const workingDays = z.number().check(z.int(), z.minimum(1), z.maximum(60));
/** "N reports within M months" (the same contact, place or reporter). */
const threshold = z.strictObject({
  reports: z.number().check(z.int(), z.minimum(2), z.maximum(20)),
  months: z.number().check(z.int(), z.minimum(1), z.maximum(24)),
});

/** Officer workflow targets: response times per risk grade, in working days (a high-risk report is contacted within a working day). */
const workflowSchema = z.strictObject({
  /** Time to grade a new report, before it has a risk grade. */
  triageWorkingDays: workingDays,
  responseWorkingDays: z.strictObject({ high: workingDays, medium: workingDays, standard: workingDays }),
  /**
   * Whose bank holidays are not working days, as well as Saturdays and Sundays: computed
   * by rule for every year (shared/config/bank-holidays.ts), never typed in.
   */
  calendar: z.enum(BANK_HOLIDAY_CALENDARS),
  /** The partnership's own closure days, if any (a council's extra day at Christmas). */
  closureDays: z.optional(z.array(isoDate)),
});

/** When a report is flagged for officers: a repeat victim, or a case that meets the ASB Case Review threshold. */
const flagsSchema = z.strictObject({
  repeatVictim: threshold,
  caseReview: threshold,
});

/**
 * The ASB Case Review (the Community Trigger): the local threshold a victim's application is
 * checked against, the timescales the partnership publishes for each step, who looks at a
 * decision again, and how long applications are kept. Each partnership sets its own.
 */
const caseReviewThresholdSchema = z.strictObject({
  /** Qualifying complaints about the same problem that meet the threshold. */
  complaints: z.number().check(z.int(), z.minimum(1), z.maximum(10)),
  /** Complaints count when made in this many days before the application (commonly six months: 180). */
  windowDays: z.number().check(z.int(), z.minimum(28), z.maximum(730)),
  /** …and each within this many days of the incident it is about (commonly a month: 31). */
  reportedWithinDays: z.number().check(z.int(), z.minimum(1), z.maximum(365)),
  /** Some areas' rule: one qualifying complaint about a hate incident meets the threshold on its own. */
  hateIncidentMeets: z.boolean(),
  /** Some areas' rule: complaints from this many different people about one place meet it. */
  samePlace: z.optional(z.strictObject({ people: z.number().check(z.int(), z.minimum(2), z.maximum(20)) })),
});
const caseReviewSchema = z.strictObject({
  threshold: caseReviewThresholdSchema,
  /** Working days for each step: acknowledge and decide from the application, review from the decision, outcome from the review. */
  timescales: z.strictObject({
    acknowledgeWorkingDays: workingDays,
    decideWorkingDays: workingDays,
    reviewWorkingDays: workingDays,
    outcomeWorkingDays: workingDays,
  }),
  /** Who looks at a decision or a review again when the applicant asks (often the Police and Crime Commissioner's office). */
  escalation: z.strictObject({ to: z.string().check(z.minLength(1)), email: z.email(), phone: z.string().check(z.regex(CONTACT_PHONE)) }),
  /** Days an application and everything about it is kept. */
  retentionDays: z.number().check(z.int(), z.minimum(365), z.maximum(3650)),
});

/** Consultation polls: how ballots are screened and how long they are kept. */
const pollsSchema = z.strictObject({
  /** A ballot sent sooner than this after "Start now" is given back to check (robots are faster). */
  minimumSecondsToVote: z.number().check(z.int(), z.minimum(0), z.maximum(120)),
  /** More ballots than this from one network address in an hour are flagged for review, never refused. */
  burstBallotsPerHour: z.number().check(z.int(), z.minimum(2), z.maximum(1000)),
  /** Days after a poll closes that its ballots (and follow-up answers) are kept. Totals are kept with the results. */
  ballotDaysAfterClose: z.number().check(z.int(), z.minimum(30), z.maximum(3650)),
  /** Days after a poll closes that its totals and event tallies are kept. */
  resultsDaysAfterClose: z.number().check(z.int(), z.minimum(365), z.maximum(3650)),
});

export const profileSchema = z
  .strictObject({
    id,
    name: z.string().check(z.minLength(1)),
    /** Address partner and resident emails come from (an SES verified identity in AWS). */
    senderEmail: z.email(),
    /** How residents reach the partnership (published in every page's footer and the accessibility statement). */
    contact: z.strictObject({
      /** Who answers: a team and its organisation, as residents would look for it. */
      team: z.string().check(z.minLength(1)),
      email: z.email(),
      phone: z.string().check(z.regex(CONTACT_PHONE)),
      /** When the phone is answered, e.g. "Monday to Friday, 9am to 5pm". */
      hours: z.string().check(z.minLength(1)),
    }),
    areas: z.array(areaSchema).check(z.minLength(1)),
    partners: z.array(partnerSchema).check(z.minLength(1)),
    retention: z.strictObject({
      /** Days a report and everything attached to it is kept before DynamoDB's TTL removes it. */
      reportDays: z.number().check(z.int(), z.minimum(30), z.maximum(3650)),
    }),
    workflow: workflowSchema,
    flags: flagsSchema,
    caseReview: caseReviewSchema,
    polls: pollsSchema,
  })
  .check(
    z.superRefine((profile, ctx) => {
      const areaIds = new Set(profile.areas.map((a) => a.id));
      profile.partners.forEach((partner, index) => {
        if (partner.handles.areas === '*') return;
        for (const area of partner.handles.areas) {
          if (!areaIds.has(area)) {
            ctx.issues.push({
              code: 'custom',
              input: area,
              path: ['partners', index, 'handles', 'areas'],
              message: `unknown area "${area}"; known areas: ${[...areaIds].join(', ')}`,
            });
          }
        }
      });
      const areaOfDistrict = new Map<string, string>();
      const areaSeen = new Set<string>();
      for (const [index, area] of profile.areas.entries()) {
        if (areaSeen.has(area.id))
          ctx.issues.push({ code: 'custom', input: area.id, path: ['areas', index, 'id'], message: `duplicate area id "${area.id}"` });
        areaSeen.add(area.id);
        for (const [d, district] of area.postcodeDistricts.entries()) {
          const owner = areaOfDistrict.get(district);
          if (owner && owner !== area.id)
            ctx.issues.push({
              code: 'custom',
              input: district,
              path: ['areas', index, 'postcodeDistricts', d],
              message: `${district} is already in area "${owner}"; a postcode district belongs to one area`,
            });
          else areaOfDistrict.set(district, area.id);
        }
      }
      const seen = new Set<string>();
      for (const [index, partner] of profile.partners.entries()) {
        if (seen.has(partner.id)) {
          ctx.issues.push({
            code: 'custom',
            input: partner.id,
            path: ['partners', index, 'id'],
            message: `duplicate partner id "${partner.id}"`,
          });
        }
        seen.add(partner.id);
      }
    }),
  );

/** A profile as a partnership writes it. */
type ProfileSource = z.infer<typeof profileSchema>;
/** The workflow with the days that are not working days worked out (load-profile.ts). */
export type Workflow = z.infer<typeof workflowSchema> & { bankHolidays: string[] };
/** A profile as the portal uses it: checked, with its bank holidays computed. */
export type Profile = Omit<ProfileSource, 'workflow'> & { workflow: Workflow };
export type Partner = z.infer<typeof partnerSchema>;
export type FlagThresholds = z.infer<typeof flagsSchema>;
export type CaseReviewThreshold = z.infer<typeof caseReviewThresholdSchema>;
export type DataLevel = (typeof DATA_LEVELS)[number];
