/**
 * "Something else happened": the incident diary form on a resident's private report page,
 * a plain form that works with JavaScript off. It asks only what a diary needs (when,
 * where, what, who, how it affected them); the report's type, area and contact details
 * stay as they are. Problems are listed in page order, every answer kept.
 */
import type { FieldError } from '../contracts/field-errors';
import { ErrorSummary, Input, Textarea, type FormValues } from './form-components';
import { anchorFor, formFieldFor, orderOf, WhenFields } from './report-form';

const sortedErrors = (errors: readonly FieldError[]) => [...errors].sort((a, b) => orderOf(a.path) - orderOf(b.path));
const anchor = (path: string) => (formFieldFor(path) === 'report-form' ? 'incident-form' : anchorFor(path));

/** The form's problems, for the top of the page (where the GOV.UK pattern puts them). */
export function IncidentErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  return <ErrorSummary errors={sortedErrors(errors).map((e) => ({ href: `#${anchor(e.path)}`, message: e.message }))} />;
}

export function IncidentForm({ action, values = {}, errors = [] }: { action: string; values?: FormValues; errors?: FieldError[] }) {
  const sorted = sortedErrors(errors);
  const errorFor = (field: string) => sorted.find((e) => formFieldFor(e.path) === field)?.message;
  return (
    <>
      <h2 class="govuk-heading-m" id="something-else">
        Something else happened
      </h2>
      <p class="govuk-body">
        Tell us about each new incident here, as you would in an incident diary. We add it to this report and send it to the organisations
        already dealing with it. You do not need to give your contact details again.
      </p>
      <form method="post" action={action} novalidate id="incident-form">
        <Textarea
          name="description"
          label="What happened?"
          hint="In your own words. Up to 4,000 characters."
          values={values}
          error={errorFor('description')}
          rows={6}
        />
        <WhenFields values={values} errors={errors} />
        <Input
          name="location.street"
          label="Street or road, if different (optional)"
          values={values}
          error={errorFor('location.street')}
          autocomplete="off"
        />
        <Textarea
          name="location.details"
          label="Anything else about the place (optional)"
          values={values}
          error={errorFor('location.details')}
          rows={2}
        />
        <Textarea
          name="offenderDescription"
          label="Who was involved? (optional)"
          hint="What they looked like, what they were wearing, or their names if you know them"
          values={values}
          error={errorFor('offenderDescription')}
          rows={3}
        />
        <Textarea name="impact" label="How has it affected you or others? (optional)" values={values} error={errorFor('impact')} rows={3} />
        <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
          Add to my report
        </button>
      </form>
    </>
  );
}
