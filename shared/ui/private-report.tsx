/**
 * The resident's own page for their report, reached by its private link: what they told
 * us (all of it: it is theirs), where it has got to in plain words, when to expect the
 * next step, which organisations are dealing with it (never officers' names) and every
 * update officers sent. Rendered by the API; works with JavaScript off.
 */
import type { FieldError } from '../contracts/field-errors';
import type { Outcome, Status } from '../contracts/workflow-vocabulary';
import type { FormValues } from './form-components';
import { IncidentErrorSummary, IncidentForm } from './incident-form';
import { MessageErrorSummary, MessageForm } from './message-form';
import { formatLondonDateTime } from '../contracts/london-time';
import type { Row } from '../domain/describe-report';
import { DatedList, SuccessBanner, SummaryRows } from './dated-list';
import { OUTCOME_TEXT, STATUS_TEXT, type ResidentUpdate } from './status-check';
import { EvidenceInvitation } from './result-pages';

export interface PrivateReportView {
  reference: string;
  receivedAt: string;
  status: Status;
  outcome?: Outcome | undefined;
  /** The next step's target time, while the report is open. */
  dueAt?: string | undefined;
  /** The organisations dealing with it, by name. */
  dealingWith: string[];
  /** The organisations an incident added now is sent to, by name. */
  incidentsGoTo: string[];
  updates: readonly ResidentUpdate[];
  /** What the resident told us, as labelled rows. */
  answers: readonly Row[];
  /** What they added since ("Something else happened"), oldest first. */
  incidents: readonly { at: string; rows: readonly Row[] }[];
  /** The messages they sent the officers, oldest first. */
  messages: readonly { at: string; about: string; text: string }[];
  /** Files the resident added that passed every check. */
  evidenceFiles?: number | undefined;
  /** An ASB report told often enough that the resident may ask for a Case Review (or nearly). */
  caseReview?: 'meets' | 'nears' | undefined;
}

/** The incident form's state on this page: its address, and answers and problems to show again. */
export interface IncidentFormState {
  action: string;
  values?: FormValues;
  errors?: FieldError[];
  /** Just added: the organisations it was sent to. */
  sentTo?: string[];
  /** The page for adding files, with a token made for this visit. */
  evidenceLink?: string;
  /** The message form's answers and problems to show again, or that one was just sent. */
  message?: { values?: FormValues; errors?: FieldError[]; sent?: boolean };
}

const NEXT_STEP: Record<Exclude<Status, 'closed'>, string> = {
  new: 'An officer will look at your report and decide who should deal with it by',
  triaged: 'The organisation dealing with it should be chosen and start work by',
  assigned: 'The organisation dealing with it aims to act on it, or contact you if you said they could, by',
  'in-progress': 'The organisation dealing with it aims to act on it, or contact you if you said they could, by',
};

export function PrivateReport({ view, form }: { view: PrivateReportView; form?: IncidentFormState }) {
  const errors = form?.errors ?? [];
  const messageErrors = form?.message?.errors ?? [];
  return (
    <>
      {errors.length ? <IncidentErrorSummary errors={errors} /> : null}
      {messageErrors.length ? <MessageErrorSummary errors={messageErrors} /> : null}
      {form?.message?.sent ? <SuccessBanner id="sent-title">We have sent your message to the partnership's officers.</SuccessBanner> : null}
      {form?.sentTo ? (
        <SuccessBanner id="added-title">
          We have added it to your report{form.sentTo.length ? ` and sent it to ${form.sentTo.join(', ')}` : ''}.
        </SuccessBanner>
      ) : null}
      <span class="govuk-caption-l">Your report</span>
      <h1 class="govuk-heading-l">Report {view.reference}</h1>
      <p class="govuk-body">Sent {formatLondonDateTime(view.receivedAt)}.</p>
      <h2 class="govuk-heading-m">Progress</h2>
      <p class="govuk-body" id="report-status">
        {STATUS_TEXT[view.status]}
        {view.outcome ? ` ${OUTCOME_TEXT[view.outcome]}` : ''}
      </p>
      {view.status !== 'closed' && view.dueAt ? (
        <p class="govuk-body" id="report-next-step">
          {NEXT_STEP[view.status]} {formatLondonDateTime(view.dueAt)}.
        </p>
      ) : null}
      {view.status === 'closed' ? (
        <p class="govuk-body">
          If the problem carries on,{' '}
          <a class="govuk-link" href="/report/">
            make a new report
          </a>{' '}
          and mention reference {view.reference}.
        </p>
      ) : null}
      {view.caseReview ? (
        <div class="govuk-inset-text" id="report-case-review">
          <p class="govuk-body">
            {view.caseReview === 'meets'
              ? 'You have told us about this problem several times. If you feel it has not been dealt with, you may be able to ask for an ASB Case Review: the partnership looks again at how it was handled.'
              : 'If this problem carries on and you feel it has not been dealt with, you may be able to ask for an ASB Case Review: the partnership looks again at how it was handled.'}
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href="/case-review/">
              Find out about the ASB Case Review
            </a>
          </p>
          {form ? (
            <p class="govuk-body">
              <a class="govuk-link" href={`${form.action}/case-review`} id="apply-for-case-review">
                Apply for an ASB Case Review
              </a>{' '}
              (what you told us here is added for you)
            </p>
          ) : null}
        </div>
      ) : null}
      <h2 class="govuk-heading-m">Who is dealing with it</h2>
      {view.dealingWith.length ? (
        <ul class="govuk-list govuk-list--bullet" id="report-dealing-with">
          {view.dealingWith.map((name) => (
            <li>{name}</li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">The partnership's community safety team.</p>
      )}
      <h2 class="govuk-heading-m">Updates we have sent you</h2>
      {view.updates.length ? (
        <DatedList id="report-updates" entries={view.updates.map((u) => ({ at: u.at, text: u.message }))} />
      ) : (
        <p class="govuk-body">No updates yet. Updates appear here, and by email if you gave us an address.</p>
      )}
      <h2 class="govuk-heading-m">What you told us</h2>
      <SummaryRows rows={view.answers} id="report-answers" />
      {view.incidents.length ? (
        <>
          <h2 class="govuk-heading-m">What you have told us since</h2>
          <ol class="govuk-list" id="report-incidents">
            {view.incidents.map((incident) => (
              <li>
                <h3 class="govuk-heading-s">Added {formatLondonDateTime(incident.at)}</h3>
                <SummaryRows rows={incident.rows} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {view.messages.length ? (
        <>
          <h2 class="govuk-heading-m">Messages you have sent</h2>
          <DatedList id="report-messages" entries={view.messages} />
        </>
      ) : null}
      {form?.evidenceLink && view.status !== 'closed' ? (
        <EvidenceInvitation href={form.evidenceLink} files={view.evidenceFiles ?? 0} />
      ) : null}
      {form && view.status !== 'closed' ? <IncidentForm action={form.action} values={form.values} errors={errors} /> : null}
      {form ? <MessageForm action={`${form.action}/messages`} values={form.message?.values} errors={messageErrors} /> : null}
      <div class="govuk-inset-text">
        Keep this link private: anyone who has it can read your report. If you are in danger or a crime is happening now, call 999. For
        anything else that needs the police, call 101.
      </div>
    </>
  );
}
