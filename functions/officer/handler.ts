/**
 * The officer API: every `/api/officer/*` request, in one function so a working
 * session keeps one warm container. Each endpoint names the role it needs; sign-in and
 * roles are checked before any endpoint runs (authorise.ts).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { bundledProfile } from '../../shared/config/bundled-profile';
import { httpHandler } from '../adapters/http/middleware';
import { compilePath } from '../../shared/contracts/path-pattern';
import { decodePathSegment } from '../routes';
import { jsonMessage, type HttpResult } from '../adapters/http/responses';
import { authorise, type Officer } from './authorise';
import { officerRoutes, type OfficerOperationId } from '../../shared/contracts/officer-routes';
import { getCase } from './case';
import { openEvidence } from './evidence';
import { caseAction } from './case-actions';
import { runtimeDependencies, type OfficerDependencies } from './dependencies';
import { exportAudit, exportReports } from './exports';
import { countInbox, listInbox } from './inbox';
import { listPartners, updatePartner } from './partners';
import { tasking } from './tasking';
import { addPollEvent, ballotBursts, listPolls, pollTallies, recordTally } from './polls';
import { caseReviewAction, getCaseReview, listCaseReviews } from './case-reviews';
import { createPoll, getPoll, previewPoll, respondToPoll, schedulePoll, updatePoll } from './poll-definitions';

type Endpoint = (deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2) => Promise<HttpResult>;

/** What runs each officer operation; paths, methods and roles come from the routes the operation table uses. */
const runners: Record<OfficerOperationId, Endpoint> = {
  listInbox,
  countInbox,
  getCase,
  openEvidence,
  caseAction,
  exportReports,
  tasking,
  listPartners,
  updatePartner,
  exportAudit,
  listPolls,
  createPoll,
  getPoll,
  updatePoll,
  schedulePoll,
  previewPoll,
  respondToPoll,
  pollTallies,
  recordTally,
  addPollEvent,
  ballotBursts,
  listCaseReviews,
  getCaseReview,
  caseReviewAction,
};

const endpoints = (Object.entries(officerRoutes) as [OfficerOperationId, (typeof officerRoutes)[OfficerOperationId]][]).map(
  ([id, route]) => {
    const { pattern, names: params } = compilePath(route.path);
    return { method: route.method as string, pattern, params, role: route.role, run: runners[id] };
  },
);

export async function handleOfficer(deps: OfficerDependencies, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const path = event.rawPath;
  const method = event.requestContext.http.method === 'HEAD' ? 'GET' : event.requestContext.http.method;
  const matches = endpoints.map((e) => ({ e, m: e.pattern.exec(path) })).filter((x) => x.m);
  const found = matches.find((x) => x.e.method === method);
  if (!found) {
    const allowed = [...new Set(matches.flatMap((x) => (x.e.method === 'GET' ? ['GET', 'HEAD'] : [x.e.method])))];
    if (matches.length) return jsonMessage(405, `Use ${allowed.join(' or ')} here`, { Allow: allowed.join(', ') });
    return jsonMessage(404, 'There is no officer endpoint at this address');
  }
  // rawPath keeps the request's percent-encoding; a broken one is a bad request, never a 500.
  const decoded = found.e.params.map((name, i) => [name, decodePathSegment(found.m![i + 1]!)] as const);
  if (decoded.some(([, value]) => value === undefined))
    return jsonMessage(400, 'This address is not valid: part of it is wrongly encoded. Check the link, or open the report from the inbox.');
  const pathParameters = Object.fromEntries(decoded);
  // Sign-in is checked before anything else, so nothing is learnt without a token.
  const auth = await authorise(deps, event, found.e.role);
  if (!auth.ok) return auth.response;
  return found.e.run(deps, auth.officer, { ...event, pathParameters: { ...event.pathParameters, ...pathParameters } });
}

export const handler = httpHandler(async (event) => handleOfficer(await runtimeDependencies(), event), bundledProfile.name);
