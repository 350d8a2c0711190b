/**
 * What each officer operation takes and answers, as zod schemas with their types kept:
 * the operation table (api-operations.ts) takes its officer entries' query, body and
 * success answer from here, and the workspace's client takes its types from here, so a
 * field the workspace reads is one the contract test checks in every answer.
 */
import * as bodies from './api-responses';
import {
  caseActionSchema,
  dateRangeSchema,
  inboxQuerySchema,
  partnerUpdateSchema,
  pollChangeSchema,
  pollCreateSchema,
  pollEventSchema,
  pollPreviewQuerySchema,
  pollResponseSchema,
  pollScheduleSchema,
  tallyRequestSchema,
} from './officer';
import type { OfficerOperationId } from './officer-routes';
import { evidenceLinkSchema, evidenceQuerySchema } from './evidence';
import { reviewActionResultBody, reviewActionSchema, reviewListBody, reviewViewBody } from './case-review';

export const officerContract = {
  listInbox: { query: inboxQuerySchema, answer: bodies.inboxPageBody },
  countInbox: { query: inboxQuerySchema, answer: bodies.statusCountsBody },
  getCase: { answer: bodies.caseViewBody },
  openEvidence: { query: evidenceQuerySchema, answer: evidenceLinkSchema },
  caseAction: { body: caseActionSchema, answer: bodies.actionResultBody },
  exportReports: { query: inboxQuerySchema, answer: 'csv' },
  tasking: { query: dateRangeSchema, answer: bodies.taskingBody },
  listPartners: { answer: bodies.partnersBody },
  updatePartner: { body: partnerUpdateSchema, answer: bodies.actionResultBody },
  exportAudit: { query: dateRangeSchema, answer: bodies.auditBody },
  listPolls: { answer: bodies.pollListBody },
  createPoll: { body: pollCreateSchema, answer: bodies.pollSavedBody },
  getPoll: { answer: bodies.pollDefinitionBody },
  updatePoll: { body: pollChangeSchema, answer: bodies.pollSavedBody },
  schedulePoll: { body: pollScheduleSchema, answer: bodies.pollSavedBody },
  previewPoll: { query: pollPreviewQuerySchema, answer: 'html' },
  respondToPoll: { body: pollResponseSchema, answer: bodies.pollSavedBody },
  pollTallies: { answer: bodies.talliesBody },
  recordTally: { body: tallyRequestSchema, answer: bodies.tallyRecordedBody },
  addPollEvent: { body: pollEventSchema, answer: bodies.pollEventAddedBody },
  ballotBursts: { answer: bodies.burstsBody },
  listCaseReviews: { answer: reviewListBody },
  getCaseReview: { answer: reviewViewBody },
  caseReviewAction: { body: reviewActionSchema, answer: reviewActionResultBody },
} as const satisfies Record<OfficerOperationId, { query?: unknown; body?: unknown; answer: unknown }>;

export type OfficerContract = typeof officerContract;
