/**
 * The inbox: counts by status, the filtered list of reports a page at a time, and the CSV
 * export. Unfiltered, a case is one row (its first report) with its figures; filtered,
 * every report that matches is a row, each saying which case it is in.
 */
import { ColumnHeads, ScrollRegion } from '../../../../shared/ui/table-region';
import { labels } from './labels';
import { type Answer, officerApi, officerPath } from './client';
import { announceFailure, download, due, roleOf, show, showSignedIn, signedIn, when } from './session';

type Item = Answer<'listInbox'>['items'][number];

const COLUMNS = ['Reference', 'Received', 'Type', 'Area', 'Status', 'Risk', 'Response due', 'Flags', 'Assigned to'];

const plural = (n: number, one: string) => `${n.toLocaleString('en-GB')} ${one}${n === 1 ? '' : 's'}`;

/** A case's reports and incidents, or a report's own incidents once its resident added any, with the latest. */
function Incidents({ item: i }: { item: Item }) {
  if (i.case)
    return (
      <>
        <br />
        <span class="govuk-body-s workspace-case-figures">
          Case of {plural(i.case.reports, 'report')}: {plural(i.case.incidents, 'incident')}, latest {when(i.case.latestAt)}
        </span>
      </>
    );
  if (!i.incidentCount) return null;
  return (
    <>
      <br />
      <span class="govuk-body-s workspace-case-figures">
        {plural(i.incidentCount + 1, 'incident')}, latest {when(i.lastIncidentAt)}
      </span>
    </>
  );
}

function Row({ item: i }: { item: Item }) {
  return (
    <tr class={i.overdue ? 'govuk-table__row workspace-row--overdue' : 'govuk-table__row'}>
      <td class="govuk-table__cell">
        <a class="govuk-link" href={`/officer/report/?ref=${encodeURIComponent(i.reference)}`}>
          {i.reference}
        </a>
        <Incidents item={i} />
      </td>
      <td class="govuk-table__cell">{when(i.createdAt)}</td>
      <td class="govuk-table__cell">
        {labels.type(i.type)}
        <br />
        <span class="govuk-body-s">
          {i.category ? labels.category(i.category) : (i.motivations ?? []).map(labels.motivation).join(', ')}
        </span>
      </td>
      <td class="govuk-table__cell">{labels.area(i.area)}</td>
      <td class="govuk-table__cell">
        <strong class={`govuk-tag workspace-tag--${i.status}`}>{labels.status(i.status)}</strong>
      </td>
      <td class="govuk-table__cell">
        {i.risk ? <strong class={`govuk-tag workspace-risk--${i.risk}`}>{labels.risk(i.risk)}</strong> : 'Not graded'}
      </td>
      <td class="govuk-table__cell">
        {due(i.dueAt)}
        {i.overdue ? (
          <>
            {' '}
            <strong class="govuk-tag govuk-tag--red">Overdue</strong>
          </>
        ) : null}
      </td>
      <td class="govuk-table__cell">
        {(i.flags ?? []).map((f) => (
          <>
            <strong class="govuk-tag govuk-tag--orange">{labels.flag(f)}</strong>{' '}
          </>
        ))}
        {i.unreadMessages ? (
          <strong class="govuk-tag govuk-tag--purple">
            {i.unreadMessages === 1 ? '1 new message' : `${i.unreadMessages} new messages`}
          </strong>
        ) : null}
      </td>
      <td class="govuk-table__cell">{i.assignedPartner ? labels.partner(i.assignedPartner) : ''}</td>
    </tr>
  );
}

function StatusCounts({ counts, current, unread }: { counts: Record<string, number>; current: string | null; unread?: number }) {
  return (
    <>
      {unread ? (
        <li>
          <a class="govuk-link" href="/officer/?unread=true" aria-current={params.get('unread') === 'true' ? 'true' : undefined}>
            Reports with new messages <strong>{unread.toLocaleString('en-GB')}</strong>
          </a>
        </li>
      ) : null}
      {Object.entries(counts).map(([status, n]) => (
        <li>
          <a
            class="govuk-link"
            href={`/officer/?status=${encodeURIComponent(status)}`}
            aria-current={current === status ? 'true' : undefined}
          >
            {labels.status(status)} <strong>{n.toLocaleString('en-GB')}</strong>
          </a>
        </li>
      ))}
    </>
  );
}

function Results({
  items,
  pageNumber,
  first,
  next,
  folded,
}: {
  items: Item[];
  pageNumber: number;
  first: string;
  next: string | undefined;
  /** No filters: each case is listed once, as its first report. */
  folded: boolean;
}) {
  if (items.length === 0)
    return (
      <p class="govuk-body" id="inbox-empty">
        No reports match these filters.{' '}
        <a class="govuk-link" href="/officer/">
          Clear the filters
        </a>{' '}
        to see every report.
      </p>
    );
  return (
    <>
      <ScrollRegion label="Reports">
        <table class="govuk-table workspace-table">
          <caption class="govuk-table__caption govuk-table__caption--m">
            {folded ? 'Cases and reports' : 'Reports'}, newest first (page {pageNumber})
          </caption>
          <ColumnHeads columns={COLUMNS} />
          <tbody class="govuk-table__body">
            {items.map((item) => (
              <Row item={item} />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <nav class="govuk-pagination" aria-label="Pages of reports">
        <ul class="govuk-pagination__list">
          {pageNumber > 1 ? (
            <li class="govuk-pagination__item">
              <a class="govuk-link" href={`/officer/?${first}`}>
                First page
              </a>
            </li>
          ) : null}
          {next ? (
            <li class="govuk-pagination__item">
              <a class="govuk-link" href={`/officer/?${next}`} rel="next">
                Next page
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
    </>
  );
}

const session = await signedIn();
showSignedIn(session);
const params = new URLSearchParams(location.search);
const form = document.getElementById('filters') as HTMLFormElement;
for (const [key, value] of params) {
  const field = form.elements.namedItem(key);
  if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = value === 'true';
  else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
}
const filters = new URLSearchParams([...params].filter(([k, v]) => v && k !== 'cursor' && k !== 'page'));
const results = document.getElementById('inbox-results')!;

async function load() {
  try {
    const query = new URLSearchParams(filters);
    if (params.get('cursor')) query.set('cursor', params.get('cursor')!);
    const [page, counts] = await Promise.all([
      officerApi('listInbox', { query }),
      officerApi('countInbox', { query: new URLSearchParams([...filters].filter(([k]) => k === 'from' || k === 'to')) }),
    ]);
    show(
      document.getElementById('status-counts')!,
      <StatusCounts counts={counts.counts} current={params.get('status')} unread={counts.unreadMessages} />,
    );
    const pageNumber = Number(params.get('page') ?? '1');
    const next = new URLSearchParams(filters);
    if (page.cursor) next.set('cursor', page.cursor);
    next.set('page', String(pageNumber + 1));
    show(
      results,
      <Results
        items={page.items}
        pageNumber={pageNumber}
        first={filters.toString()}
        next={page.cursor ? next.toString() : undefined}
        folded={filters.size === 0 && roleOf(session).officer}
      />,
    );
  } catch (error) {
    show(results, null);
    announceFailure(error, 'The reports could not be loaded. Check your connection and reload the page.');
  }
}
document.getElementById('export')!.addEventListener('click', () => {
  download(officerPath('exportReports', {}, filters), 'reports.csv').catch((error: unknown) =>
    announceFailure(error, 'The export could not be downloaded. Check your connection and try again.'),
  );
});
void load();
