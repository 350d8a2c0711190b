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
import { barChart } from './bar-chart';
import { escapeHtml } from './escape';
import { scrollRegion } from './table-region';
import { toCsv } from '../domain/csv';

export const resultsPath = (pollId: string) => `/api/polls/${pollId}/results`;

function statusLine(poll: Poll, results: PollResults, now: Date): string {
  if (pollState(poll, now) === 'open')
    return `Voting is open until ${formatLondonDateTime(poll.closesAt)}. These are the results so far, and they change as people take part.`;
  return `Voting closed on ${formatLondonDate(poll.closesAt)}. ${results.final ? 'These are the final results: the online count was checked against every ballot.' : 'The online count is being checked against every ballot; the figures may still change slightly.'}`;
}

/** The ranked table, the chart and the breakdown by channel. */
export function resultsSection(
  poll: Poll,
  results: PollResults & { followUps?: Record<string, number> },
  now: Date,
  headingLevel: 1 | 2 = 1,
): string {
  const unit = results.unit;
  const Unit = unit === 'tokens' ? 'Tokens' : 'Votes';
  const h = `h${headingLevel}`;
  const sub = `h${headingLevel + 1}`;
  const events = results.channels.length - 1;
  const summary = `${formatThousands(results.total)} ${unit} in all: ${formatThousands(results.channels[0]!.total)} from ${formatThousands(results.onlineBallots)} ${results.onlineBallots === 1 ? 'person' : 'people'} online${events ? ` and ${formatThousands(results.total - results.channels[0]!.total)} counted at ${events} ${events === 1 ? 'event' : 'events'}` : ''}.`;
  const rows = results.rows
    .map(
      (r) =>
        `<tr class="govuk-table__row"><td class="govuk-table__cell govuk-table__cell--numeric">${r.rank}</td><th scope="row" class="govuk-table__header">${escapeHtml(r.label)}</th><td class="govuk-table__cell govuk-table__cell--numeric">${formatThousands(r.count)}</td><td class="govuk-table__cell govuk-table__cell--numeric">${formatShare(r.share)}</td></tr>`,
    )
    .join('\n');
  const chart = results.total
    ? barChart({
        id: `poll-${poll.id}-chart`,
        title: `${Unit} for each concern`,
        description: `Bar chart of the ${unit} each concern received, highest first.`,
        unit,
        points: results.rows.map((r) => ({ label: r.label, value: r.count })),
      })
    : '';
  const channelHead = results.channels
    .map((c) => `<th scope="col" class="govuk-table__header govuk-table__header--numeric">${escapeHtml(c.label)}</th>`)
    .join('');
  const channelRows = results.rows
    .map(
      (r) =>
        `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${escapeHtml(r.label)}</th>${results.channels.map((c) => `<td class="govuk-table__cell govuk-table__cell--numeric">${formatThousands(c.counts[r.optionId] ?? 0)}</td>`).join('')}<td class="govuk-table__cell govuk-table__cell--numeric">${formatThousands(r.count)}</td></tr>`,
    )
    .join('\n');
  return `<${h} class="govuk-heading-l">Results: ${escapeHtml(poll.title)}</${h}>
<p class="govuk-body">${escapeHtml(statusLine(poll, results, now))}</p>
<p class="govuk-body">${escapeHtml(summary)}</p>
${results.total === 0 ? `<p class="govuk-inset-text">Nothing has been counted yet.</p>` : ''}
${chart}
${scrollRegion(
  'Ranking',
  `<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--m">${escapeHtml(poll.question)}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header govuk-table__header--numeric">Rank</th><th scope="col" class="govuk-table__header">Concern</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">${Unit}</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Share</th></tr></thead>
<tbody class="govuk-table__body">
${rows}
</tbody>
</table>`,
)}
<p class="govuk-body-s">Concerns with the same number of ${unit} share a rank, and the next rank is skipped (1, 2, 2, 4).</p>
<${sub} class="govuk-heading-m">Where the ${unit} came from</${sub}>
${scrollRegion(
  `${Unit} by where they were counted`,
  `<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s">${Unit} counted online and at each event</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Concern</th>${channelHead}<th scope="col" class="govuk-table__header govuk-table__header--numeric">Total</th></tr></thead>
<tbody class="govuk-table__body">
${channelRows}
</tbody>
</table>`,
)}
${followUpTables(poll, results.followUps ?? {}, sub)}
<p class="govuk-body"><a class="govuk-link" href="${resultsPath(poll.id)}?format=csv" download>Download these results (CSV)</a></p>`;
}

/** Online answers to the follow-up choice questions (free text is never published). */
function followUpTables(poll: Poll, counts: Record<string, number>, heading: string): string {
  return poll.followUps
    .flatMap((f) => (f.kind === 'choice' ? [f] : []))
    .map((f) => {
      const rows = f.options
        .map(
          (o) =>
            `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${escapeHtml(o.label)}</th><td class="govuk-table__cell govuk-table__cell--numeric">${formatThousands(counts[`${f.id}#${o.id}`] ?? 0)}</td></tr>`,
        )
        .join('\n');
      return `<${heading} class="govuk-heading-m">${escapeHtml(f.question)}</${heading}>
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s">Answers given online (the question was optional)</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Answer</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">People</th></tr></thead>
<tbody class="govuk-table__body">
${rows}
</tbody>
</table>`;
    })
    .join('\n');
}

export function resultsHiddenBody(poll: Poll): string {
  return `<h1 class="govuk-heading-l">Results: ${escapeHtml(poll.title)}</h1>
<p class="govuk-body">The results of this poll are published after voting closes on ${escapeHtml(formatLondonDateTime(poll.closesAt))}, so that early results do not sway how people answer.</p>
<p class="govuk-body"><a class="govuk-link" href="/polls/${escapeHtml(poll.id)}/">Go back to the poll</a></p>`;
}

/** The thank-you page: what the resident placed, then the results if they are published. */
export function thanksBody(
  poll: Poll,
  placed: { label: string; count: number }[] | undefined,
  results: PollResults | undefined,
  now: Date,
): string {
  const what = placed?.length
    ? `<p class="govuk-body">Your answers:</p>
<ul class="govuk-list govuk-list--bullet">${placed.map((p) => `<li>${escapeHtml(p.label)}${poll.type === 'charity-pot' ? `: ${p.count} ${p.count === 1 ? 'token' : 'tokens'}` : ''}</li>`).join('')}</ul>`
    : `<p class="govuk-body">We could not find your answers from this browser. If you took part on another device, they are counted there.</p>`;
  const after = results
    ? resultsSection(poll, results, now, 2)
    : `<h2 class="govuk-heading-m">Results</h2>
<p class="govuk-body">The results will be published here after voting closes on ${escapeHtml(formatLondonDateTime(poll.closesAt))}.</p>`;
  return `<div class="govuk-panel govuk-panel--confirmation">
<h1 class="govuk-panel__title">Thank you for taking part</h1>
<div class="govuk-panel__body">Your answers to “${escapeHtml(poll.title)}” are counted</div>
</div>
${what}
<p class="govuk-body">The partnership will use the results to set its priorities, and will say what it did in <a class="govuk-link" href="/you-said-we-did/">You said, we did</a>.</p>
${after}
<p class="govuk-body"><a class="govuk-link" href="/polls/">See all polls</a></p>`;
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
