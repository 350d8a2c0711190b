/**
 * One ASB Case Review application. Officers see the threshold checked against every
 * complaint (shown, never decided), each step with its due time, and record the next step
 * in a form of its own; partners named add their record of contact. Every change names
 * the version loaded, so a change made meanwhile by someone else is refused, never lost.
 */
import type { ComponentChildren } from 'preact';
import { formatCalendarDate } from '../../../../shared/contracts/london-time';
import { APPLICANT_ROLE_LABELS, type ApplicantRole } from '../../../../shared/contracts/case-review';
import { Input, Radios, Select, Textarea } from '../../../../shared/ui/form-components';
import { Lines } from '../../../../shared/ui/lines';
import { ScrollRegion } from '../../../../shared/ui/table-region';
import { type Answer, type Body, officerApi } from './client';
import { labels, workspaceProfile } from './labels';
import { announce, announceFailure, due, roleOf, show, showSignedIn, signedIn, when } from './session';

type Review = Answer<'getCaseReview'>;
type Action = Body<'caseReviewAction'>;

const reference = new URLSearchParams(location.search).get('ref') ?? '';
const RECOMMENDATION_ROWS = 3;

function Rows({ rows }: { rows: [string, ComponentChildren][] }) {
  return (
    <dl class="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{key}</dt>
          <dd class="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Threshold({ t }: { t: Review['threshold'] }) {
  return (
    <>
      <h2 class="govuk-heading-m" id="threshold">
        The threshold, checked
      </h2>
      <p class="govuk-body" id="threshold-summary">
        {t.counted} of {t.needed} qualifying complaints counted{t.met ? ': the local threshold appears to be met' : ''}. This is a check to
        help you decide, not a decision: record the decision below.
      </p>
      <ScrollRegion label="Complaints checked">
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">Each complaint against the local rules</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Happened
              </th>
              <th scope="col" class="govuk-table__header">
                Complained
              </th>
              <th scope="col" class="govuk-table__header">
                To
              </th>
              <th scope="col" class="govuk-table__header">
                Counts?
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {t.complaints.length === 0 ? (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell" colspan={4}>
                  The application lists no complaints. An officer still decides it.
                </td>
              </tr>
            ) : (
              t.complaints.map((c) => (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">{formatCalendarDate(c.incidentOn)}</td>
                  <td class="govuk-table__cell">{formatCalendarDate(c.madeOn)}</td>
                  <td class="govuk-table__cell">
                    {c.to}
                    {c.reference ? ` (${c.reference})` : ''}
                  </td>
                  <td class="govuk-table__cell">{c.qualifies ? 'Yes' : `No. ${c.reasons.join(' ')}`}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

/** A form for one step: its fields, a submit button, and the action it sends. */
function StepForm({
  id,
  title,
  children,
  button,
  onSubmit,
}: {
  id: string;
  title: string;
  children?: ComponentChildren;
  button: string;
  onSubmit: (form: FormData) => Action;
}) {
  return (
    <form
      id={id}
      class="workspace-action"
      novalidate
      onSubmit={(event) => {
        event.preventDefault();
        void send(onSubmit(new FormData(event.currentTarget)));
      }}
    >
      <h3 class="govuk-heading-s">{title}</h3>
      {children}
      <button class="govuk-button" type="submit">
        {button}
      </button>
    </form>
  );
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
/** The step forms start empty each time the application is drawn. */
const EMPTY = {};
const Field = ({ name, label, type = 'text' }: { name: string; label: string; type?: 'text' | 'date' }) => (
  <Input name={name} label={label} type={type} values={EMPTY} />
);
const Area = ({ name, label }: { name: string; label: string }) => <Textarea name={name} label={label} rows={4} values={EMPTY} />;

/** The next step's form for officers, as the application's state allows. */
function NextStep({ r }: { r: Review }) {
  const version = r.summary.version;
  const state = r.summary.state;
  if (state === 'received')
    return (
      <StepForm
        id="acknowledge-form"
        title="Acknowledge the application"
        button="Acknowledge and email the applicant"
        onSubmit={() => ({ action: 'acknowledge', version })}
      />
    );
  if (state === 'acknowledged')
    return (
      <StepForm
        id="decide-form"
        title="Decide whether the threshold is met"
        button="Record the decision and email the applicant"
        onSubmit={(f) => ({ action: 'decide', version, met: text(f, 'met') === 'yes', reasons: text(f, 'reasons') })}
      >
        <Radios
          name="met"
          legend="Is the threshold met?"
          legendSize="s"
          small
          choices={[
            { value: 'yes', label: 'Met' },
            { value: 'no', label: 'Not met' },
          ]}
          values={EMPTY}
        />
        <Area name="reasons" label="Reasons (the applicant is sent them)" />
      </StepForm>
    );
  const escalate = (
    <StepForm
      id="escalation-form"
      title="The applicant asks for it to be looked at again"
      button="Record the request"
      onSubmit={(f) => ({ action: 'request-escalation', version, reason: text(f, 'reason') })}
    >
      <Area name="reason" label="What they ask and why" />
    </StepForm>
  );
  if (state === 'decided' && r.decision?.met)
    return (
      <StepForm
        id="review-form"
        title="Record the review meeting"
        button="Record the meeting"
        onSubmit={(f) => ({ action: 'hold-review', version, heldOn: text(f, 'heldOn') })}
      >
        <Field name="heldOn" label="Date of the meeting" type="date" />
      </StepForm>
    );
  if (state === 'review-held')
    return (
      <StepForm
        id="outcome-form"
        title="Send the outcome"
        button="Send the outcome to the applicant"
        onSubmit={(f) => ({
          action: 'send-outcome',
          version,
          summary: text(f, 'summary'),
          recommendations: Array.from({ length: RECOMMENDATION_ROWS }, (_, i) => ({
            text: text(f, `rec-${i}`),
            owner: text(f, `owner-${i}`),
            dueOn: text(f, `due-${i}`),
          })).filter((rec) => rec.text.trim() !== ''),
        })}
      >
        <Area name="summary" label="What the review found (the applicant is sent it)" />
        {Array.from({ length: RECOMMENDATION_ROWS }, (_, i) => (
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Recommendation {i + 1} (optional)</legend>
            <Field name={`rec-${i}`} label="Recommendation" />
            <Select
              name={`owner-${i}`}
              label="Owner"
              choices={workspaceProfile.partners.map((p) => ({ value: p.id, label: p.name }))}
              values={EMPTY}
            />
            <Field name={`due-${i}`} label="Due by" type="date" />
          </fieldset>
        ))}
      </StepForm>
    );
  if ((state === 'decided' && r.decision?.met === false) || state === 'outcome-sent') return escalate;
  if (state === 'escalation-requested')
    return (
      <StepForm
        id="escalation-outcome-form"
        title="Record the escalation's outcome"
        button="Record and email the applicant"
        onSubmit={(f) => ({ action: 'decide-escalation', version, summary: text(f, 'summary') })}
      >
        <Area name="summary" label="What was decided (the applicant is sent it)" />
      </StepForm>
    );
  return <p class="govuk-body">Every step is done.</p>;
}

function ReviewPage({ r, partner }: { r: Review; partner: boolean }) {
  // The form's choices speak as the applicant ("I am the victim"); here the officer reads them.
  const who = (role: string) => (role === 'victim' ? 'The victim' : (APPLICANT_ROLE_LABELS[role as ApplicantRole] ?? role));
  return (
    <>
      <Rows
        rows={[
          ['Received', when(r.summary.receivedAt)],
          ['Area', labels.area(r.victim.area)],
          [
            'Who applied',
            `${who(r.applicant.role)}${r.applicant.name ? `: ${r.applicant.name}` : ''}${r.applicant.consent ? ' (with the victim’s consent)' : ''}`,
          ],
          ...(r.applicant.email || r.applicant.phone
            ? ([['Applicant’s contact', [r.applicant.email, r.applicant.phone].filter(Boolean).join(', ')]] as [string, string][])
            : []),
          ...(r.victim.name
            ? ([['Victim', [r.victim.name, r.victim.email, r.victim.phone, r.victim.street].filter(Boolean).join(', ')]] as [
                string,
                string,
              ][])
            : []),
          ['Your data level', r.dataLevel],
        ]}
      />
      {r.problem ? (
        <>
          <h2 class="govuk-heading-m">The problem</h2>
          <p class="govuk-body">
            <Lines text={r.problem} />
          </p>
        </>
      ) : null}
      <Threshold t={r.threshold} />
      <h2 class="govuk-heading-m">Steps</h2>
      <ol class="govuk-list govuk-list--number" id="review-steps">
        {r.steps.map((s) => (
          <li>
            {s.label}: {s.doneAt ? `done ${when(s.doneAt)}` : s.dueAt ? `due ${due(s.dueAt)}` : 'not yet'}
            {s.overdue ? (
              <>
                {' '}
                <strong class="govuk-tag govuk-tag--red">Overdue</strong>
              </>
            ) : null}
          </li>
        ))}
      </ol>
      {r.decision ? (
        <p class="govuk-body" id="review-decision">
          Threshold {r.decision.met ? 'met' : 'not met'} ({r.decision.by}, {when(r.decision.at)})
          {r.decision.reasons ? `: ${r.decision.reasons}` : '.'}
        </p>
      ) : null}
      {r.outcome ? (
        <p class="govuk-body">
          Outcome sent {when(r.outcome.at)}
          {r.outcome.summary ? `: ${r.outcome.summary}` : '.'}
        </p>
      ) : null}
      <h2 class="govuk-heading-m">Recommendations</h2>
      {r.recommendations.length === 0 ? (
        <p class="govuk-body">None recorded.</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet" id="review-recommendations">
          {r.recommendations.map((rec, index) => (
            <li>
              {rec.text}: {rec.owner}, by {formatCalendarDate(rec.dueOn)}.{' '}
              {rec.doneAt ? (
                <strong class="govuk-tag govuk-tag--green">
                  Done {when(rec.doneAt)}
                  {rec.doneBy ? `, ${rec.doneBy}` : ''}
                </strong>
              ) : (
                <>
                  {rec.overdue ? <strong class="govuk-tag govuk-tag--red">Overdue</strong> : null}{' '}
                  {!partner || rec.ownerId === partnerId ? (
                    <button
                      type="button"
                      class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={() => void send({ action: 'complete-recommendation', version: r.summary.version, index })}
                    >
                      Mark as done<span class="govuk-visually-hidden">: {rec.text}</span>
                    </button>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {r.escalation ? (
        <p class="govuk-body">
          Escalation requested {when(r.escalation.requestedAt)}
          {r.escalation.reason ? `: ${r.escalation.reason}` : ''}
          {r.escalation.outcome ? `. Outcome: ${r.escalation.outcome}` : ''}
        </p>
      ) : null}
      <h2 class="govuk-heading-m">Partners’ records of contact</h2>
      {r.contacts.length === 0 ? (
        <p class="govuk-body">None yet.</p>
      ) : (
        <ul class="govuk-list" id="review-contacts">
          {r.contacts.map((c) => (
            <li>
              <strong>{c.partner}</strong> ({c.by}, {when(c.at)}): {c.text}
            </li>
          ))}
        </ul>
      )}
      <h2 class="govuk-heading-m">{partner ? 'Add your record of contact' : 'Next step'}</h2>
      {partner ? (
        <StepForm
          id="contact-form"
          title="Your organisation’s contact with the victim"
          button="Add the record"
          onSubmit={(f) => ({ action: 'record-contact', text: text(f, 'contact') })}
        >
          <Area name="contact" label="What your records show: dates, what was done" />
        </StepForm>
      ) : (
        <NextStep r={r} />
      )}
      <h2 class="govuk-heading-m">Trail</h2>
      <ul class="govuk-list" id="review-trail">
        {r.trail.map((t) => (
          <li>
            {when(t.at)}: {t.what} ({t.who})
          </li>
        ))}
      </ul>
    </>
  );
}

const session = await signedIn();
showSignedIn(session);
const partner = !roleOf(session).officer;
const partnerId = roleOf(session).partnerId;

async function load(): Promise<void> {
  try {
    const review = await officerApi('getCaseReview', { params: { reference } });
    document.getElementById('review-heading')!.textContent = `ASB Case Review ${review.summary.reference}`;
    show(document.getElementById('review')!, <ReviewPage r={review} partner={partner} />);
  } catch (error) {
    announceFailure(error, 'The application could not be loaded. Reload the page.');
  }
}

async function send(action: Action): Promise<void> {
  try {
    await officerApi('caseReviewAction', { params: { reference }, body: action });
    await load();
    announce(<p class="govuk-body">Recorded.</p>);
  } catch (error) {
    announceFailure(error, 'That was not recorded. Try again.');
  }
}

await load();
