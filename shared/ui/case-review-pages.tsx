/**
 * The pages the API renders for the ASB Case Review: the acknowledgement an applicant
 * lands on, and the yearly figures the partnership publishes (a table, an accessible
 * chart and the same figures as CSV).
 */
import { formatDue } from '../contracts/london-time';
import type { ReviewStep, ReviewYearFigures } from '../domain/case-review-process';
import { BarChart } from './bar-chart';
import { ScrollRegion } from './table-region';

export function CaseReviewReceived(p: {
  reference: string;
  steps: ReviewStep[];
  emailed: boolean;
  escalation: { to: string; email: string; phone: string };
}) {
  const due = (state: ReviewStep['state']) => p.steps.find((s) => s.state === state)?.dueAt;
  const acknowledge = due('acknowledged');
  const decide = due('decided');
  return (
    <>
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title">Application received</h1>
        <div class="govuk-panel__body">
          Your Case Review reference is
          <br />
          <strong class="portal-reference" id="reference">
            {p.reference}
          </strong>
        </div>
      </div>
      <p class="govuk-body">Write this reference down. Quote it if you contact us about your application.</p>
      <h2 class="govuk-heading-m">What happens next</h2>
      <ul class="govuk-list govuk-list--bullet" id="due-dates">
        {acknowledge ? <li>We will acknowledge your application {formatDue(acknowledge)}.</li> : null}
        {decide ? <li>We will tell you whether it meets the threshold for a review, and why, {formatDue(decide)}.</li> : null}
        <li>
          If it does, the partners meet to review how the complaints were dealt with, and we send you the outcome and any recommendations.
        </li>
      </ul>
      <p class="govuk-body">
        {p.emailed
          ? 'We have sent the reference to the email address given, and will email at each step.'
          : 'No email address was given, so we will phone with each step.'}
      </p>
      <h2 class="govuk-heading-m">If you are not happy with a decision</h2>
      <p class="govuk-body">
        You can ask {p.escalation.to} to look at it again: email {p.escalation.email} or call {p.escalation.phone}.
      </p>
      <p class="govuk-body">If you are in danger or a crime is happening now, call 999.</p>
    </>
  );
}

export const STATISTICS_TITLE = 'ASB Case Review figures';

const COLUMNS: { key: keyof ReviewYearFigures; label: string }[] = [
  { key: 'applications', label: 'Applications' },
  { key: 'thresholdMet', label: 'Threshold met' },
  { key: 'reviewsHeld', label: 'Reviews held' },
  { key: 'withRecommendations', label: 'Reviews with recommendations' },
  { key: 'escalations', label: 'Escalations' },
  { key: 'medianDaysToAcknowledge', label: 'Median days to acknowledge' },
  { key: 'medianDaysToDecide', label: 'Median days to decide' },
  { key: 'medianDaysToReview', label: 'Median days to the review meeting' },
  { key: 'medianDaysToOutcome', label: 'Median days to outcome' },
];

/** The figures as rows of the published CSV: one row per reporting year, blank where no application reached a step. */
export function statisticsCsvRows(years: ReviewYearFigures[]): { header: string[]; rows: (string | number)[][] } {
  return {
    header: ['Year (April to March)', ...COLUMNS.map((c) => c.label)],
    rows: years.map((y) => [y.year, ...COLUMNS.map((c) => (y[c.key] ?? '') as string | number)]),
  };
}

export function CaseReviewStatistics({ years, asOf }: { years: ReviewYearFigures[]; asOf: string }) {
  const { header, rows } = statisticsCsvRows(years);
  return (
    <>
      <h1 class="govuk-heading-l">{STATISTICS_TITLE}</h1>
      <p class="govuk-body">
        Every year the partnership publishes how many ASB Case Review applications it received, how many met the threshold, how many reviews
        were held and how many led to recommendations. These figures are counted from the applications themselves, {asOf}. Years run from
        April to March. The figures count applications, not people, and no one is named.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href="/case-review/">
          What the ASB Case Review is and how to apply
        </a>
      </p>
      {years.length === 0 ? (
        <p class="govuk-body" id="no-applications">
          No applications have been received yet.
        </p>
      ) : (
        <>
          <h2 class="govuk-heading-m">Applications and outcomes, {years[0]!.year}</h2>
          <BarChart
            id="case-review-chart"
            title={`ASB Case Review applications and outcomes, ${years[0]!.year}`}
            description="Applications received, threshold met, reviews held, reviews with recommendations and escalations."
            unit="applications"
            points={COLUMNS.slice(0, 5).map((c) => ({ label: c.label, value: years[0]![c.key] as number }))}
          />
          <ScrollRegion label="Case Review figures by year">
            <table class="govuk-table" id="case-review-figures">
              <caption class="govuk-table__caption govuk-table__caption--m">Figures by year</caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  {header.map((h, i) => (
                    <th scope="col" class={`govuk-table__header${i ? ' govuk-table__header--numeric' : ''}`}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {rows.map(([year, ...figures]) => (
                  <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">
                      {year}
                    </th>
                    {figures.map((f) => (
                      <td class="govuk-table__cell govuk-table__cell--numeric">{f === '' ? 'None reached this step' : f}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href="/api/case-reviews/statistics?format=csv" download>
          Download these figures (CSV)
        </a>
      </p>
    </>
  );
}
