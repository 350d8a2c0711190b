/**
 * Poll results as HTML (results page and thank-you page, rendered by the API, so they
 * are live and need no JavaScript) and as CSV. The bar chart always sits beside the
 * table that is its full text alternative.
 */
import type { Poll } from '../contracts/poll';
import { formatLondonDate, formatLondonDateTime } from '../contracts/london-time';
import { formatShare, type PollResults } from '../domain/poll-results';
import { pollState } from '../domain/poll-rules';
import { formatThousands } from '../contracts/numbers';
import { BarChart } from './bar-chart';
import { ColumnHeads, ScrollRegion } from './table-region';
import { toCsv } from '../domain/csv';

export const resultsPath = (pollId: string) => `/api/polls/${pollId}/results`;

function statusLine(poll: Poll, results: PollResults, now: Date): string {
  if (pollState(poll, now) === 'open')
    return `Voting is open until ${formatLondonDateTime(poll.closesAt)}. These are the results so far, and they change as people take part.`;
  return `Voting closed on ${formatLondonDate(poll.closesAt)}. ${results.final ? 'These are the final results: the online count was checked against every ballot.' : 'The online count is being checked against every ballot; the figures may still change slightly.'}`;
}

const cell = 'govuk-table__cell govuk-table__cell--numeric';

export interface PollResponseView {
  weDid: string[];
  actions: { title: string; href: string }[];
}

/** What the partnership did about a poll's results, beside the results and on "You said, we did". */
export function PollResponse({ response, headingLevel = 2 }: { response: PollResponseView; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="portal-poll-response">
      <Heading class={headingLevel === 2 ? 'govuk-heading-m' : 'govuk-heading-s'}>What we will do</Heading>
      <ul class="govuk-list govuk-list--bullet">
        {response.weDid.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      {response.actions.length ? (
        <p class="govuk-body">
          Plan actions:{' '}
          {response.actions.map((a, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a class="govuk-link" href={a.href}>
                {a.title}
              </a>
            </>
          ))}
          .
        </p>
      ) : null}
    </section>
  );
}

/** The ranked table, the chart and the breakdown by channel. `headingLevel` 2 when the results sit under another heading. */
export function ResultsSection({
  poll,
  results,
  now,
  headingLevel = 1,
  response,
}: {
  poll: Poll;
  results: PollResults & { followUps?: Record<string, number> };
  now: Date;
  headingLevel?: 1 | 2;
  /** What the partnership will do about the results, once an officer has said. */
  response?: PollResponseView | undefined;
}) {
  const unit = results.unit;
  const Unit = unit === 'tokens' ? 'Tokens' : 'Votes';
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const Sub = headingLevel === 1 ? 'h2' : 'h3';
  const events = results.channels.length - 1;
  const online = results.channels[0]!.total;
  const summary = `${formatThousands(results.total)} ${unit} in all: ${formatThousands(online)} from ${formatThousands(results.onlineBallots)} ${results.onlineBallots === 1 ? 'person' : 'people'} online${events ? ` and ${formatThousands(results.total - online)} counted at ${events} ${events === 1 ? 'event' : 'events'}` : ''}.`;
  return (
    <>
      <Heading class="govuk-heading-l">Results: {poll.title}</Heading>
      <p class="govuk-body">{statusLine(poll, results, now)}</p>
      <p class="govuk-body">{summary}</p>
      {results.total === 0 ? <p class="govuk-inset-text">Nothing has been counted yet.</p> : null}
      {results.total ? (
        <BarChart
          id={`poll-${poll.id}-chart`}
          title={`${Unit} for each concern`}
          description={`Bar chart of the ${unit} each concern received, highest first.`}
          unit={unit}
          points={results.rows.map((r) => ({ label: r.label, value: r.count }))}
        />
      ) : null}
      <ScrollRegion label="Ranking">
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">{poll.question}</caption>
          <ColumnHeads
            columns={[{ text: 'Rank', numeric: true }, 'Concern', { text: Unit, numeric: true }, { text: 'Share', numeric: true }]}
          />
          <tbody class="govuk-table__body">
            {results.rows.map((r) => (
              <tr class="govuk-table__row">
                <td class={cell}>{r.rank}</td>
                <th scope="row" class="govuk-table__header">
                  {r.label}
                </th>
                <td class={cell}>{formatThousands(r.count)}</td>
                <td class={cell}>{formatShare(r.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p class="govuk-body-s">Concerns with the same number of {unit} share a rank, and the next rank is skipped (1, 2, 2, 4).</p>
      <Sub class="govuk-heading-m">Where the {unit} came from</Sub>
      <ScrollRegion label={`${Unit} by where they were counted`}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">{Unit} counted online and at each event</caption>
          <ColumnHeads
            columns={[
              'Concern',
              ...results.channels.map((c) => ({ text: c.label, numeric: true as const })),
              { text: 'Total', numeric: true },
            ]}
          />
          <tbody class="govuk-table__body">
            {results.rows.map((r) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  {r.label}
                </th>
                {results.channels.map((c) => (
                  <td class={cell}>{formatThousands(c.counts[r.optionId] ?? 0)}</td>
                ))}
                <td class={cell}>{formatThousands(r.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <FollowUpTables poll={poll} counts={results.followUps ?? {}} Heading={Sub} />
      {response ? <PollResponse response={response} headingLevel={headingLevel === 1 ? 2 : 3} /> : null}
      <p class="govuk-body">
        <a class="govuk-link" href={`${resultsPath(poll.id)}?format=csv`} download>
          Download these results (CSV)
        </a>
      </p>
    </>
  );
}

/** Online answers to the follow-up choice questions (free text is never published). */
function FollowUpTables({ poll, counts, Heading }: { poll: Poll; counts: Record<string, number>; Heading: 'h2' | 'h3' }) {
  return (
    <>
      {poll.followUps
        .flatMap((f) => (f.kind === 'choice' ? [f] : []))
        .map((f) => (
          <>
            <Heading class="govuk-heading-m">{f.question}</Heading>
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--s">Answers given online (the question was optional)</caption>
              <ColumnHeads columns={['Answer', { text: 'People', numeric: true }]} />
              <tbody class="govuk-table__body">
                {f.options.map((o) => (
                  <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">
                      {o.label}
                    </th>
                    <td class={cell}>{formatThousands(counts[`${f.id}#${o.id}`] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ))}
    </>
  );
}

export function ResultsHidden({ poll }: { poll: Poll }) {
  return (
    <>
      <h1 class="govuk-heading-l">Results: {poll.title}</h1>
      <p class="govuk-body">
        The results of this poll are published after voting closes on {formatLondonDateTime(poll.closesAt)}, so that early results do not
        sway how people answer.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href={`/polls/${poll.id}/`}>
          Go back to the poll
        </a>
      </p>
    </>
  );
}

/** The thank-you page: what the resident placed, then the results if they are published. */
export function Thanks({
  poll,
  placed,
  results,
  now,
  response,
}: {
  poll: Poll;
  placed: { label: string; count: number }[] | undefined;
  results: PollResults | undefined;
  now: Date;
  response?: PollResponseView | undefined;
}) {
  return (
    <>
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title">Thank you for taking part</h1>
        <div class="govuk-panel__body">Your answers to “{poll.title}” are counted</div>
      </div>
      {placed?.length ? (
        <>
          <p class="govuk-body">Your answers:</p>
          <ul class="govuk-list govuk-list--bullet">
            {placed.map((p) => (
              <li>
                {p.label}
                {poll.type === 'charity-pot' ? `: ${p.count} ${p.count === 1 ? 'token' : 'tokens'}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="govuk-body">
          We could not find your answers from this browser. If you took part on another device, they are counted there.
        </p>
      )}
      <p class="govuk-body">
        The partnership will use the results to set its priorities, and will say what it did in{' '}
        <a class="govuk-link" href="/you-said-we-did/">
          You said, we did
        </a>
        .
      </p>
      {results ? (
        <ResultsSection poll={poll} results={results} now={now} headingLevel={2} response={response} />
      ) : (
        <>
          <h2 class="govuk-heading-m">Results</h2>
          <p class="govuk-body">The results will be published here after voting closes on {formatLondonDateTime(poll.closesAt)}.</p>
        </>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href="/polls/">
          See all polls
        </a>
      </p>
    </>
  );
}

/** Results as CSV: one row per concern, a column per channel. */
export function resultsCsv(results: PollResults): string {
  const header = ['rank', 'concern', results.unit, 'share', ...results.channels.map((c) => c.label)];
  const rows = results.rows.map((r) => [
    String(r.rank),
    r.label,
    String(r.count),
    (Math.round(r.share * 10000) / 10000).toString(),
    ...results.channels.map((c) => String(c.counts[r.optionId] ?? 0)),
  ]);
  return toCsv(header, rows);
}
