/**
 * POST /api/polls/{id}/ballots: a thin HTTP shell around the castBallot use case.
 * JSON clients get 201 (or the problem as JSON); the vote form gets 303 to its
 * thank-you page, or the form again with every problem shown and the answers kept.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { bundledProfile } from '../../shared/config/bundled-profile';
import { decodeBallotForm } from '../../shared/contracts/ballot';
import type { FieldError } from '../../shared/contracts/field-errors';
import { httpHandler } from '../adapters/http/middleware';
import { readBody } from '../adapters/http/request-body';
import { html, invalid, json, jsonMessage, notPost, seeOther, type HttpResult } from '../adapters/http/responses';
import { castBallot, type BallotResult } from '../polls/cast-ballot';
import { pollDependencies, type PollDependencies } from '../polls/dependencies';
import { addressHash, cookieValue, readVoterCookie, VOTER_COOKIE } from '../polls/voter-cookie';
import { clientAddress } from '../adapters/http/client-address';

const BODY_MESSAGES = {
  413: 'Your answers are too long to send. Use your browser’s back button, shorten the longest answer and send again.',
  415: 'Send the ballot as application/json or as a form (application/x-www-form-urlencoded)',
  400: 'The request body is not valid JSON',
} as const;

/** Time kept back from the function's limit to settle an unknown outcome and answer. */
const ANSWER_MARGIN_MS = 2_000;

export async function handleBallot(deps: PollDependencies, event: APIGatewayProxyEventV2, remainingMs?: () => number): Promise<HttpResult> {
  const pollId = event.pathParameters?.id ?? '';
  if (event.requestContext.http.method !== 'POST')
    return notPost(event, (await deps.polls.get(pollId)) ? `/polls/${pollId}/vote/` : '/polls/', 'Use POST to send a ballot');
  const body = readBody(event);
  if (body.kind === 'error') {
    if (!body.form) return jsonMessage(body.status, BODY_MESSAGES[body.status]);
    const { messagePage } = await import('../polls/pages');
    return messagePage(
      body.status,
      deps.profile.name,
      'There is a problem with your answers',
      BODY_MESSAGES[body.status],
      await deps.polls.get(pollId),
    );
  }
  const decoded = body.kind === 'form' ? decodeBallotForm(body.entries) : { value: body.value, errors: [] as FieldError[] };
  const cast = async () => {
    const secret = await deps.secret();
    // Counted against the definition as stored now, not the pages' copy of it.
    return castBallot(
      { ...deps, polls: deps.current },
      {
        pollId,
        body: decoded.value,
        decodeErrors: decoded.errors,
        voter: readVoterCookie(secret, pollId, cookieValue(event, VOTER_COOKIE)),
        ipHash: addressHash(secret, pollId, clientAddress(event)),
        ...(remainingMs ? { giveUpAt: Date.now() + remainingMs() - ANSWER_MARGIN_MS } : {}),
      },
    );
  };
  // JSON clients keep their request and retry; the error middleware answers them.
  if (body.kind !== 'form') return jsonAnswer(await cast());
  // A resident's answers exist only in this request: if storing fails, give the form back filled in.
  let result: BallotResult;
  try {
    result = await cast();
  } catch (error) {
    const { logger } = await import('../adapters/logging/logger');
    logger.error('Ballot not stored', { correlationId: event.requestContext.requestId, errorName: (error as Error).name });
    return formPage(deps, pollId, body.entries, 503, [
      {
        path: '',
        message: `Sorry, we could not confirm that your answers were counted. They are still below: please send them again in a few minutes. Answers are only ever counted once, so sending again is safe. (Reference for support: ${event.requestContext.requestId})`,
      },
    ]);
  }
  if (result.status === 201) return seeOther(`/api/polls/${pollId}/thanks`);
  if (result.status === 400 && result.kind === 'choices') return formPage(deps, pollId, body.entries, 400, result.errors);
  // A postcode outside the area is a problem with that field: the form again, every answer kept.
  if (result.status === 403 && result.kind === 'ineligible')
    return formPage(deps, pollId, body.entries, 403, [{ path: 'postcode', message: result.message }]);
  // Not a mistake in the answers: said once, as a notice above the form, with every answer kept.
  if (result.status === 400 && result.kind === 'too-fast') return formPage(deps, pollId, body.entries, 400, [], result.errors[0]!.message);
  const { messagePage } = await import('../polls/pages');
  const poll = await deps.polls.get(pollId);
  if (result.status === 400) return messagePage(400, deps.profile.name, 'We could not count your answers', result.errors[0]!.message, poll);
  if (result.status === 409)
    return messagePage(409, deps.profile.name, 'You have already taken part', result.message, poll, [
      { href: `/api/polls/${pollId}/thanks`, text: 'See your answers and the results' },
    ]);
  if (result.status === 403)
    return messagePage(
      403,
      deps.profile.name,
      result.kind === 'closed' ? 'This poll is not open' : 'This poll is for people who live in the area',
      result.message,
      poll,
    );
  return messagePage(404, deps.profile.name, 'Poll not found', result.message);
}

function jsonAnswer(result: BallotResult): HttpResult {
  switch (result.status) {
    case 201:
      return json(
        201,
        { status: 'counted', poll: result.ballot.pollId, counts: result.ballot.counts },
        result.replayed ? { 'Idempotent-Replayed': 'true' } : {},
      );
    case 400:
      return invalid(400, result.errors, 'Check your answers and send them again');
    default:
      return jsonMessage(result.status, result.message);
  }
}

async function formPage(
  deps: PollDependencies,
  pollId: string,
  entries: [string, string][],
  status: number,
  errors: FieldError[],
  notice?: string,
): Promise<HttpResult> {
  const poll = await deps.polls.get(pollId);
  if (!poll) {
    const { messagePage } = await import('../polls/pages');
    return messagePage(status, deps.profile.name, 'We could not count your answers', errors[0]?.message ?? 'Please try again.');
  }
  const [{ h }, { renderPage }, { PollForm, POLL_FORM_SCRIPT }, { formValuesFrom }] = await Promise.all([
    import('preact'),
    import('../../shared/ui/layout'),
    import('../../shared/ui/poll-form'),
    import('../../shared/ui/form-components'),
  ]);
  // The honeypot is never sent back filled in.
  const values = formValuesFrom(entries.filter(([name]) => name !== 'website'));
  return html(
    status,
    renderPage({
      title: `Error: ${poll.question}`,
      partnershipName: deps.profile.name,
      body: h(PollForm, { poll, values, errors, notice }),
      scripts: [POLL_FORM_SCRIPT],
    }),
  );
}

// Said only when even reading the ballot back failed: whether it was counted is then unknown.
export const handler = httpHandler(
  (event, context) => handleBallot(pollDependencies(), event, () => context.getRemainingTimeInMillis()),
  bundledProfile.name,
  'we could not confirm that your answers were counted (sending them again is safe: answers are only ever counted once)',
);
