/**
 * The resident poll pages the poll function renders from the polls table (list, start
 * page, vote page), so a poll an officer publishes is live within a minute with no
 * rebuild. Each is rendered for the moment it is asked for: it says "open now" or
 * "closed" as it is, not as it was at a build.
 */
import type { Poll } from '../contracts/poll';
import { formatLondonDate, formatLondonDateTime } from '../contracts/london-time';
import { pollState, resultsVisible } from '../domain/poll-rules';
import { PollForm, tokensHint } from './poll-form';
import { resultsPath } from './poll-results';

const STATE_TAG = { upcoming: 'Opens soon', open: 'Open now', closed: 'Closed' } as const;

/** One poll in a list: its dates, what it is now, and its results once they are published. */
export function PollListItem({ poll, now }: { poll: Poll; now: Date }) {
  const state = pollState(poll, now);
  return (
    <li>
      <a class="govuk-link govuk-!-font-weight-bold" href={`/polls/${poll.id}/`}>
        {poll.title}
      </a>{' '}
      <strong class={`govuk-tag ${state === 'open' ? 'govuk-tag--green' : 'govuk-tag--grey'} portal-poll-state`}>{STATE_TAG[state]}</strong>
      <br />
      <span class="govuk-body-s">
        Taking answers from {formatLondonDate(poll.opensAt)} until {formatLondonDate(poll.closesAt)}.
      </span>
    </li>
  );
}

const AllPollsLink = () => (
  <p class="govuk-body">
    <a class="govuk-link" href="/polls/">
      See all polls
    </a>
  </p>
);

const ResultsLink = ({ poll, text }: { poll: Poll; text: string }) => (
  <p class="govuk-body">
    <a class="govuk-link" href={resultsPath(poll.id)}>
      {text}
    </a>
  </p>
);

/** Polls open now or coming up, soonest first: the home page's and the poll list's "current" list. */
export function currentPolls(polls: Poll[], now: Date): Poll[] {
  return polls.filter((p) => pollState(p, now) !== 'closed').sort((a, b) => a.opensAt.localeCompare(b.opensAt));
}

export function PollListPage({ polls, now }: { polls: Poll[]; now: Date }) {
  const current = currentPolls(polls, now);
  const closed = polls.filter((p) => pollState(p, now) === 'closed').sort((a, b) => b.closesAt.localeCompare(a.closesAt));
  return (
    <>
      <h1 class="govuk-heading-l">Have your say</h1>
      <p class="govuk-body">
        Tell us what worries you most where you live. Your answers are added to the pots counted at our events and help set the
        partnership's priorities.
      </p>
      <h2 class="govuk-heading-m">Current and coming up</h2>
      {current.length === 0 ? (
        <p class="govuk-body">
          There are no polls open or planned at the moment. New polls are listed here and on the{' '}
          <a class="govuk-link" href="/events/">
            events page
          </a>
          .
        </p>
      ) : (
        <ul class="govuk-list portal-poll-list">
          {current.map((poll) => (
            <PollListItem poll={poll} now={now} />
          ))}
        </ul>
      )}
      <h2 class="govuk-heading-m">Closed polls and their results</h2>
      {closed.length === 0 ? (
        <p class="govuk-body">No polls have closed yet.</p>
      ) : (
        <ul class="govuk-list">
          {closed.map((p) => (
            <li>
              <a class="govuk-link" href={resultsPath(p.id)}>
                {p.title}: results
              </a>
              <br />
              <span class="govuk-body-s">Closed {formatLondonDate(p.closesAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <p class="govuk-body">
        Results of earlier consultations are in{' '}
        <a class="govuk-link" href="/you-said-we-did/">
          You said, we did
        </a>
        .
      </p>
    </>
  );
}

/** A poll's start page: what it asks and why, then "Start now", a plain form POST that sets the voter cookie. */
export function PollStartPage({ poll, now }: { poll: Poll; now: Date }) {
  const state = pollState(poll, now);
  return (
    <>
      <span class="govuk-caption-l">Have your say</span>
      <h1 class="govuk-heading-l">{poll.title}</h1>
      <p class="govuk-body-l">{poll.question}</p>
      <p class="govuk-body">{poll.description}</p>
      {poll.type === 'charity-pot' && state !== 'closed' ? <p class="govuk-body">{tokensHint(poll)}</p> : null}
      <ul class="govuk-list govuk-list--bullet">
        <li>Opens: {formatLondonDateTime(poll.opensAt)}</li>
        <li>Closes: {formatLondonDateTime(poll.closesAt)}</li>
        {poll.eligibility ? (
          <li>
            For people who live in {poll.eligibility.postcodeDistricts.join(', ')} postcodes: we ask for the first half of your postcode
          </li>
        ) : null}
        <li>Results: {poll.results === 'live' ? 'shown as people take part' : 'published after voting closes'}</li>
        {state !== 'closed' ? <li>It takes about 2 minutes. We do not ask your name.</li> : null}
      </ul>
      {state === 'open' ? (
        <>
          <form method="post" action={`/api/polls/${poll.id}/start`}>
            <button type="submit" class="govuk-button govuk-button--start" data-module="govuk-button">
              Start now
            </button>
          </form>
          <p class="govuk-body-s">
            Starting sets a cookie that only this poll uses, so your answers are counted once. See the{' '}
            <a class="govuk-link" href="/privacy/">
              privacy notice
            </a>
            .
          </p>
        </>
      ) : null}
      {state === 'upcoming' ? (
        <p class="govuk-body govuk-!-font-weight-bold">
          This poll opens on {formatLondonDateTime(poll.opensAt)}. Come back then to take part.
        </p>
      ) : null}
      {state === 'closed' ? (
        <>
          <p class="govuk-body">This poll has closed. Thank you to everyone who took part.</p>
          <ResultsLink poll={poll} text="See the results" />
        </>
      ) : null}
      {state === 'open' && resultsVisible(poll, now) ? <ResultsLink poll={poll} text="See the results so far" /> : null}
      <AllPollsLink />
    </>
  );
}

/** The vote page: the form while the poll is open, otherwise when it opens or where its results are. */
export function PollVotePage({ poll, now }: { poll: Poll; now: Date }) {
  const state = pollState(poll, now);
  if (state === 'open') return <PollForm poll={poll} />;
  if (state === 'upcoming')
    return (
      <>
        <h1 class="govuk-heading-l">{poll.title} has not opened yet</h1>
        <p class="govuk-body">It opens on {formatLondonDateTime(poll.opensAt)}. Come back then to take part.</p>
        <AllPollsLink />
      </>
    );
  return (
    <>
      <h1 class="govuk-heading-l">{poll.title} has closed</h1>
      <p class="govuk-body">Voting closed on {formatLondonDate(poll.closesAt)}. Thank you to everyone who took part.</p>
      <ResultsLink poll={poll} text="See the results" />
    </>
  );
}
