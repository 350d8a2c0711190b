/**
 * "Check your answers before sending your report": one more step of the report form that
 * works with JavaScript off. The answers travel in the page's own hidden fields, not in a
 * session, so "Change your answers" and "Send report" each post everything back.
 */
import type { Row } from '../domain/describe-report';
import { SummaryRows } from './dated-list';

export const CHECK_ANSWERS_TITLE = 'Check your answers before sending your report';

export function CheckAnswers({ rows, entries }: { rows: readonly Row[]; entries: readonly [string, string][] }) {
  return (
    <>
      <h1 class="govuk-heading-l">{CHECK_ANSWERS_TITLE}</h1>
      <SummaryRows rows={rows} id="check-answers" />
      <form method="post" action="/api/reports" novalidate>
        {entries.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <h2 class="govuk-heading-m">Now send your report</h2>
        <p class="govuk-body">
          We pass it to the organisations that deal with this kind of report in your area. If you are in danger or a crime is happening now,
          call 999.
        </p>
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" name="step" value="send" data-module="govuk-button" data-prevent-double-click="true">
            Send report
          </button>
          <button type="submit" class="govuk-button govuk-button--secondary" name="step" value="change" data-module="govuk-button">
            Change your answers
          </button>
        </div>
      </form>
    </>
  );
}
