/**
 * The report form: one journey for ASB and hate crime. Rendered at build time for the
 * static page, by the API when a submission has problems (answers kept, each problem
 * shown beside its field), and in the browser when the same check runs before sending.
 */
import type { FieldError } from '../contracts/field-errors';
import {
  ASB_CATEGORIES,
  ASB_CATEGORY_LABELS,
  HATE_MOTIVATIONS,
  HATE_MOTIVATION_LABELS,
  REPORTER_ROLES,
  REPORTER_ROLE_LABELS,
} from '../contracts/report-vocabulary';
import { readDateAnswer, type DatePart } from '../contracts/date-answer';
import { Checkboxes, DateInput, ErrorSummary, FormErrors, fieldId, Input, Radios, Textarea, type FormValues } from './form-components';

export interface FormArea {
  id: string;
  name: string;
}

export const REPORT_FORM_TITLE = 'Report anti-social behaviour or a hate crime';

/** Where on the form an API error path points (the error summary links there). */
export function formFieldFor(path: string): string {
  if (path === 'contact') return 'anonymous';
  if (path === 'location') return 'location.area';
  if (path.startsWith('hateMotivations')) return 'hateMotivations';
  if (/^occurredAt\.(day|month|year)$/.test(path)) return 'occurredAt';
  return FORM_FIELDS.has(path) ? path : 'report-form';
}

/** The form's fields in page order: the error summary lists problems in this order. */
const FIELD_ORDER = [
  'type',
  'asbCategory',
  'hateMotivations',
  'reporterRole',
  'description',
  'ongoing',
  'occurredAt',
  'occurredAt.time',
  'location.area',
  'location.street',
  'location.postcode',
  'location.details',
  'offenderDescription',
  'vehicleDescription',
  'policeReference',
  'impact',
  'anonymous',
  'privateLink',
  'contact.name',
  'contact.email',
  'contact.phone',
  'contact.preferredTimes',
  'keepAnswersOutOfEmail',
];
const FORM_FIELDS = new Set(FIELD_ORDER);
export const orderOf = (path: string) => {
  const i = FIELD_ORDER.indexOf(formFieldFor(path));
  return i === -1 ? FIELD_ORDER.length : i;
};

/** The id an error summary link jumps to: the box that is wrong, or the field's first input. */
export function anchorFor(path: string): string {
  if (/^occurredAt\.(day|month|year)$/.test(path)) return fieldId(path);
  const field = formFieldFor(path);
  return field === 'occurredAt' ? 'occurredAt-day' : fieldId(field);
}

/** The date boxes to mark: the ones the problem is about, or all three for the date as a whole. */
function wrongDateParts(values: FormValues, errors: FieldError[]): DatePart[] {
  const error = errors.find((e) => formFieldFor(e.path) === 'occurredAt');
  if (!error) return [];
  if (error.path === 'occurredAt') return ['day', 'month', 'year'];
  const one = (key: string) => [values[key]].flat().at(-1);
  return readDateAnswer({ day: one('occurredAt.day'), month: one('occurredAt.month'), year: one('occurredAt.year') }).wrong;
}

/**
 * When it happened: still going on, the date in GOV.UK parts, and a time people may write
 * as they like. The report form and the incident diary ask it the same way.
 */
export function WhenFields({ values, errors }: { values: FormValues; errors: readonly FieldError[] }) {
  const errorFor = (field: string) => errors.find((e) => formFieldFor(e.path) === field)?.message;
  return (
    <>
      <Radios
        name="ongoing"
        legend="Is it still happening?"
        legendSize="s"
        values={values}
        error={errorFor('ongoing')}
        small
        choices={[
          { value: 'false', label: 'No, it happened on a particular day' },
          { value: 'true', label: 'Yes, it is still going on or keeps happening' },
        ]}
      />
      <DateInput
        name="occurredAt"
        legend="Date it happened"
        hint="If it keeps happening, the date it started. For example, 21 11 2026 or 21 Nov 2026."
        values={values}
        error={errorFor('occurredAt')}
        wrong={wrongDateParts(values, [...errors])}
      />
      <Input
        name="occurredAt.time"
        label="Time it happened (optional)"
        hint="For example, 9:30pm or 21:30. A rough time is fine; leave it blank if you do not know."
        values={values}
        error={errorFor('occurredAt.time')}
        width="govuk-input--width-10"
        autocomplete="off"
      />
    </>
  );
}

export function ReportForm(options: { areas: FormArea[]; values?: FormValues; errors?: FieldError[] }) {
  const values = options.values ?? {};
  const errors = [...(options.errors ?? [])].sort((a, b) => orderOf(a.path) - orderOf(b.path));
  const errorFor = (field: string) => errors.find((e) => formFieldFor(e.path) === field)?.message;

  return (
    <>
      <ErrorSummary errors={errors.map((e) => ({ href: `#${anchorFor(e.path)}`, message: e.message }))} />
      <h1 class="govuk-heading-l">{REPORT_FORM_TITLE}</h1>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <div class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">Warning</span>
          If you are in danger, or a crime is happening now, call 999. If you cannot speak, call 999 and press 55 when asked.
        </div>
      </div>
      <p class="govuk-body">
        If it is not an emergency but you need the police, call 101. Use this form to tell the partnership about anti-social behaviour or a
        hate crime or hate incident. It takes about 10 minutes.
      </p>
      <p class="govuk-body">
        Read our{' '}
        <a class="govuk-link" href="/privacy/">
          privacy notice
        </a>{' '}
        to see how we use what you tell us. You can report without giving your name.
      </p>
      <FormErrors errors={errors.filter((e) => formFieldFor(e.path) === 'report-form')} />
      <form id="report-form" action="/api/reports" method="post" novalidate>
        <Radios
          name="type"
          legend="What are you reporting?"
          legendSize="m"
          values={values}
          error={errorFor('type')}
          choices={[
            {
              value: 'asb',
              label: 'Anti-social behaviour',
              hint: 'Behaviour that causes harassment, alarm or distress, such as intimidation, noise, vandalism or drug dealing',
            },
            {
              value: 'hate-crime',
              label: 'A hate crime or hate incident',
              hint: 'Anything you or anyone else thinks was motivated by hostility or prejudice',
            },
          ]}
        />
        <div data-show-when-type="asb">
          <Radios
            name="asbCategory"
            legend="If it is anti-social behaviour: what kind is it?"
            legendSize="s"
            values={values}
            error={errorFor('asbCategory')}
            choices={ASB_CATEGORIES.map((c) => ({ value: c, label: ASB_CATEGORY_LABELS[c].label, hint: ASB_CATEGORY_LABELS[c].hint }))}
          />
        </div>
        <div data-show-when-type="hate-crime">
          <Checkboxes
            name="hateMotivations"
            legend="If it is a hate crime or incident: what do you think the hostility was about?"
            legendSize="s"
            hint="Select all that apply. What you believe is enough; you do not need proof."
            values={values}
            error={errorFor('hateMotivations')}
            choices={HATE_MOTIVATIONS.map((m) => ({ value: m, label: HATE_MOTIVATION_LABELS[m] }))}
          />
        </div>
        <Radios
          name="reporterRole"
          legend="Who did it happen to?"
          values={values}
          error={errorFor('reporterRole')}
          choices={REPORTER_ROLES.map((r) => ({ value: r, label: REPORTER_ROLE_LABELS[r] }))}
        />
        <Textarea
          name="description"
          label="What happened?"
          hint="Tell us what was said or done, in your own words. Up to 4,000 characters. After you send your report, you can add photos, recordings or documents: location and camera details are removed from photos before anyone sees them."
          values={values}
          error={errorFor('description')}
          rows={8}
        />
        <h2 class="govuk-heading-m">When did it happen?</h2>
        <WhenFields values={values} errors={errors} />
        <h2 class="govuk-heading-m">Where did it happen?</h2>
        <Radios
          name="location.area"
          legend="Which area?"
          legendSize="s"
          values={values}
          error={errorFor('location.area')}
          choices={options.areas.map((a) => ({ value: a.id, label: a.name }))}
        />
        <Input
          name="location.street"
          label="Street or road (optional)"
          values={values}
          error={errorFor('location.street')}
          autocomplete="off"
        />
        <Input
          name="location.postcode"
          label="Postcode (optional)"
          values={values}
          error={errorFor('location.postcode')}
          width="govuk-input--width-10"
          spellcheck={false}
        />
        <Textarea
          name="location.details"
          label="Anything else about the place (optional)"
          hint="For example, the park behind the library, or outside number 12"
          values={values}
          error={errorFor('location.details')}
          rows={2}
        />
        <h2 class="govuk-heading-m">More details (optional)</h2>
        <Textarea
          name="offenderDescription"
          label="Who was involved? (optional)"
          hint="Descriptions of the people, names if you know them"
          values={values}
          error={errorFor('offenderDescription')}
          rows={3}
        />
        <Textarea
          name="vehicleDescription"
          label="Any vehicles? (optional)"
          hint="Make, colour and registration number if you saw it"
          values={values}
          error={errorFor('vehicleDescription')}
          rows={2}
        />
        <Input
          name="policeReference"
          label="Police reference number (optional)"
          hint="If you have already reported it to the police"
          values={values}
          error={errorFor('policeReference')}
          width="govuk-input--width-20"
          spellcheck={false}
        />
        <Textarea
          name="impact"
          label="How has it affected you or others? (optional)"
          hint="For example, if you feel unsafe at home or have changed your routine"
          values={values}
          error={errorFor('impact')}
          rows={3}
        />
        <h2 class="govuk-heading-m">Your contact details</h2>
        <Radios
          name="anonymous"
          legend="Can we contact you about this report?"
          legendSize="s"
          hint="If you stay anonymous we cannot update you or ask you questions, and you cannot later ask for an ASB case review of this report."
          values={values}
          error={errorFor('anonymous')}
          choices={[
            { value: 'false', label: 'Yes, you can contact me' },
            { value: 'true', label: 'No, I want to stay anonymous' },
          ]}
        />
        <div class="portal-conditional" data-show-when-anonymous="true">
          <Checkboxes
            name="privateLink"
            legend="Following your report"
            legendSize="s"
            hint="A private link shows your report, who is dealing with it and any updates. We show it only on the next page, and keep nothing that identifies you."
            values={values}
            error={errorFor('privateLink')}
            small
            choices={[{ value: 'true', label: 'Give me a private link to follow this report' }]}
          />
        </div>
        <div class="portal-conditional" data-show-when-anonymous="false">
          <p class="govuk-body">Fill these in only if you said we can contact you.</p>
          <Input
            name="contact.name"
            label="Your name"
            values={values}
            error={errorFor('contact.name')}
            autocomplete="name"
            spellcheck={false}
          />
          <Input
            name="contact.email"
            label="Email address"
            hint="We will send your reference here"
            values={values}
            error={errorFor('contact.email')}
            type="email"
            autocomplete="email"
            spellcheck={false}
          />
          <Input
            name="contact.phone"
            label="Phone number"
            hint="Give an email address, a phone number or both"
            values={values}
            error={errorFor('contact.phone')}
            type="tel"
            autocomplete="tel"
            width="govuk-input--width-20"
          />
          <Input
            name="contact.preferredTimes"
            label="When is it safe to contact you? (optional)"
            hint="For example, weekday mornings, or never at home"
            values={values}
            error={errorFor('contact.preferredTimes')}
          />
          <Checkboxes
            name="keepAnswersOutOfEmail"
            legend="Your confirmation email"
            legendSize="s"
            hint="If you give an email address, we send your reference, your private link and a copy of your answers. Leave your answers out if other people can read your email."
            values={values}
            error={errorFor('keepAnswersOutOfEmail')}
            small
            choices={[{ value: 'true', label: 'Do not put my answers in the email' }]}
          />
        </div>
        <button type="submit" class="govuk-button" name="step" value="check" data-module="govuk-button" data-prevent-double-click="true">
          Continue
        </button>
      </form>
    </>
  );
}
