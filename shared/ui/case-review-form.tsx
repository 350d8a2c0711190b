/**
 * The ASB Case Review application form, a plain HTML form: rendered at build time for the
 * static page, by the API when an application has problems (answers kept, each problem
 * beside its field), and by the API from a private report link, with the portal's own
 * complaints listed for the applicant.
 */
import type { FieldError } from '../contracts/field-errors';
import { formatCalendarDate } from '../contracts/london-time';
import { APPLICANT_ROLES, APPLICANT_ROLE_LABELS, OTHER_ORGANISATION } from '../contracts/case-review';
import { Checkboxes, ErrorSummary, FormErrors, fieldId, Input, Radios, Select, Textarea, type FormValues } from './form-components';

export const CASE_REVIEW_FORM_TITLE = 'Apply for an ASB Case Review';
/** Complaint rows on the page: enough for the threshold and a few more; others go in the description. */
const COMPLAINT_ROWS = 5;

interface Named {
  id: string;
  name: string;
}

export interface CaseReviewFormProps {
  action: string;
  areas: readonly Named[];
  partners: readonly Named[];
  values: FormValues;
  errors?: FieldError[];
  /** The complaints the portal holds, when the applicant came from their private report link. */
  fromReports?: { reference: string; complaints: { incidentOn: string; madeOn: string }[] };
}

const FIELD_ORDER = [
  'applicant.role',
  'applicant.name',
  'applicant.email',
  'applicant.phone',
  'applicant.consent',
  'victim.name',
  'victim.email',
  'victim.phone',
  'victim.street',
  'victim.area',
  'problem',
  ...Array.from({ length: COMPLAINT_ROWS }, (_, row) =>
    ['incidentOn', 'madeOn', 'to', 'organisation', 'reference'].map((f) => `complaints.${row}.${f}`),
  ).flat(),
];
const FIELDS = new Set(FIELD_ORDER);

/** Where on the form an error path points; problems with no field of their own stay at the top. */
const fieldFor = (path: string) => (FIELDS.has(path) ? path : path === 'victim' ? 'victim.email' : undefined);

export function CaseReviewForm(p: CaseReviewFormProps) {
  const errors = p.errors ?? [];
  const byField = new Map<string, string>();
  const general: FieldError[] = [];
  for (const e of errors) {
    const field = fieldFor(e.path);
    if (field && !byField.has(field)) byField.set(field, e.message);
    else if (!field) general.push(e);
  }
  const ordered = [...byField.entries()].sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b));
  const err = (name: string) => byField.get(name);
  const organisations = [
    { value: '', label: 'Choose an organisation' },
    ...p.partners.map((o) => ({ value: o.id, label: o.name })),
    { value: OTHER_ORGANISATION, label: 'Another organisation' },
  ];
  return (
    <>
      <ErrorSummary
        errors={[
          ...general.map((e) => ({ href: '#case-review-form', message: e.message })),
          ...ordered.map(([f, m]) => ({ href: `#${fieldId(f)}`, message: m })),
        ]}
      />
      <FormErrors errors={general} />
      <h1 class="govuk-heading-l">{CASE_REVIEW_FORM_TITLE}</h1>
      <p class="govuk-body">
        Ask for a review if you have complained about anti-social behaviour and feel nothing was done.{' '}
        <a class="govuk-link" href="/case-review/">
          Read who can apply and the local threshold
        </a>
        . Every application is looked at by an officer, however many complaints it lists.
      </p>
      <form id="case-review-form" method="post" action={p.action} novalidate>
        <Radios
          name="applicant.role"
          legend="Who is applying?"
          hint="Someone can apply for the victim, with the victim's consent."
          choices={APPLICANT_ROLES.map((r) => ({ value: r, label: APPLICANT_ROLE_LABELS[r] }))}
          values={p.values}
          error={err('applicant.role')}
        />
        <h2 class="govuk-heading-m">If you are applying for someone else</h2>
        <p class="govuk-body">Leave this part blank if you are the victim.</p>
        <Input name="applicant.name" label="Your name" autocomplete="name" values={p.values} error={err('applicant.name')} />
        <Input
          name="applicant.email"
          label="Your email address"
          type="email"
          autocomplete="email"
          spellcheck={false}
          values={p.values}
          error={err('applicant.email')}
        />
        <Input
          name="applicant.phone"
          label="Your phone number"
          type="tel"
          autocomplete="tel"
          width="govuk-input--width-20"
          values={p.values}
          error={err('applicant.phone')}
        />
        <Checkboxes
          name="applicant.consent"
          legend="The victim's consent"
          legendSize="s"
          choices={[{ value: 'true', label: 'The victim agrees to me applying for them' }]}
          values={p.values}
          error={err('applicant.consent')}
        />
        <h2 class="govuk-heading-m">The victim</h2>
        <p class="govuk-body">A Case Review cannot be anonymous: we need to tell the victim what we decide.</p>
        <Input name="victim.name" label="Full name" autocomplete="off" values={p.values} error={err('victim.name')} />
        <Input
          name="victim.email"
          label="Email address"
          hint="Give an email address or a phone number, or both."
          type="email"
          spellcheck={false}
          values={p.values}
          error={err('victim.email')}
        />
        <Input
          name="victim.phone"
          label="Phone number"
          type="tel"
          width="govuk-input--width-20"
          values={p.values}
          error={err('victim.phone')}
        />
        <Input name="victim.street" label="Street where the problem happens (optional)" values={p.values} error={err('victim.street')} />
        <Radios
          name="victim.area"
          legend="Which area is it in?"
          legendSize="s"
          choices={p.areas.map((a) => ({ value: a.id, label: a.name }))}
          values={p.values}
          error={err('victim.area')}
        />
        <Textarea
          name="problem"
          label="What is the problem, and what has been done about it?"
          hint="Say what keeps happening, since when, and what the organisations you told did or did not do."
          rows={8}
          values={p.values}
          error={err('problem')}
        />
        <h2 class="govuk-heading-m">Complaints you have made</h2>
        {p.fromReports ? (
          <div class="govuk-inset-text">
            <p class="govuk-body">
              We have added what you told us through this website about report {p.fromReports.reference}: {p.fromReports.complaints.length}{' '}
              complaint{p.fromReports.complaints.length === 1 ? '' : 's'}.
            </p>
            <ul class="govuk-list govuk-list--bullet">
              {p.fromReports.complaints.map((c) => (
                <li>
                  Told us on {formatCalendarDate(c.madeOn)} about something that happened on {formatCalendarDate(c.incidentOn)}
                </li>
              ))}
            </ul>
            <p class="govuk-body">Add below any complaints you made another way, such as a phone call to the police.</p>
          </div>
        ) : null}
        <p class="govuk-body">
          List each time you complained, to any organisation. Leave rows you do not need blank. If there were more than {COMPLAINT_ROWS},
          describe the others above.
        </p>
        {Array.from({ length: COMPLAINT_ROWS }, (_, row) => (
          <fieldset class="govuk-fieldset portal-complaint">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Complaint {row + 1}</legend>
            <Input
              name={`complaints.${row}.incidentOn`}
              label="Date it happened"
              type="date"
              hint="For example, 2026-03-27"
              values={p.values}
              error={err(`complaints.${row}.incidentOn`)}
            />
            <Input
              name={`complaints.${row}.madeOn`}
              label="Date you complained"
              type="date"
              hint="For example, 2026-03-28"
              values={p.values}
              error={err(`complaints.${row}.madeOn`)}
            />
            <Select
              name={`complaints.${row}.to`}
              label="Who you complained to"
              choices={organisations}
              values={p.values}
              error={err(`complaints.${row}.to`)}
            />
            <Input
              name={`complaints.${row}.organisation`}
              label="Name of the other organisation, if it is not listed"
              values={p.values}
              error={err(`complaints.${row}.organisation`)}
            />
            <Input
              name={`complaints.${row}.reference`}
              label="Their reference, if you have one (optional)"
              width="govuk-input--width-20"
              values={p.values}
              error={err(`complaints.${row}.reference`)}
            />
          </fieldset>
        ))}
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Send application
        </button>
      </form>
    </>
  );
}
