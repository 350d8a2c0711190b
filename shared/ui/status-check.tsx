/**
 * The resident's "check your report" form and its answer, shared by the static page
 * (/report/status/) and the API's reply, so both render the same accessible markup.
 * The answer holds no personal data of the report: where it is in the process, and the
 * updates officers wrote to the resident.
 */
import { ErrorSummary, Input, type FormValues } from './form-components';
import type { Outcome, Status } from '../contracts/workflow-vocabulary';
import { DatedList } from './dated-list';

export const STATUS_CHECK_TITLE = 'Check the progress of your report';

export function StatusForm({ values = {}, errors = [] }: { values?: FormValues; errors?: { path: string; message: string }[] }) {
  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message;
  return (
    <>
      <ErrorSummary errors={errors.map((e) => ({ href: `#${e.path || 'reference'}`, message: e.message }))} />
      <h1 class="govuk-heading-l">{STATUS_CHECK_TITLE}</h1>
      <p class="govuk-body">
        Enter the reference from your confirmation and the email address you gave with your report. We will not show any details of the
        report, only how far it has got and the updates we have sent you.
      </p>
      {errors
        .filter((e) => e.path === '')
        .map((e) => (
          <p class="govuk-body">
            <strong>{e.message}</strong>
          </p>
        ))}
      <form method="post" action="/api/report-status" novalidate>
        <Input
          name="reference"
          label="Report reference"
          hint="8 letters and numbers, for example K7M2QX9P"
          values={values}
          error={errorFor('reference')}
          width="govuk-input--width-10"
          autocomplete="off"
          spellcheck={false}
        />
        <Input
          name="email"
          label="Email address"
          values={values}
          error={errorFor('email')}
          type="email"
          autocomplete="email"
          spellcheck={false}
        />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Check progress
        </button>
      </form>
      <p class="govuk-body">
        If you are in danger or a crime is happening now, call 999. For anything else that needs the police, call 101.
      </p>
    </>
  );
}

export const STATUS_TEXT: Record<Status, string> = {
  new: 'We have received your report. An officer will look at it soon.',
  triaged: 'An officer has looked at your report and is deciding who should deal with it.',
  assigned: 'Your report has been passed to the organisation that will deal with it.',
  'in-progress': 'The organisation dealing with your report is working on it.',
  closed: 'Your report is closed.',
};

export const OUTCOME_TEXT: Record<Outcome, string> = {
  resolved: 'The problem has been dealt with.',
  'no-further-action': 'No further action will be taken. If it happens again, please make a new report.',
  referred: 'It has been referred to another service.',
  duplicate: 'It was about the same problem as another report, which is being dealt with.',
};

/** An update an officer sent the resident: theirs to read, whether or not its email arrived. */
export interface ResidentUpdate {
  at: string;
  message: string;
}

export function StatusResult({
  reference,
  status,
  outcome,
  updates = [],
}: {
  reference: string;
  status: Status;
  outcome?: Outcome | undefined;
  updates?: readonly ResidentUpdate[];
}) {
  return (
    <>
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title">Report {reference}</h1>
      </div>
      <h2 class="govuk-heading-m">Progress</h2>
      <p class="govuk-body" id="report-status">
        {STATUS_TEXT[status]}
        {outcome ? ` ${OUTCOME_TEXT[outcome]}` : ''}
      </p>
      {updates.length ? (
        <>
          <h2 class="govuk-heading-m">Updates we have sent you</h2>
          <DatedList id="report-updates" entries={updates.map((u) => ({ at: u.at, text: u.message }))} />
        </>
      ) : null}
      <p class="govuk-body">
        If something new has happened,{' '}
        <a class="govuk-link" href="/report/">
          make a new report
        </a>
        . If you are in danger, call 999.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href="/report/status/">
          Check another report
        </a>
      </p>
    </>
  );
}
