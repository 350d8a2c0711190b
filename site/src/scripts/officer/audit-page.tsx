/** The audit trail (administrators): every read and change in a date range, and its CSV. */
import { isCaseReviewReference } from '../../../../shared/domain/reference';
import { formatCalendarDate } from '../../../../shared/contracts/london-time';
import { ColumnHeads, ScrollRegion } from '../../../../shared/ui/table-region';
import { type Answer, officerApi, officerPath } from './client';
import { allowedHere, announceFailure, download, show, showSignedIn, signedIn, when } from './session';

type Audit = Answer<'exportAudit'>;

function AuditTable({ audit: a }: { audit: Audit }) {
  const range = `${formatCalendarDate(a.from)} to ${formatCalendarDate(a.to)}`;
  if (a.entries.length === 0) return <p class="govuk-body">Nothing was read or changed from {range}.</p>;
  return (
    <ScrollRegion label="Audit entries">
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">
          {a.entries.length} {a.entries.length === 1 ? 'entry' : 'entries'}, {range}
        </caption>
        <ColumnHeads columns={['When', 'Who', 'Action', 'Report', 'What']} />
        <tbody class="govuk-table__body">
          {a.entries.map((e) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{when(e.at)}</td>
              <td class="govuk-table__cell">{e.username}</td>
              <td class="govuk-table__cell">{e.action}</td>
              <td class="govuk-table__cell">
                <a
                  class="govuk-link"
                  href={`/officer/${isCaseReviewReference(e.reference) ? 'case-review' : 'report'}/?ref=${encodeURIComponent(e.reference)}`}
                >
                  {e.reference}
                </a>
              </td>
              <td class="govuk-table__cell">{e.summary ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

const session = await signedIn();
showSignedIn(session);
// A role that cannot use this page is told so in its place; nothing is loaded.
if (allowedHere(session, 'admin', 'see the audit trail')) {
  const params = new URLSearchParams([...new URLSearchParams(location.search)].filter(([, v]) => v));
  for (const key of ['from', 'to']) if (params.get(key)) (document.getElementById(key) as HTMLInputElement).value = params.get(key)!;
  document.getElementById('export')!.addEventListener('click', () => {
    const q = new URLSearchParams(params);
    q.set('format', 'csv');
    download(officerPath('exportAudit', {}, q), 'audit.csv').catch((error: unknown) =>
      announceFailure(error, 'The export could not be downloaded. Try again.'),
    );
  });
  const region = document.getElementById('audit')!;
  try {
    show(region, <AuditTable audit={await officerApi('exportAudit', { query: params })} />);
  } catch (error) {
    show(region, null);
    announceFailure(error, 'The audit trail could not be loaded.');
  }
}
