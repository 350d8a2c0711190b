/** One report: its summary, what the resident told us, the timeline, and the actions the user's role allows. */
import type { ComponentChildren } from 'preact';
import { bundledProfile } from '../../../../shared/config/bundled-profile';
import { describeReport } from '../../../../shared/domain/describe-report';
import { Lines } from '../../../../shared/ui/lines';
import { labels } from './labels';
import { ApiError, announce, announceFailure, api, due, roleOf, show, showSignedIn, signedIn, when } from './session';

interface Case {
  reference: string;
  version: number;
  status: string;
  risk?: string;
  dueAt: string;
  overdue: boolean;
  assignedPartner?: string;
  outcome?: string;
  flags: string[];
  createdAt: string;
  dataLevel: string;
  report: Parameters<typeof describeReport>[0];
  routes: { partnerId: string; dataLevel: string }[];
  residentEmail?: boolean;
  timeline: { at: string; kind: string; text: string; by?: string }[];
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function Summary({ c }: { c: Case }) {
  return (
    <dl class="govuk-summary-list workspace-case">
      <Row label="Status">
        <strong class={`govuk-tag workspace-tag--${c.status}`} id="case-status">
          {labels.status(c.status)}
        </strong>
        {c.outcome ? ` ${labels.outcome(c.outcome)}` : ''}
      </Row>
      <Row label="Risk">{c.risk ? <span id="case-risk">{labels.risk(c.risk)}</span> : 'Not graded yet'}</Row>
      <Row label="Response due">
        {due(c.dueAt)}
        {c.overdue ? (
          <>
            {' '}
            <strong class="govuk-tag govuk-tag--red">Overdue</strong>
          </>
        ) : null}
      </Row>
      <Row label="Flags">
        {c.flags.length
          ? c.flags.map((f) => (
              <>
                <strong class="govuk-tag govuk-tag--orange">{labels.flag(f)}</strong>{' '}
              </>
            ))
          : 'None'}
      </Row>
      <Row label="Assigned to">{c.assignedPartner ? labels.partner(c.assignedPartner) : 'Nobody yet'}</Row>
      <Row label="Sent to">{c.routes.map((r) => `${labels.partner(r.partnerId)} (${r.dataLevel})`).join(', ')}</Row>
      <Row label="Received">{when(c.createdAt)}</Row>
    </dl>
  );
}

function Detail({ c }: { c: Case }) {
  return (
    <>
      <h2 class="govuk-heading-m">What the resident told us</h2>
      <dl class="govuk-summary-list">
        {describeReport(c.report, bundledProfile).map((r) => (
          <Row label={r.label}>
            <Lines text={r.value} />
          </Row>
        ))}
      </dl>
      <h2 class="govuk-heading-m">Timeline</h2>
      <ol class="govuk-list workspace-timeline" id="timeline">
        {c.timeline.map((t) => (
          <li>
            <span class="govuk-body-s">
              {when(t.at)}
              {t.by ? ` · ${t.by}` : ''}
            </span>
            <br />
            {t.kind === 'note' ? <strong>Note: </strong> : null}
            {t.text}
          </li>
        ))}
      </ol>
    </>
  );
}

const session = await signedIn();
showSignedIn(session);
const reference = new URLSearchParams(location.search).get('ref') ?? '';
let current: Case | undefined;

async function load() {
  try {
    const c = await api<Case>(`/api/officer/reports/${encodeURIComponent(reference)}`);
    current = c;
    document.getElementById('report-heading')!.textContent = `Report ${c.reference}`;
    document.title = `Report ${c.reference} - ${document.title.split(' - ').slice(1).join(' - ')}`;
    show(document.getElementById('case-summary')!, <Summary c={c} />);
    show(document.getElementById('case-detail')!, <Detail c={c} />);
    document.getElementById('case-actions')!.hidden = c.status === 'closed';
    // Only what this user's role allows (the API refuses the rest): partner users note their
    // work, and start or close what is assigned to their own organisation.
    const role = roleOf(session);
    const ownCase = role.partnerId !== undefined && c.assignedPartner === role.partnerId;
    const offer = (id: string, visible: boolean) => {
      (document.getElementById(id) as HTMLElement).hidden = !visible;
    };
    offer('grade-form', role.officer);
    offer('assign-form', role.officer);
    offer('start-form', role.officer || ownCase);
    offer('close-form', role.officer || ownCase);
    offer('note-share-group', role.officer);
    offer('update-form', role.officer && c.residentEmail === true);
  } catch (error) {
    show(document.getElementById('case-summary')!, null);
    announceFailure(error, 'The report could not be loaded. Check your connection and reload the page.');
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-action]')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!current) return;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const action = form.dataset.action!;
    const body: Record<string, unknown> = { action, ...data };
    if (!['note', 'update-resident'].includes(action)) body.version = current.version;
    if (action === 'note') body.shareWithPartners = data.shareWithPartners === 'true';
    if (action === 'grade' && !data.risk) return announce(<p class="govuk-body">Choose a risk grade.</p>, 'error');
    const button = form.querySelector('button')!;
    button.disabled = true;
    try {
      const result = await api<{ message: string }>(`/api/officer/reports/${encodeURIComponent(reference)}/actions`, { body });
      form.reset();
      await load();
      announce(result.message);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409)
        announce(
          <>
            <p class="govuk-body">{error.message}</p>
            <p class="govuk-body">
              <a class="govuk-link" href={location.href}>
                Reload the report
              </a>
            </p>
          </>,
          'error',
        );
      else announceFailure(error, 'That did not work. Check your connection and try again: nothing was changed.');
    } finally {
      button.disabled = false;
    }
  });
}
void load();
