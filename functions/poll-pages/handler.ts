/**
 * The poll pages, rendered from the polls table so a poll an officer publishes needs no
 * rebuild: the list (`/polls/`), a poll's start page (`/polls/{id}/`) and vote page
 * (`/polls/{id}/vote/`), which CloudFront keeps for half a minute; and the live pages
 * `/api/polls/{id}/results` and `/api/polls/{id}/thanks`, never kept. Results come as
 * JSON (API clients), HTML (a browser navigating there) or CSV (`?format=csv`); hidden
 * results stay hidden in every format. The thank-you page finds the resident's ballot
 * from their voter cookie.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { bundledProfile } from '../../shared/config/bundled-profile';
import type { Poll } from '../../shared/contracts/poll';
import { formatLondonDateTime } from '../../shared/contracts/london-time';
import { pollState, resultsVisible } from '../../shared/domain/poll-rules';
import { httpHandler } from '../adapters/http/middleware';
import { html, json, jsonMessage, type HttpResult } from '../adapters/http/responses';
import { pollDependencies, readResults, type PollDependencies } from '../polls/dependencies';
import { cookieValue, readVoterCookie, VOTER_COOKIE } from '../polls/voter-cookie';
import type { PollResponse } from '../polls/ports';

type Format = 'json' | 'html' | 'csv';

/**
 * Pages every resident sees alike: CloudFront may keep them for half a minute, so a poll
 * that opens or is published shows within a minute (the function's own copy of the list
 * is at most as old again).
 */
const SHARED_PAGE = { 'Cache-Control': 'public, max-age=30' };

/** `?format=` wins; otherwise a browser asking for HTML gets the page, everyone else JSON. */
function formatOf(event: APIGatewayProxyEventV2): Format | undefined {
  const asked = event.queryStringParameters?.format;
  if (asked !== undefined) return asked === 'json' || asked === 'html' || asked === 'csv' ? asked : undefined;
  return /text\/html/.test(event.headers.accept ?? '') ? 'html' : 'json';
}

/** `/polls/`, `/polls/{id}/` and `/polls/{id}/vote/`: the pages a resident reaches from the site. */
async function residentPage(deps: PollDependencies, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const id = event.pathParameters?.id;
  const now = deps.now();
  const [{ h }, { renderPage }, pages, { POLL_FORM_SCRIPT }] = await Promise.all([
    import('preact'),
    import('../../shared/ui/layout'),
    import('../../shared/ui/poll-pages'),
    import('../../shared/ui/poll-form'),
  ]);
  if (id === undefined) {
    const polls = (await deps.polls.list()).map((r) => r.poll);
    return html(
      200,
      renderPage({
        title: 'Have your say',
        description: 'Tell the partnership what worries you most where you live, and see what others said.',
        partnershipName: deps.profile.name,
        body: h(pages.PollListPage, { polls, now }),
        forms: false,
      }),
      SHARED_PAGE,
    );
  }
  const poll = await deps.polls.get(id);
  if (!poll) return (await import('../polls/pages')).pollNotFoundPage(deps.profile.name);
  const vote = /\/vote\/?$/.test(event.rawPath);
  const open = pollState(poll, now) === 'open';
  return html(
    200,
    renderPage({
      title: vote ? (open ? poll.question : `${poll.title}: ${pollState(poll, now) === 'closed' ? 'closed' : 'not open yet'}`) : poll.title,
      description: vote ? poll.title : poll.question,
      partnershipName: deps.profile.name,
      body: h(vote ? pages.PollVotePage : pages.PollStartPage, { poll, now }),
      // A reading page needs only the site's stylesheet; the form components load with the form.
      forms: vote,
      ...(vote && open ? { scripts: [POLL_FORM_SCRIPT] } : {}),
    }),
    SHARED_PAGE,
  );
}

export async function handlePollPage(deps: PollDependencies, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  if (!event.rawPath.startsWith('/api/')) return residentPage(deps, event);
  const record = await deps.polls.record(event.pathParameters?.id ?? '');
  const poll = record?.poll;
  const view = event.pathParameters?.view;
  const format = view === 'thanks' ? 'html' : formatOf(event);
  if (format === undefined) return jsonMessage(400, 'format must be json, html or csv');
  const vary = { Vary: 'Accept' };
  if (!poll || (view !== 'results' && view !== 'thanks')) {
    if (format !== 'html') return jsonMessage(404, 'There is no poll at this address', vary);
    const { messagePage } = await import('../polls/pages');
    return messagePage(
      404,
      deps.profile.name,
      'Page not found',
      'There is no poll page at this address. Check the link, or choose a poll from the list.',
    );
  }
  const now = deps.now();
  const visible = resultsVisible(poll, now);
  if (view === 'thanks') return thanks(deps, poll, event, visible, now, record?.response);

  if (!visible) {
    const message =
      pollState(poll, now) === 'upcoming'
        ? 'This poll has not opened yet, so there are no results.'
        : `The results of this poll are published after voting closes on ${formatLondonDateTime(poll.closesAt)}.`;
    if (format !== 'html') return jsonMessage(403, message, vary);
    const [{ h }, { renderPage }, { ResultsHidden }] = await Promise.all([
      import('preact'),
      import('../../shared/ui/layout'),
      import('../../shared/ui/poll-results'),
    ]);
    return html(
      403,
      renderPage({ title: `Results: ${poll.title}`, partnershipName: deps.profile.name, body: h(ResultsHidden, { poll }), forms: false }),
      vary,
    );
  }
  const results = await readResults(deps, poll);
  if (format === 'json') {
    const followUps = poll.followUps.flatMap((f) =>
      f.kind === 'choice'
        ? [
            {
              id: f.id,
              question: f.question,
              counts: f.options.map((o) => ({ optionId: o.id, label: o.label, count: results.followUps[`${f.id}#${o.id}`] ?? 0 })),
            },
          ]
        : [],
    );
    return json(
      200,
      {
        poll: {
          id: poll.id,
          title: poll.title,
          question: poll.question,
          type: poll.type,
          state: pollState(poll, now),
          opensAt: poll.opensAt,
          closesAt: poll.closesAt,
        },
        ...results,
        followUps,
      },
      vary,
    );
  }
  const ui = await import('../../shared/ui/poll-results');
  if (format === 'csv')
    return {
      statusCode: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${poll.id}-results.csv"`,
        'Cache-Control': 'no-store',
        ...vary,
      },
      body: ui.resultsCsv(results),
    };
  const [{ h }, { renderPage }] = await Promise.all([import('preact'), import('../../shared/ui/layout')]);
  return html(
    200,
    renderPage({
      title: `Results: ${poll.title}`,
      partnershipName: deps.profile.name,
      body: h(ui.ResultsSection, { poll, results, now, response: record?.response }),
      forms: true,
    }),
    vary,
  );
}

async function thanks(
  deps: PollDependencies,
  poll: Poll,
  event: APIGatewayProxyEventV2,
  visible: boolean,
  now: Date,
  response: PollResponse | undefined,
): Promise<HttpResult> {
  const secret = await deps.secret();
  const voter = readVoterCookie(secret, poll.id, cookieValue(event, VOTER_COOKIE));
  const ballot = voter ? await deps.store.getBallot(poll.id, voter.voterId) : undefined;
  const placed = ballot
    ? poll.options.filter((o) => (ballot.counts[o.id] ?? 0) > 0).map((o) => ({ label: o.label, count: ballot.counts[o.id]! }))
    : undefined;
  const results = visible ? await readResults(deps, poll) : undefined;
  const [{ h }, { renderPage }, { Thanks }] = await Promise.all([
    import('preact'),
    import('../../shared/ui/layout'),
    import('../../shared/ui/poll-results'),
  ]);
  return html(
    200,
    renderPage({
      title: ballot ? 'Thank you for taking part' : `Your answers: ${poll.title}`,
      partnershipName: deps.profile.name,
      body: h(Thanks, { poll, placed, results, now, response }),
      forms: true,
    }),
  );
}

export const handler = httpHandler(
  (event) => handlePollPage(pollDependencies(), event),
  bundledProfile.name,
  'the page could not be shown',
);
