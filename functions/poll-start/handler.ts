/**
 * POST /api/polls/{id}/start: the poll page's "Start now" button. Gives the resident a
 * signed voter cookie for this poll (keeping their voter id if they already have one),
 * notes when they started, and sends them to the vote page, or to their thank-you page
 * if they have already taken part.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { bundledProfile } from '../../shared/config/bundled-profile';
import { closedMessage } from '../../shared/domain/poll-rules';
import { httpHandler } from '../adapters/http/middleware';
import { notPost, seeOther, type HttpResult } from '../adapters/http/responses';
import { pollDependencies, type PollDependencies } from '../polls/dependencies';
import { cookieValue, newVoterId, readVoterCookie, setVoterCookie, VOTER_COOKIE, voterCookieValue } from '../polls/voter-cookie';

export async function handleStart(deps: PollDependencies, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  // As stored now: starting is never cached, and the poll may have opened or changed a moment ago.
  const poll = await deps.current.get(event.pathParameters?.id ?? '');
  if (event.requestContext.http.method !== 'POST')
    return notPost(event, poll ? `/polls/${poll.id}/` : '/polls/', 'Use POST to start voting');
  // Pages are loaded only when there is something to say (cold start budget).
  const page = async (...args: Parameters<typeof import('../polls/pages').messagePage>) =>
    (await import('../polls/pages')).messagePage(...args);
  if (!poll) return (await import('../polls/pages')).pollNotFoundPage(deps.profile.name);
  const now = deps.now();
  const closed = closedMessage(poll, now);
  if (closed) return page(403, deps.profile.name, 'This poll is not open', closed, poll);

  const secret = await deps.secret();
  const known = readVoterCookie(secret, poll.id, cookieValue(event, VOTER_COOKIE));
  if (known && (await deps.store.getBallot(poll.id, known.voterId))) return seeOther(`/api/polls/${poll.id}/thanks`);
  const value = voterCookieValue(secret, poll.id, { voterId: known?.voterId ?? newVoterId(), startedAt: Math.floor(now.getTime() / 1000) });
  return { ...seeOther(`/polls/${poll.id}/vote/`), cookies: [setVoterCookie(value, poll.id, poll.closesAt, now, deps.secureCookies)] };
}

export const handler = httpHandler(
  (event) => handleStart(pollDependencies(), event),
  bundledProfile.name,
  'we could not start the poll for you',
);
