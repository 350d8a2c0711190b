/**
 * "Send a message to the officers" on a resident's private report page: what it is about
 * and what they want to say. A plain form that works with JavaScript off.
 */
import type { FieldError } from '../contracts/field-errors';
import { MESSAGE_ABOUT, MESSAGE_ABOUT_LABELS } from '../contracts/report';
import { ErrorSummary, fieldId, Radios, Textarea, type FormValues } from './form-components';

const FIELDS = ['about', 'message'];
const anchor = (path: string) => (path === 'about' ? `${fieldId('about')}` : FIELDS.includes(path) ? fieldId(path) : 'message-form');

/** The form's problems, for the top of the page. */
export function MessageErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  return <ErrorSummary errors={errors.map((e) => ({ href: `#${anchor(e.path)}`, message: e.message }))} />;
}

export function MessageForm({ action, values = {}, errors = [] }: { action: string; values?: FormValues; errors?: readonly FieldError[] }) {
  const errorFor = (field: string) => errors.find((e) => e.path === field)?.message;
  return (
    <>
      <h2 class="govuk-heading-m" id="send-message">
        Send a message to the officers
      </h2>
      <p class="govuk-body">
        For example, if you have more information, or want to withdraw your report. To tell us about something new that happened, use
        "Something else happened" instead, so it reaches the organisations dealing with it.
      </p>
      <form method="post" action={action} novalidate id="message-form">
        <Radios
          name="about"
          legend="What is your message about?"
          legendSize="s"
          values={values}
          error={errorFor('about')}
          choices={MESSAGE_ABOUT.map((value) => ({ value, label: MESSAGE_ABOUT_LABELS[value] }))}
        />
        <Textarea name="message" label="Your message" hint="Up to 2,000 characters." values={values} error={errorFor('message')} rows={4} />
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" data-prevent-double-click="true">
          Send message
        </button>
      </form>
    </>
  );
}
