/**
 * Every HTTP operation of the API, once: method, path, who may call it, what it takes
 * and every status and content type it answers with. The OpenAPI document is generated
 * from this table, the officer API dispatches by it (paths and roles), and the contract
 * test drives every operation from it against the local stack, so the three cannot drift.
 * Request and response bodies are the zod schemas the handlers themselves use.
 */
import { evidenceGrantBody, evidenceGrantRequestSchema, evidencePageBody } from './evidence';
import * as z from 'zod/mini';
import { ballotRequestSchema } from './ballot';
import { statusCheckSchema } from './officer';
import { officerContract } from './officer-contract';
import * as bodies from './api-responses';
import { createReportSchema, incidentSchema, residentMessageSchema } from './report';
import { createCaseReviewSchema } from './case-review';
import type { Profile } from '../config/profile-schema';
import { officerRoutes, type Role } from './officer-routes';

/** What a response carries: a JSON body (with its schema), a page, a CSV file, or nothing. */
export interface ResponseSpec {
  description: string;
  json?: z.ZodMiniType;
  html?: boolean;
  csv?: boolean;
  /** Response headers worth a client's attention (Location, Retry-After, Allow …). */
  headers?: string[];
}

export interface Operation {
  id: string;
  method: 'GET' | 'POST' | 'PUT';
  /** OpenAPI path syntax: `{name}` is one path segment. */
  path: string;
  summary: string;
  /** `officer`: a Cognito access token (Bearer); `voter`: the poll's signed voter cookie. */
  security?: 'officer' | 'voter';
  role?: Role;
  pathParams?: Record<string, string>;
  query?: z.ZodMiniObject;
  headerParams?: Record<string, { description: string; maxLength: number }>;
  /** The JSON body; a function where it depends on the partnership (its areas). */
  json?: z.ZodMiniType | ((profile: Profile) => z.ZodMiniType);
  /** The same fields as a browser form posts them (answered with pages rather than JSON). */
  form?: string;
  responses: Record<number, ResponseSpec>;
}

const problem = (description: string, extra: Partial<ResponseSpec> = {}): ResponseSpec => ({
  description,
  json: bodies.problemBody,
  ...extra,
});
const invalid = (description: string, extra: Partial<ResponseSpec> = {}): ResponseSpec => ({
  description,
  json: bodies.invalidBody,
  ...extra,
});
const page = (description: string, extra: Partial<ResponseSpec> = {}): ResponseSpec => ({ description, html: true, ...extra });

/** Every operation may fail unexpectedly: a generic message with a correlation id, as a page for forms. */
const unexpected = {
  500: problem('Something failed on our side; the message names a correlation id (X-Correlation-Id)', {
    html: true,
    headers: ['X-Correlation-Id'],
  }),
};
/** What reading a request body can refuse. */
const bodyLimits = {
  413: problem('The body is over 32 KB', { html: true }),
  415: problem('Send JSON (application/json) or a form (application/x-www-form-urlencoded)', { html: true }),
};
/** What every officer operation can answer before it runs. */
const officerGate = {
  400: invalid('The address is wrongly encoded, or the request is not valid'),
  401: problem('No valid access token: sign in again', { headers: ['WWW-Authenticate'] }),
  403: problem('Signed in, but not in a group that may do this'),
};
const officerJsonBody = { ...officerGate, 413: problem('The body is over 32 KB'), 415: problem('Send JSON (application/json)') };

/** What sending a Case Review application answers with, from the form or a private link. */
const caseReviewResponses: Record<number, ResponseSpec> = {
  200: page('Form stored: the acknowledgement, with the reference and the dates to hear by'),
  201: {
    description: 'Stored (Idempotent-Replayed: true when the same application was already stored)',
    json: bodies.caseReviewReceiptBody,
    headers: ['Idempotent-Replayed'],
  },
  400: invalid('Not a valid application: every problem, beside its field (a form gets the form back)', { html: true }),
  ...bodyLimits,
  ...unexpected,
  503: page('A form whose application could not be confirmed as saved: the form again, filled in'),
};

/** A form's address opened with GET (a reloaded address bar after a form error, a copied link). */
const formAddress = (id: string, path: string, form: string, pathParams?: Record<string, string>): Operation => ({
  id,
  method: 'GET',
  path,
  summary: `Opened in a browser: sends it to ${form}`,
  ...(pathParams ? { pathParams } : {}),
  responses: {
    303: { description: `A browser asking for a page: to ${form}`, headers: ['Location'] },
    400: problem('The address is wrongly encoded'),
    405: problem('Anyone else: this address takes POST', { headers: ['Allow'] }),
    ...unexpected,
  },
});

/** A poll's page a function renders from the polls table. */
const pollPage = (id: string, path: string, summary: string): Operation => ({
  id,
  method: 'GET',
  path,
  summary,
  pathParams: { id: 'The poll id' },
  responses: { 200: page('The page'), 400: page('The address is wrongly encoded'), 404: page('No such poll'), ...unexpected },
});

export const apiOperations: Operation[] = [
  formAddress('reportFormAddress', '/api/reports', 'the report form'),
  formAddress('statusFormAddress', '/api/report-status', 'the status check form'),
  formAddress('ballotFormAddress', '/api/polls/{id}/ballots', "the poll's vote page", { id: 'The poll id' }),
  formAddress('startFormAddress', '/api/polls/{id}/start', "the poll's page", { id: 'The poll id' }),
  formAddress('caseReviewFormAddress', '/api/case-reviews', 'the Case Review application form'),
  {
    id: 'applyForCaseReview',
    method: 'POST',
    path: '/api/case-reviews',
    summary: 'Apply for an ASB Case Review (the Community Trigger)',
    json: (profile) =>
      createCaseReviewSchema(
        profile.areas.map((a) => a.id) as [string, ...string[]],
        profile.partners.map((p) => p.id),
      ),
    form: 'The same fields with dotted names (applicant.role, victim.email), complaint rows as complaints.<row>.<field>, and applicant.consent=true; answered with the acknowledgement page, or the form again with every problem listed.',
    responses: caseReviewResponses,
  },
  {
    id: 'caseReviewFromReport',
    method: 'GET',
    path: '/api/reports/{reference}/private/{key}/case-review',
    summary: "The Case Review application form from a resident's private report link, with the portal's own complaints added",
    pathParams: { reference: 'The report reference', key: 'The link key from the confirmation page or email' },
    responses: {
      200: page('The form, with the complaints the portal holds about the problem listed'),
      400: problem('The address is wrongly encoded'),
      404: page('The same page for every link that does not work'),
      429: page('Too many links that do not work, from this address in an hour: wait', { headers: ['Retry-After'] }),
      ...unexpected,
    },
  },
  {
    id: 'applyForCaseReviewFromReport',
    method: 'POST',
    path: '/api/reports/{reference}/private/{key}/case-review',
    summary: "Apply for an ASB Case Review from a resident's private report link: the portal's own complaints are added to those listed",
    pathParams: { reference: 'The report reference', key: 'The link key from the confirmation page or email' },
    json: (profile) =>
      createCaseReviewSchema(
        profile.areas.map((a) => a.id) as [string, ...string[]],
        profile.partners.map((p) => p.id),
      ),
    form: 'As the application form.',
    responses: {
      ...caseReviewResponses,
      404: problem('The same answer for every link that does not work', { html: true }),
      429: problem('Too many links that do not work, from this address in an hour: wait', { html: true, headers: ['Retry-After'] }),
    },
  },
  {
    id: 'caseReviewStatistics',
    method: 'GET',
    path: '/api/case-reviews/statistics',
    summary: 'The ASB Case Review figures by year (April to March), counted from the applications when asked',
    query: z.object({ format: z.optional(z.enum(['html', 'csv'])) }),
    responses: {
      200: { description: 'The figures: a page with a table and a chart, or (format=csv) a spreadsheet', html: true, csv: true },
      400: problem('An unknown format'),
      ...unexpected,
    },
  },
  {
    id: 'submitReport',
    method: 'POST',
    path: '/api/reports',
    summary: 'Report anti-social behaviour or a hate crime',
    json: (profile) => createReportSchema(profile.areas.map((a) => a.id) as [string, ...string[]]),
    headerParams: {
      'Idempotency-Key': {
        description:
          'The same key with the same report within 10 minutes returns the first reference; with a different report it is refused (422).',
        maxLength: 200,
      },
    },
    form: 'The same fields with dotted names (location.area, contact.email), and `step`: `check` answers with the check-your-answers page (nothing stored), `change` with the form again, `send` (or no step) stores and answers with 303 to the confirmation page; a problem gives the form again with every problem listed.',
    responses: {
      200: page('A form with step=check: the answers to check, carried in hidden fields; step=change: the form again, filled in'),
      201: {
        description: 'Stored (Idempotent-Replayed: true when the same report was already stored)',
        json: bodies.reportReceiptBody,
        headers: ['Idempotent-Replayed'],
      },
      303: { description: 'Form stored: to the confirmation page, with a receipt signed for this report', headers: ['Location'] },
      400: invalid('Not a valid report: every problem, beside its field (a form gets the form back)', { html: true }),
      ...bodyLimits,
      422: invalid('The Idempotency-Key was already used for another report: nothing was stored'),
      ...unexpected,
      503: page('A form whose report could not be confirmed as saved: the form again, filled in'),
    },
  },
  {
    id: 'reportConfirmation',
    method: 'GET',
    path: '/api/reports/{reference}/confirmation',
    summary: 'The page a browser lands on after sending the report form',
    pathParams: { reference: 'The report reference' },
    query: z.object({ receipt: z.optional(z.string()) }),
    responses: {
      200: page('The reference and what happens next'),
      400: problem('The address is wrongly encoded'),
      404: page('No valid receipt for this reference'),
      ...unexpected,
    },
  },
  {
    id: 'evidencePage',
    method: 'GET',
    path: '/api/reports/{reference}/evidence',
    summary:
      'The page for adding photos, recordings and documents to a report (JSON with Accept: application/json); storage sends the browser back here after an upload, adding bucket, key and etag',
    pathParams: { reference: 'The report reference' },
    query: z.object({
      token: z.optional(z.string()),
      key: z.optional(z.string()),
      bucket: z.optional(z.string()),
      etag: z.optional(z.string()),
    }),
    responses: {
      200: {
        description: 'Every file with what became of it, and an upload form while the report has room',
        html: true,
        json: evidencePageBody,
      },
      400: problem('The address is wrongly encoded'),
      404: problem('The token is not one made for this report, or the report is gone', { html: true }),
      410: problem('The token has expired (it lasts 2 hours): open the report again for a new one', { html: true }),
      ...unexpected,
    },
  },
  {
    id: 'evidenceGrant',
    method: 'POST',
    path: '/api/reports/{reference}/evidence/grants',
    summary: "One more upload's address and fields (a presigned POST straight to storage), for the page's script",
    pathParams: { reference: 'The report reference' },
    json: evidenceGrantRequestSchema,
    responses: {
      201: { description: 'The address and fields: post them with the file last', json: evidenceGrantBody },
      400: invalid('The body is not JSON with the token'),
      404: problem('The token is not one made for this report, or the report is gone'),
      409: problem('The report is closed, or already has 5 files'),
      410: problem('The token has expired'),
      413: problem('The body is over 32 KB'),
      415: problem('Send JSON (application/json)'),
      ...unexpected,
    },
  },
  {
    id: 'privateReport',
    method: 'GET',
    path: '/api/reports/{reference}/private/{key}',
    summary: "A resident's private link to their report: what they told us, its progress, who is dealing with it, every update",
    pathParams: { reference: 'The report reference', key: 'The link key from the confirmation page or email' },
    responses: {
      200: page('The report as its resident sees it (no-store, no referrer, not indexed)'),
      400: problem('The address is wrongly encoded'),
      404: page('The same page for a wrong key, a replaced link, a report without one and a deleted report'),
      429: page('Too many links that do not work, from this address in an hour: wait', { headers: ['Retry-After'] }),
      ...unexpected,
    },
  },
  {
    id: 'addIncident',
    method: 'POST',
    path: '/api/reports/{reference}/private/{key}',
    summary: 'Something else happened: the resident adds an incident to their report from its private link',
    pathParams: { reference: 'The report reference', key: 'The link key from the confirmation page or email' },
    json: incidentSchema,
    form: 'The same fields with dotted names (location.street) and the date in parts; answered with 303 back to the report page, or the page with every problem listed.',
    responses: {
      201: { description: 'Stored, and queued for each partner already dealing with the report', json: bodies.incidentAddedBody },
      303: { description: 'Form stored: back to the report page, showing who it was sent to', headers: ['Location'] },
      400: invalid('Not a valid incident: every problem, beside its field (a form gets the page back, filled in)', { html: true }),
      404: problem('The same answer for every link that does not work', { html: true }),
      409: problem('The report is closed: make a new report', { html: true }),
      ...bodyLimits,
      429: problem('Too many links that do not work, from this address in an hour: wait', { html: true, headers: ['Retry-After'] }),
      ...unexpected,
    },
  },
  {
    id: 'sendResidentMessage',
    method: 'POST',
    path: '/api/reports/{reference}/private/{key}/messages',
    summary: "A resident's message to the officers about their report, from its private link",
    pathParams: { reference: 'The report reference', key: 'The link key from the confirmation page or email' },
    json: residentMessageSchema,
    form: 'about and message; answered with 303 back to the report page, or the page with every problem listed.',
    responses: {
      201: { description: "Stored; the partnership's team is emailed that it arrived", json: bodies.messageSentBody },
      303: { description: 'Form stored: back to the report page', headers: ['Location'] },
      400: invalid('Not a valid message: every problem, beside its field (a form gets the page back, filled in)', { html: true }),
      404: problem('The same answer for every link that does not work', { html: true }),
      ...bodyLimits,
      429: problem('Too many links that do not work, from this address in an hour: wait', { html: true, headers: ['Retry-After'] }),
      ...unexpected,
    },
  },
  {
    id: 'reportStatus',
    method: 'POST',
    path: '/api/report-status',
    summary: "A resident's check of their report's progress, with its reference and their email",
    json: statusCheckSchema,
    form: 'reference and email; answered with a page',
    responses: {
      200: { description: 'Progress in words (no personal data)', json: bodies.statusCheckBody, html: true },
      400: invalid('Missing or invalid reference or email', { html: true }),
      404: problem('No report with that reference and email (the same answer whatever did not match)', { html: true }),
      ...bodyLimits,
      429: problem('Too many checks from this address, or for this reference from it: wait', { html: true, headers: ['Retry-After'] }),
      ...unexpected,
    },
  },
  {
    id: 'openApi',
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This document',
    responses: { 200: { description: 'The OpenAPI 3.1 document', json: bodies.openApiBody }, ...unexpected },
  },
  {
    id: 'signInConfig',
    method: 'GET',
    path: '/api/sign-in-config',
    summary: "Where the workspace's sign-in page sends the officer's credentials (not secret)",
    responses: {
      200: { description: "Cognito's endpoint and the workspace's app client id", json: bodies.signInConfigBody },
      503: problem('Officer sign-in is not configured'),
      ...unexpected,
    },
  },
  {
    id: 'startVoting',
    method: 'POST',
    path: '/api/polls/{id}/start',
    summary: "A poll page's Start now: sets the signed voter cookie for that poll",
    pathParams: { id: 'The poll id' },
    responses: {
      303: {
        description: 'To the vote page (or the thank-you page for a voter who has taken part), with the voter cookie',
        headers: ['Location', 'Set-Cookie'],
      },
      400: problem('The address is wrongly encoded'),
      403: page('The poll is not open'),
      404: page('No such poll'),
      ...unexpected,
    },
  },
  {
    id: 'castBallot',
    method: 'POST',
    path: '/api/polls/{id}/ballots',
    summary: 'Cast a ballot, sent at least a few seconds after Start now',
    security: 'voter',
    pathParams: { id: 'The poll id' },
    json: ballotRequestSchema,
    form: 'tokens.<option>, choice, followUps.<question>, postcode; answered with 303 to the thank-you page',
    responses: {
      201: {
        description: 'Counted (Idempotent-Replayed: true when the same ballot was already counted)',
        json: bodies.ballotCountedBody,
        headers: ['Idempotent-Replayed'],
      },
      303: { description: 'Form ballot counted: to the thank-you page', headers: ['Location'] },
      400: invalid('Unknown option, wrong token count, no or forged voter cookie, sent too soon, or a robot', { html: true }),
      403: problem('Poll closed or not open yet, or a postcode outside the area', { html: true }),
      404: problem('No such poll', { html: true }),
      409: problem('This voter already cast a different ballot', { html: true }),
      ...bodyLimits,
      ...unexpected,
      503: page('A form ballot that could not be confirmed as counted: the form again, filled in'),
    },
  },
  {
    id: 'pollListPage',
    method: 'GET',
    path: '/polls/',
    summary: 'The polls page: open and coming up, then closed with their results (kept up to 30 s by the CDN)',
    responses: { 200: page('The list'), ...unexpected },
  },
  pollPage('pollStartPage', '/polls/{id}/', 'A poll\'s start page, with "Start now" while it is open (kept up to 30 s by the CDN)'),
  pollPage('pollVotePage', '/polls/{id}/vote/', "A poll's vote form while it is open; otherwise when it opens, or where its results are"),
  {
    id: 'pollResults',
    method: 'GET',
    path: '/api/polls/{id}/results',
    summary: 'Ranked results (ties share a rank) and totals by channel: JSON, a page for browsers, or CSV',
    pathParams: { id: 'The poll id' },
    query: z.object({ format: z.optional(z.enum(['json', 'html', 'csv'])) }),
    responses: {
      200: { description: 'The results', json: bodies.pollResultsBody, html: true, csv: true },
      400: problem('format is not json, html or csv, or the address is wrongly encoded'),
      403: problem('Results are published after the poll closes, or the poll has not opened', { html: true }),
      404: problem('No such poll', { html: true }),
      ...unexpected,
    },
  },
  {
    id: 'pollThanks',
    method: 'GET',
    path: '/api/polls/{id}/thanks',
    summary: "The thank-you page: the voter's answers (from their cookie) and the results if published",
    pathParams: { id: 'The poll id' },
    responses: {
      200: page('The answers and, if published, the results'),
      400: problem('The address is wrongly encoded'),
      404: page('No such poll'),
      ...unexpected,
    },
  },
  {
    id: 'listInbox',
    ...officerRoutes.listInbox,
    summary: 'The inbox, newest first, 50 a page (a partner user sees only their own partner’s reports)',
    security: 'officer',
    query: officerContract.listInbox.query,
    responses: {
      200: { description: 'A page of case summaries, and the cursor of the next', json: officerContract.listInbox.answer },
      ...officerGate,
      ...unexpected,
    },
  },
  {
    id: 'countInbox',
    ...officerRoutes.countInbox,
    summary: 'Reports per status received on the UK days from..to (or ever)',
    security: 'officer',
    query: officerContract.countInbox.query,
    responses: { 200: { description: 'A count per status', json: officerContract.countInbox.answer }, ...officerGate, ...unexpected },
  },
  {
    id: 'getCase',
    ...officerRoutes.getCase,
    summary: "One report at the reader's data level, with routing, notes and timeline (audited)",
    security: 'officer',
    pathParams: { reference: 'The report reference' },
    responses: {
      200: { description: 'The case', json: officerContract.getCase.answer },
      ...officerGate,
      404: problem('No such report, or not one this user can see'),
      ...unexpected,
    },
  },
  {
    id: 'openEvidence',
    ...officerRoutes.openEvidence,
    summary: "A short-lived address of one of the resident's files, to show or download (audited first)",
    security: 'officer',
    pathParams: { reference: 'The report reference', id: "The file's id" },
    query: officerContract.openEvidence.query,
    responses: {
      200: { description: 'An address that works for five minutes', json: officerContract.openEvidence.answer },
      ...officerGate,
      404: problem('No such report or file, or not one this user can see'),
      ...unexpected,
    },
  },
  {
    id: 'caseAction',
    ...officerRoutes.caseAction,
    summary: 'Grade, assign, start, close, add a note or email the resident an update',
    security: 'officer',
    pathParams: { reference: 'The report reference' },
    json: officerContract.caseAction.body,
    responses: {
      200: { description: 'Changed', json: officerContract.caseAction.answer },
      201: { description: 'Note added', json: officerContract.caseAction.answer },
      202: { description: 'Update queued for the resident', json: officerContract.caseAction.answer },
      ...officerJsonBody,
      404: problem('No such report, or not one this user can see'),
      409: problem('The report changed since it was loaded, or the step is not possible from its status'),
      ...unexpected,
    },
  },
  {
    id: 'exportReports',
    ...officerRoutes.exportReports,
    summary: 'The filtered inbox as CSV (personal fields for admins, each report audited)',
    security: 'officer',
    query: officerContract.exportReports.query,
    responses: {
      200: { description: 'The CSV file', csv: true },
      ...officerGate,
      413: problem('Over 5,000 reports, or a file too large to send: narrow the filters'),
      ...unexpected,
    },
  },
  {
    id: 'tasking',
    ...officerRoutes.tasking,
    summary: 'SARA scanning: counts by type, category, area, day and hour against the previous period',
    security: 'officer',
    query: officerContract.tasking.query,
    responses: {
      200: { description: 'The period, the previous one and the counts', json: officerContract.tasking.answer },
      ...officerGate,
      ...unexpected,
    },
  },
  {
    id: 'listPartners',
    ...officerRoutes.listPartners,
    summary: 'The partner directory (admins also get addresses, rules and history)',
    security: 'officer',
    responses: { 200: { description: 'The partners', json: officerContract.listPartners.answer }, ...officerGate, ...unexpected },
  },
  {
    id: 'updatePartner',
    ...officerRoutes.updatePartner,
    summary: "Change a partner's address and routing rules",
    security: 'officer',
    pathParams: { id: 'The partner id' },
    json: officerContract.updatePartner.body,
    responses: {
      200: { description: 'Saved', json: officerContract.updatePartner.answer },
      ...officerJsonBody,
      404: problem('No such partner'),
      409: problem('Changed by someone else since it was loaded'),
      ...unexpected,
    },
  },
  {
    id: 'exportAudit',
    ...officerRoutes.exportAudit,
    summary: 'The audit trail for a date range (JSON, or CSV with format=csv)',
    security: 'officer',
    query: officerContract.exportAudit.query,
    responses: {
      200: { description: 'Every read and change in the range', json: officerContract.exportAudit.answer, csv: true },
      ...officerGate,
      ...unexpected,
    },
  },
  {
    id: 'listPolls',
    ...officerRoutes.listPolls,
    summary: 'The published polls, for recording event tallies',
    security: 'officer',
    responses: { 200: { description: 'The polls', json: officerContract.listPolls.answer }, ...officerGate, ...unexpected },
  },
  {
    id: 'pollTallies',
    ...officerRoutes.pollTallies,
    summary: "A poll's event tallies, with corrections, and its results",
    security: 'officer',
    pathParams: { id: 'The poll id' },
    responses: {
      200: { description: 'The tallies and results', json: officerContract.pollTallies.answer },
      ...officerGate,
      404: problem('No such poll'),
      ...unexpected,
    },
  },
  {
    id: 'recordTally',
    ...officerRoutes.recordTally,
    summary: 'Record the pots counted at an event, or correct an entry',
    security: 'officer',
    pathParams: { id: 'The poll id' },
    json: officerContract.recordTally.body,
    responses: {
      201: { description: 'Recorded', json: officerContract.recordTally.answer },
      ...officerJsonBody,
      404: problem('No such poll'),
      409: problem('That entry was already corrected'),
      ...unexpected,
    },
  },
  {
    id: 'addPollEvent',
    ...officerRoutes.addPollEvent,
    summary: 'Plan an event where pots will be counted, so its tally is one tap away on the day',
    security: 'officer',
    pathParams: { id: 'The poll id' },
    json: officerContract.addPollEvent.body,
    responses: {
      201: { description: 'Added', json: officerContract.addPollEvent.answer },
      ...officerJsonBody,
      404: problem('No such poll'),
      409: problem('The poll has closed: no more events can be planned for it'),
      ...unexpected,
    },
  },
  {
    id: 'createPoll',
    ...officerRoutes.createPoll,
    summary: 'Make a poll as a draft: the same fields as a pack poll file, the id made from the title',
    security: 'officer',
    json: officerContract.createPoll.body,
    responses: {
      201: { description: 'Saved as a draft, with its id and version', json: officerContract.createPoll.answer },
      ...officerJsonBody,
      409: problem('Too many polls already have this title'),
      ...unexpected,
    },
  },
  {
    id: 'getPoll',
    ...officerRoutes.getPoll,
    summary: 'A poll as the workspace edits it: definition, status, version, whether it is locked, and its changes',
    security: 'officer',
    pathParams: { id: 'The poll id' },
    responses: {
      200: { description: 'The poll', json: officerContract.getPoll.answer },
      ...officerGate,
      404: problem('No such poll'),
      ...unexpected,
    },
  },
  {
    id: 'updatePoll',
    ...officerRoutes.updatePoll,
    summary: 'Change a poll made in the workspace, from the version loaded',
    security: 'officer',
    pathParams: { id: 'The poll id' },
    json: officerContract.updatePoll.body,
    responses: {
      200: { description: 'Changed (or nothing had changed), with the new version', json: officerContract.updatePoll.answer },
      ...officerJsonBody,
      404: problem('No such poll'),
      409: problem(
        'Changed meanwhile by someone else; or ballots are counted and the change is to what they were counted against; or the poll is a pack file',
      ),
      ...unexpected,
    },
  },
  {
    id: 'schedulePoll',
    ...officerRoutes.schedulePoll,
    summary: 'Publish a draft: it opens and closes at its own times',
    security: 'officer',
    pathParams: { id: 'The poll id' },
    json: officerContract.schedulePoll.body,
    responses: {
      200: { description: 'Scheduled (or open already)', json: officerContract.schedulePoll.answer },
      ...officerJsonBody,
      404: problem('No such poll'),
      409: problem('Changed meanwhile by someone else, or already published'),
      ...unexpected,
    },
  },
  {
    id: 'previewPoll',
    ...officerRoutes.previewPoll,
    summary: 'A page of a poll (drafts too) exactly as residents will see it, with a preview banner',
    security: 'officer',
    pathParams: { id: 'The poll id' },
    query: officerContract.previewPoll.query,
    responses: {
      200: page('The page'),
      ...officerGate,
      404: problem('No such poll'),
      ...unexpected,
    },
  },
  {
    id: 'respondToPoll',
    ...officerRoutes.respondToPoll,
    summary: 'After close: what the partnership will do, shown with the results and on "You said, we did"',
    security: 'officer',
    pathParams: { id: 'The poll id' },
    json: officerContract.respondToPoll.body,
    responses: {
      200: { description: 'Published', json: officerContract.respondToPoll.answer },
      ...officerJsonBody,
      404: problem('No such poll'),
      409: problem('Changed meanwhile by someone else, or the poll has not closed'),
      ...unexpected,
    },
  },
  {
    id: 'ballotBursts',
    ...officerRoutes.ballotBursts,
    summary: 'Addresses that sent many ballots within an hour, for review (never refused)',
    security: 'officer',
    pathParams: { id: 'The poll id' },
    responses: {
      200: { description: 'The bursts', json: officerContract.ballotBursts.answer },
      ...officerGate,
      404: problem('No such poll'),
      ...unexpected,
    },
  },
  {
    id: 'listCaseReviews',
    ...officerRoutes.listCaseReviews,
    summary: 'The ASB Case Review queue: each application, its next step and when it is due (partners: those naming them)',
    security: 'officer',
    responses: {
      200: { description: 'The applications, newest first', json: officerContract.listCaseReviews.answer },
      ...officerGate,
      ...unexpected,
    },
  },
  {
    id: 'getCaseReview',
    ...officerRoutes.getCaseReview,
    summary: "One application at the reader's data level, with the threshold checked, its steps and its trail (audited)",
    security: 'officer',
    pathParams: { reference: 'The Case Review reference (CR-…)' },
    responses: {
      200: { description: 'The application', json: officerContract.getCaseReview.answer },
      ...officerGate,
      404: problem('No such application, or not one this user can see'),
      ...unexpected,
    },
  },
  {
    id: 'caseReviewAction',
    ...officerRoutes.caseReviewAction,
    summary: 'Record a step of the Case Review (officers), or a record of contact (partners named)',
    security: 'officer',
    pathParams: { reference: 'The Case Review reference (CR-…)' },
    json: officerContract.caseReviewAction.body,
    responses: {
      200: { description: 'Recorded', json: officerContract.caseReviewAction.answer },
      ...officerJsonBody,
      404: problem('No such application, or not one this user can see'),
      409: problem('The application changed since it was loaded, or the step is not possible from its state'),
      ...unexpected,
    },
  },
];

/** The JSON request schema of an operation, for this partnership. */
export function requestSchema(operation: Operation, profile: Profile): z.ZodMiniType | undefined {
  return typeof operation.json === 'function' ? operation.json(profile) : operation.json;
}
