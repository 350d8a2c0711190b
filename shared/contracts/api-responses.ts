/**
 * The bodies the API answers with, as zod schemas: the OpenAPI document is generated
 * from them (with the request schemas beside them) and the contract test checks every
 * JSON answer against them. Objects are open (`looseObject`) where a client should
 * expect fields to be added; what is listed is always there.
 */
import * as z from 'zod/mini';
import { CASE_RELATIONS, FLAGS, OUTCOMES, RISKS, STATUSES } from './workflow-vocabulary';
import { ASB_CATEGORIES, HATE_MOTIVATIONS, REPORT_TYPES, REPORTER_ROLES } from './report-vocabulary';
import { DATA_LEVELS } from '../config/profile-schema';
import { evidenceFileSchema } from './evidence';

const fieldError = z.object({ path: z.string(), message: z.string() });

/** Every error answer: what went wrong, in words a person can act on. */
export const problemBody = z.looseObject({ message: z.string(), errors: z.optional(z.array(fieldError)) });
/** A 400 or 422: the problems, each beside the field it is about (`path` "" for the whole request). */
export const invalidBody = z.looseObject({ message: z.string(), errors: z.array(fieldError) });

const reference = z.string().check(z.regex(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/));
const isoTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/));
const status = z.enum(STATUSES);

export const reportReceiptBody = z.object({ reference, status: z.literal('received') });

/** A Case Review application stored: its reference and when each of the first steps is due. */
export const caseReviewReceiptBody = z.object({
  reference: z.string().check(z.regex(/^CR-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/)),
  state: z.literal('received'),
  steps: z.array(z.object({ state: z.string(), dueAt: z.optional(isoTime) })),
});

/** An incident added to a report from its private link. */
export const incidentAddedBody = z.object({ reference, addedAt: isoTime });

/** A resident's message sent from their private link. */
export const messageSentBody = z.object({ reference, sentAt: isoTime });

export const statusCheckBody = z.object({
  reference,
  status,
  outcome: z.optional(z.enum(OUTCOMES)),
  updates: z.array(z.object({ at: z.string(), message: z.string() })),
});

export const signInConfigBody = z.object({ endpoint: z.string(), clientId: z.string() });

export const ballotCountedBody = z.object({ status: z.literal('counted'), poll: z.string(), counts: z.record(z.string(), z.number()) });

const resultRow = z.looseObject({ optionId: z.string(), label: z.string(), count: z.number(), share: z.number(), rank: z.number() });
export const pollResultsBody = z.looseObject({
  poll: z.looseObject({
    id: z.string(),
    title: z.string(),
    question: z.string(),
    type: z.string(),
    state: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
  }),
  rows: z.array(resultRow),
  followUps: z.array(
    z.looseObject({
      id: z.string(),
      question: z.string(),
      counts: z.array(z.object({ optionId: z.string(), label: z.string(), count: z.number() })),
    }),
  ),
});

const reportType = z.enum(REPORT_TYPES);
const asbCategory = z.enum(ASB_CATEGORIES);
const hateMotivations = z.array(z.enum(HATE_MOTIVATIONS));
const flags = z.array(z.enum(FLAGS));

const caseSummary = z.looseObject({
  reference,
  createdAt: isoTime,
  status,
  version: z.number(),
  dueAt: z.string(),
  risk: z.optional(z.enum(RISKS)),
  assignedPartner: z.optional(z.string()),
  outcome: z.optional(z.enum(OUTCOMES)),
  flags: z.optional(flags),
  type: reportType,
  category: z.optional(asbCategory),
  motivations: z.optional(hateMotivations),
  area: z.string(),
  partners: z.array(z.string()),
  overdue: z.boolean(),
  /** Messages from the resident no officer has read yet (officers' inbox only). */
  unreadMessages: z.optional(z.number()),
  /** Incidents the resident added since the report, and when the latest came. */
  incidentCount: z.optional(z.number()),
  lastIncidentAt: z.optional(isoTime),
  /** The case the report is linked into, with its figures (officers' inbox only). */
  caseId: z.optional(z.string()),
  case: z.optional(z.object({ reports: z.number(), incidents: z.number(), latestAt: isoTime })),
});
export const inboxPageBody = z.object({ items: z.array(caseSummary), cursor: z.optional(z.string()) });

export const statusCountsBody = z.object({
  counts: z.record(status, z.number()),
  /** Officers and admins: reports with a message from the resident no officer has read. */
  unreadMessages: z.optional(z.number()),
});

const timelineEntry = z.object({
  at: z.string(),
  kind: z.enum(['received', 'change', 'note', 'update-resident', 'email', 'read', 'export']),
  text: z.string(),
  by: z.optional(z.string()),
});
const optionalText = z.optional(z.string());
/** The report as the reader's data level leaves it: only type and area are always there. */
const reportView = z.looseObject({
  type: reportType,
  asbCategory: z.optional(asbCategory),
  hateMotivations: z.optional(hateMotivations),
  reporterRole: z.optional(z.enum(REPORTER_ROLES)),
  description: optionalText,
  occurredAt: optionalText,
  ongoing: z.optional(z.boolean()),
  location: z.looseObject({ area: z.string(), street: optionalText, postcode: optionalText, details: optionalText }),
  anonymous: z.optional(z.boolean()),
  contact: z.optional(z.looseObject({ name: z.string(), email: optionalText, phone: optionalText, preferredTimes: optionalText })),
  offenderDescription: optionalText,
  vehicleDescription: optionalText,
  policeReference: optionalText,
  impact: optionalText,
});
/** The ASB Case Review threshold, checked against the portal's own complaints (officers only). */
const caseReviewCheckBody = z.object({
  met: z.boolean(),
  metBy: z.optional(z.enum(['complaints', 'hate-incident', 'same-place'])),
  counted: z.number(),
  needed: z.number(),
  complaints: z.array(
    z.object({ reference, incidentOn: z.string(), madeOn: z.string(), qualifies: z.boolean(), reasons: z.array(z.string()) }),
  ),
});

export const caseViewBody = z.looseObject({
  reference,
  version: z.number(),
  status,
  risk: z.optional(z.enum(RISKS)),
  assignedPartner: z.optional(z.string()),
  outcome: z.optional(z.enum(OUTCOMES)),
  dueAt: z.string(),
  overdue: z.boolean(),
  flags,
  createdAt: isoTime,
  dataLevel: z.enum(DATA_LEVELS),
  report: reportView,
  /** Officers and admins: whether the resident gave an email address (so can be sent an update). */
  residentEmail: z.optional(z.boolean()),
  /** The resident has a private link to the report (officers may replace it). */
  residentLink: z.optional(z.boolean()),
  routes: z.array(z.object({ partnerId: z.string(), dataLevel: z.enum(DATA_LEVELS) })),
  /** The resident's files, to readers who may open them (shared/domain/evidence-access.ts), oldest first. */
  evidence: z.optional(z.array(evidenceFileSchema)),
  /** To a partner user whose access does not include files: how many the report has. */
  evidenceWithheld: z.optional(z.number()),
  /** What the resident added since from their private link, each at the reader's data level, oldest first. */
  incidents: z.array(z.object({ at: isoTime, incident: reportView })),
  /** Officers and admins: other reports with the same contact or place, newest first ("possibly the same problem"). */
  related: z.optional(z.array(z.object({ reference, createdAt: isoTime, same: z.array(z.enum(['contact', 'place'])) }))),
  /** Officers and admins: the resident's messages, oldest first. */
  messages: z.optional(z.array(z.object({ at: isoTime, about: z.string(), text: z.string() }))),
  notes: z.array(z.object({ at: z.string(), by: z.string(), text: z.string(), shared: z.boolean(), partner: z.optional(z.string()) })),
  timeline: z.array(timelineEntry),
  /**
   * The case officers linked the report into: every report in it the reader may see (each at
   * its own data level), every incident in the order it happened, and one timeline.
   */
  case: z.optional(
    z.object({
      caseId: z.string(),
      version: z.number(),
      reports: z.number(),
      incidents: z.number(),
      latestAt: isoTime,
      members: z.array(
        z.object({
          reference,
          relation: z.optional(z.enum(CASE_RELATIONS)),
          linkedAt: isoTime,
          linkedBy: z.string(),
          status,
          createdAt: isoTime,
        }),
      ),
      happened: z.array(z.object({ reference, at: isoTime, added: z.boolean(), reportedBy: z.string(), incident: reportView })),
      timeline: z.array(z.object({ ...timelineEntry.shape, reference })),
    }),
  ),
  /** Officers and admins, for ASB: the Case Review threshold as the portal's complaints stand today. */
  caseReview: z.optional(caseReviewCheckBody),
  /** ASB Case Review applications that list this report or one of its case (officers only). */
  caseReviews: z.optional(z.array(z.object({ reference: z.string(), state: z.string() }))),
});

/** What a case action answers: what was done and the report's version now. */
export const actionResultBody = z.looseObject({ message: z.string(), version: z.number() });

const countRow = z.looseObject({ key: z.string(), current: z.number(), previous: z.number(), changePercent: z.optional(z.number()) });
export const taskingBody = z.looseObject({
  from: z.string(),
  to: z.string(),
  previous: z.object({ from: z.string(), to: z.string() }),
  total: countRow,
  byType: z.array(countRow),
  byCategory: z.array(countRow),
  byArea: z.array(countRow),
  byDay: z.array(countRow),
  byHour: z.array(countRow),
});

const partner = z.looseObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  dataLevel: z.enum(DATA_LEVELS),
  handles: z.looseObject({
    types: z.array(reportType),
    asbCategories: z.optional(z.array(asbCategory)),
    hateMotivations: z.optional(hateMotivations),
    areas: z.union([z.literal('*'), z.array(z.string())]),
  }),
});
/**
 * Administrators get every partner's address and rules, each with its version, and
 * every change with who and when; officers get names and data levels only.
 */
export const partnersBody = z.union([
  z.object({
    partners: z.array(z.looseObject({ ...partner.shape, version: z.number(), updatedAt: optionalText, updatedBy: optionalText })),
    history: z.array(z.looseObject({ partnerId: z.string(), at: z.string(), username: z.string(), before: partner, after: partner })),
  }),
  z.object({ partners: z.array(z.looseObject({ id: z.string(), name: z.string(), dataLevel: z.enum(DATA_LEVELS) })) }),
]);

export const auditBody = z.object({
  from: z.string(),
  to: z.string(),
  // A report's reference, or a Case Review application's (CR-…).
  entries: z.array(
    z.looseObject({
      reference: z.string().check(z.regex(/^(CR-)?[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/)),
      username: z.string(),
      action: z.string(),
      at: z.string(),
      summary: optionalText,
    }),
  ),
});

const pollOption = z.object({ id: z.string(), label: z.string() });
export const pollListBody = z.object({
  polls: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string(),
      type: z.string(),
      status: z.enum(['draft', 'scheduled']),
      state: z.enum(['draft', 'upcoming', 'open', 'closed']),
      opensAt: z.string(),
      closesAt: z.string(),
      options: z.array(pollOption),
      version: z.number(),
      source: z.enum(['pack', 'workspace']),
    }),
  ),
});
const tallyEntry = z.looseObject({
  entryId: z.string(),
  event: z.object({ name: z.string(), date: z.string(), place: z.string() }),
  counts: z.record(z.string(), z.number()),
  recordedBy: z.string(),
  recordedAt: z.string(),
  corrects: optionalText,
  reason: optionalText,
});
const plannedEvent = z.object({
  eventId: z.string(),
  name: z.string(),
  date: z.string(),
  place: z.string(),
  addedBy: z.string(),
  addedAt: z.string(),
});
export const talliesBody = z.looseObject({
  poll: z.looseObject({ id: z.string(), title: z.string(), state: z.string(), options: z.array(pollOption) }),
  /** The events planned for the poll, by date: the tally form is one tap from each. */
  events: z.array(plannedEvent),
  entries: z.array(z.looseObject({ ...tallyEntry.shape, counted: z.boolean(), correctedBy: optionalText })),
  results: z.looseObject({
    total: z.number(),
    rows: z.array(z.looseObject({})),
    channels: z.array(z.looseObject({ label: z.string(), total: z.number() })),
  }),
});
export const tallyRecordedBody = z.object({ message: z.string(), entry: tallyEntry });
export const pollEventAddedBody = z.object({ message: z.string(), event: plannedEvent });
export const burstsBody = z.object({ threshold: z.number(), ballots: z.number(), bursts: z.array(z.looseObject({})) });

const pollStatus = z.enum(['draft', 'scheduled']);
/** A poll as the workspace edits it: its definition, where it stands, and every change with who and when. */
export const pollDefinitionBody = z.object({
  poll: z.looseObject({
    id: z.string(),
    title: z.string(),
    type: z.string(),
    options: z.array(pollOption),
    opensAt: z.string(),
    closesAt: z.string(),
  }),
  status: pollStatus,
  /** draft, or (once scheduled) upcoming, open or closed by its times. */
  state: z.enum(['draft', 'upcoming', 'open', 'closed']),
  version: z.number(),
  source: z.enum(['pack', 'workspace']),
  /** Ballots or event tallies have been counted: options, tokens and rules can no longer change. */
  locked: z.boolean(),
  /** Online ballots counted. */
  ballots: z.number(),
  /** Pots have been counted at an event. */
  tallied: z.boolean(),
  response: z.optional(
    z.object({
      weDid: z.array(z.string()),
      actions: z.array(z.object({ id: z.string(), title: z.string(), href: z.string() })),
      publishedBy: z.string(),
      publishedAt: z.string(),
    }),
  ),
  changes: z.array(z.object({ version: z.number(), changedBy: z.string(), changedAt: z.string(), what: z.array(z.string()) })),
});
export const pollSavedBody = z.object({ message: z.string(), id: z.string(), version: z.number(), status: pollStatus });

/** The OpenAPI document itself (its own route is in the table too). */
export const openApiBody = z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) });
