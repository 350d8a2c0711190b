/**
 * The ASB Case Review queue: each application's step, the next step and when it is due,
 * overdue ones marked. An empty queue says so.
 */
import { REVIEW_STATE_LABELS } from '../../../../shared/contracts/case-review';
import { ScrollRegion } from '../../../../shared/ui/table-region';
import { type Answer, officerApi } from './client';
import { labels } from './labels';
import { announceFailure, due, show, showSignedIn, signedIn, when } from './session';

type Review = Answer<'listCaseReviews'>['reviews'][number];

function Queue({ reviews }: { reviews: Review[] }) {
  if (reviews.length === 0)
    return (
      <p class="govuk-body" id="no-reviews">
        No Case Review applications yet.
      </p>
    );
  return (
    <ScrollRegion label="Case Review applications">
      <table class="govuk-table" id="review-table">
        <caption class="govuk-table__caption govuk-table__caption--m">{reviews.length} applications</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Reference
            </th>
            <th scope="col" class="govuk-table__header">
              Received
            </th>
            <th scope="col" class="govuk-table__header">
              Area
            </th>
            <th scope="col" class="govuk-table__header">
              Step
            </th>
            <th scope="col" class="govuk-table__header">
              Next
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {reviews.map((r) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">
                <a class="govuk-link" href={`/officer/case-review/?ref=${encodeURIComponent(r.reference)}`}>
                  {r.reference}
                </a>
              </th>
              <td class="govuk-table__cell">{when(r.receivedAt)}</td>
              <td class="govuk-table__cell">{labels.area(r.area)}</td>
              <td class="govuk-table__cell">
                {REVIEW_STATE_LABELS[r.state]}
                {r.met === undefined ? null : <span class="govuk-body-s">{r.met ? ' (threshold met)' : ' (threshold not met)'}</span>}
              </td>
              <td class="govuk-table__cell">
                {r.overdue ? <strong class="govuk-tag govuk-tag--red">Overdue</strong> : null} {r.next ? r.next.label : 'Nothing: finished'}{' '}
                {r.next?.dueAt ? due(r.next.dueAt) : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

const session = await signedIn();
showSignedIn(session);
try {
  const { reviews } = await officerApi('listCaseReviews');
  show(document.getElementById('review-queue')!, <Queue reviews={reviews} />);
} catch (error) {
  announceFailure(error, 'The applications could not be loaded. Reload the page.');
}
