/**
 * Requests the officer workspace sends to `/api/officer/*`, and the resident's status
 * check. One source for the handlers and the workspace pages (zod/mini, as in report.ts).
 */
import * as z from 'zod/mini';
import { ASB_CATEGORIES, HATE_MOTIVATIONS, REPORT_TYPES } from './report-vocabulary';
import { CASE_RELATIONS, OUTCOMES, RISKS, STATUSES } from './workflow-vocabulary';
import { DATA_LEVELS } from '../config/profile-schema';
import { isRealDate, requiredText } from './fields';
import { pollInputSchema } from './poll';

const dateOnly = (label: string) =>
  z.optional(
    z.string().check(
      z.refine((v) => {
        try {
          return isRealDate(v);
        } catch {
          return false;
        }
      }, `${label} must be a real date like 2026-11-22`),
    ),
  );
const id = (label: string) => z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,60}$/, `${label} is not a known id`)));

/** Inbox filters, as query string parameters. Every filter is optional. */
export const inboxQuerySchema = z.strictObject({
  status: z.optional(z.enum(STATUSES, { error: `Status must be one of ${STATUSES.join(', ')}` })),
  type: z.optional(z.enum(REPORT_TYPES, { error: `Type must be one of ${REPORT_TYPES.join(', ')}` })),
  category: z.optional(z.enum(ASB_CATEGORIES, { error: `ASB category must be one of ${ASB_CATEGORIES.join(', ')}` })),
  motivation: z.optional(z.enum(HATE_MOTIVATIONS, { error: `Hate motivation must be one of ${HATE_MOTIVATIONS.join(', ')}` })),
  area: id('Area'),
  risk: z.optional(z.enum(RISKS, { error: `Risk must be one of ${RISKS.join(', ')}` })),
  partner: id('Partner'),
  from: dateOnly('From'),
  to: dateOnly('To'),
  flagged: z.optional(z.enum(['true'], { error: 'flagged can only be true' })),
  overdue: z.optional(z.enum(['true'], { error: 'overdue can only be true' })),
  unread: z.optional(z.enum(['true'], { error: 'unread can only be true' })),
  cursor: z.optional(z.string().check(z.maxLength(2000, 'The page cursor is not valid; start again from the first page'))),
  limit: z.optional(z.string().check(z.regex(/^([1-9]|[1-9][0-9]|100)$/, 'Limit must be a whole number from 1 to 100'))),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

const text = (max: number, missing: string) => requiredText(max, missing, `Must be ${max} characters or fewer`);
const version = z
  .number({ error: 'Send the version you loaded, so changes made meanwhile are not overwritten' })
  .check(z.int(), z.minimum(1));

/** One change to a report. Workflow changes carry the version the officer saw (409 if stale). */
export const caseActionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({
      action: z.literal('grade'),
      version,
      risk: z.enum(RISKS, { error: 'Choose a risk grade: standard, medium or high' }),
    }),
    z.strictObject({
      action: z.literal('assign'),
      version,
      partnerId: z.string({ error: 'Choose a partner' }).check(z.minLength(1, 'Choose a partner')),
    }),
    z.strictObject({ action: z.literal('start'), version }),
    z.strictObject({ action: z.literal('close'), version, outcome: z.enum(OUTCOMES, { error: 'Choose an outcome to close the report' }) }),
    z.strictObject({
      action: z.literal('note'),
      text: text(4000, 'Write the note'),
      shareWithPartners: z.optional(z.boolean({ error: 'shareWithPartners is true or false' })),
    }),
    z.strictObject({ action: z.literal('update-resident'), message: text(2000, 'Write the update for the resident') }),
    z.strictObject({ action: z.literal('replace-link'), version }),
    z.strictObject({
      action: z.literal('link'),
      version,
      to: z
        .string({ error: 'Enter the reference of the report to link' })
        .check(
          z.trim(),
          z.minLength(1, 'Enter the reference of the report to link'),
          z.maxLength(20, 'Enter the 8-character reference of the report to link'),
        ),
      relation: z.enum(CASE_RELATIONS, { error: 'Choose how the reports are related: the same problem, the same victim or a duplicate' }),
    }),
    z.strictObject({ action: z.literal('unlink'), version }),
  ],
  { error: 'Send an action: grade, assign, start, close, note, update-resident, replace-link, link or unlink' },
);

/** An admin's change to a partner's address and routing rules. */
export const partnerUpdateSchema = z.strictObject({
  version: z.number({ error: 'Send the version you loaded' }).check(z.int(), z.minimum(1)),
  name: text(200, 'Enter the partner name'),
  email: z.email({ error: 'Enter an email address in the correct format, like team@example.org' }),
  dataLevel: z.enum(DATA_LEVELS, { error: 'Choose how much of each report the partner receives' }),
  handles: z.strictObject({
    types: z.array(z.enum(REPORT_TYPES)).check(z.minLength(1, 'Choose at least one report type')),
    asbCategories: z.optional(
      z.array(z.enum(ASB_CATEGORIES)).check(z.minLength(1, 'Choose at least one ASB category, or none to receive all')),
    ),
    hateMotivations: z.optional(
      z.array(z.enum(HATE_MOTIVATIONS)).check(z.minLength(1, 'Choose at least one motivation, or none to receive all')),
    ),
    areas: z.union([z.literal('*'), z.array(z.string()).check(z.minLength(1, 'Choose at least one area, or every area'))]),
  }),
});

/** A date range for the tasking view and the audit export. */
export const dateRangeSchema = z.strictObject({
  from: dateOnly('From'),
  to: dateOnly('To'),
  format: z.optional(z.enum(['json', 'csv'])),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

/** The resident's status check form (`/report/status/`). */
export const statusCheckSchema = z.strictObject({
  reference: z
    .string({ error: 'Enter your report reference' })
    .check(
      z.trim(),
      z.toUpperCase(),
      z.minLength(1, 'Enter your report reference'),
      z.maxLength(20, 'Enter the 8-character reference from your confirmation'),
    ),
  email: z.email({ error: 'Enter the email address you gave with your report, like name@example.com' }).check(z.maxLength(254)),
});

/** An event where pots are counted: planned beforehand (`POST /api/officer/polls/{id}/events`), and named by each tally. */
export const pollEventSchema = z.strictObject({
  name: text(120, 'Enter the name of the event'),
  date: z
    .string({ error: 'Enter the date of the event' })
    .check(z.refine((v) => isRealDate(v), 'Enter the date of the event as a real date like 2026-07-11')),
  place: text(120, 'Enter where the event is'),
});

/** Pots counted at an event (`POST /api/officer/polls/{id}/tallies`); a correction names the entry it corrects and why. */
export const tallyRequestSchema = z.strictObject({
  event: pollEventSchema,
  /** The officer confirms the pots were counted although the event's date is after today. */
  early: z.optional(z.boolean({ error: 'early is true or false' })),
  counts: z.record(
    z.string().check(z.maxLength(60)),
    z
      .number({ error: 'Enter the number of tokens in each pot' })
      .check(
        z.int('Enter whole numbers of tokens'),
        z.minimum(0, 'Tokens cannot be a negative number'),
        z.maximum(1_000_000, 'That is more tokens than any event counts; check the number'),
      ),
  ),
  corrects: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,60}$/, 'Choose the entry to correct from the list'))),
  reason: z.optional(text(500, 'Say why the count is being corrected')),
});

/** A new poll, made in the workspace as a draft: the same schema as a pack's poll files, but the id (`POST /api/officer/polls`). */
export const pollCreateSchema = z.strictObject({ poll: pollInputSchema });

/** A change to a poll, made from the version the officer loaded (`POST /api/officer/polls/{id}`). */
export const pollChangeSchema = z.strictObject({ version, poll: pollInputSchema });

/** Publishing a draft: it opens and closes at its own times (`POST /api/officer/polls/{id}/schedule`). */
export const pollScheduleSchema = z.strictObject({ version });

/** What the partnership will do about a closed poll's results (`POST /api/officer/polls/{id}/response`). */
export const pollResponseSchema = z.strictObject({
  version,
  weDid: z
    .array(text(300, 'Enter what the partnership will do'))
    .check(z.minLength(1, 'Enter what the partnership will do'), z.maxLength(5, 'Say it in 5 points or fewer')),
  actions: z._default(
    z
      .array(
        z.strictObject({
          id: z.string().check(z.regex(/^[a-z0-9-]{1,60}$/, 'Choose plan actions from the list')),
          title: text(200, 'Each plan action needs its title'),
          href: z.string().check(z.regex(/^\/plans\/[a-z0-9-]{1,60}\/#action-[a-z0-9-]{1,60}$/, 'Choose plan actions from the list')),
        }),
      )
      .check(z.maxLength(10, 'Link 10 plan actions or fewer')),
    [],
  ),
});

/** Which page of a poll to preview as residents will see it. */
const POLL_PREVIEW_PAGES = ['start', 'vote', 'thanks', 'results'] as const;
export const pollPreviewQuerySchema = z.strictObject({
  page: z.optional(z.enum(POLL_PREVIEW_PAGES, { error: `page must be one of ${POLL_PREVIEW_PAGES.join(', ')}` })),
});
