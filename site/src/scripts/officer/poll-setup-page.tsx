/** Polls (officers): every poll, drafts first, with where it stands and what can be done with it. */
import { formatLondonDateTime } from '../../../../shared/contracts/london-time';
import { ColumnHeads, ScrollRegion } from '../../../../shared/ui/table-region';
import { type Answer, officerApi } from './client';
import { allowedHere, announceFailure, show, showSignedIn, signedIn } from './session';

type PollSummary = Answer<'listPolls'>['polls'][number];

const STATE = { draft: 'Draft', upcoming: 'Scheduled', open: 'Open', closed: 'Closed' } as const;
const TAG = { draft: 'govuk-tag--yellow', upcoming: 'govuk-tag--blue', open: 'govuk-tag--green', closed: 'govuk-tag--grey' } as const;

function PollTable({ polls }: { polls: PollSummary[] }) {
  if (polls.length === 0) return <p class="govuk-body">There are no polls yet. Make one to start.</p>;
  const order = { draft: 0, upcoming: 1, open: 2, closed: 3 } as const;
  const sorted = [...polls].sort((a, b) => order[a.state as keyof typeof order] - order[b.state as keyof typeof order]);
  return (
    <ScrollRegion label="Polls">
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">Every poll</caption>
        <ColumnHeads columns={['Poll', 'Status', 'Opens', 'Closes', 'Event tallies']} />
        <tbody class="govuk-table__body">
          {sorted.map((p) => {
            const state = p.state as keyof typeof STATE;
            return (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  <a class="govuk-link" href={`/officer/poll-setup/edit/?id=${encodeURIComponent(p.id)}`}>
                    {p.title}
                  </a>
                  {p.source === 'pack' ? <span class="govuk-body-s"> (from the partnership pack)</span> : null}
                </th>
                <td class="govuk-table__cell">
                  <strong class={`govuk-tag ${TAG[state]}`}>{STATE[state]}</strong>
                </td>
                <td class="govuk-table__cell">{formatLondonDateTime(p.opensAt)}</td>
                <td class="govuk-table__cell">{formatLondonDateTime(p.closesAt)}</td>
                <td class="govuk-table__cell">
                  {p.type === 'charity-pot' && p.state !== 'draft' ? (
                    <a class="govuk-link" href={`/officer/polls/?poll=${encodeURIComponent(p.id)}`}>
                      Tallies<span class="govuk-visually-hidden"> for {p.title}</span>
                    </a>
                  ) : (
                    'None'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

const session = await signedIn();
showSignedIn(session);
if (allowedHere(session, 'officer', 'make or change polls')) {
  try {
    const { polls } = await officerApi('listPolls');
    show(document.getElementById('poll-list')!, <PollTable polls={polls} />);
  } catch (error) {
    announceFailure(error, 'The polls could not be loaded. Reload the page.');
  }
} else document.getElementById('new-poll')?.remove();
