/** One report: its summary, what the resident told us, the timeline, and the actions the user's role allows. */
import { REVIEW_STATE_LABELS, type ReviewState } from '../../../../shared/contracts/case-review';
import { DatedList } from '../../../../shared/ui/dated-list';
import { ColumnHeads, ScrollRegion } from '../../../../shared/ui/table-region';
import { formatCalendarDate as calendarDay } from '../../../../shared/contracts/london-time';
import type { ComponentChildren } from 'preact';
import { describeReport } from '../../../../shared/domain/describe-report';
import { Lines } from '../../../../shared/ui/lines';
import { labels, workspaceProfile } from './labels';
import { formatBytes } from '../../../../shared/contracts/evidence-types';
import { type Answer, type Body, officerApi } from './client';
import { ApiError, announce, announceFailure, due, roleOf, show, showSignedIn, signedIn, when } from './session';

type Case = Answer<'getCase'>;
type Action<Name> = Extract<Body<'caseAction'>, { action: Name }>;

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** What a resident told us (a report or an incident), as labelled rows at the reader's data level. */
function Answers({ report }: { report: Case['report'] }) {
  return (
    <dl class="govuk-summary-list">
      {describeReport(report, workspaceProfile).map((r) => (
        <Row label={r.label}>
          <Lines text={r.value} />
        </Row>
      ))}
    </dl>
  );
}

/** A timeline, oldest first; a case's names the report of each line. */
function Timeline({ id, entries }: { id: string; entries: (Case['timeline'][number] & { reference?: string })[] }) {
  return (
    <ol class="govuk-list workspace-timeline" id={id}>
      {entries.map((t) => (
        <li>
          <span class="govuk-body-s">
            {when(t.at)}
            {t.reference ? ` · ${t.reference}` : ''}
            {t.by ? ` · ${t.by}` : ''}
          </span>
          <br />
          {t.kind === 'note' ? <strong>Note: </strong> : null}
          {t.text}
        </li>
      ))}
    </ol>
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

/** The case the report is linked into: its reports, every incident in the order it happened, and one timeline. */
/** Unlinking stays open once a report is closed: a wrong link can always be undone. */
function CaseFile({ file, self }: { file: NonNullable<Case['case']>; self: string }) {
  return (
    <section aria-labelledby="case-heading" id="case">
      <h2 class="govuk-heading-m" id="case-heading">
        Case of {file.reports} reports
      </h2>
      <p class="govuk-body">
        {file.incidents === 1 ? '1 incident' : `${file.incidents} incidents`}, the latest received {when(file.latestAt)}. Each report keeps
        its own partners and retention.
      </p>
      <ul class="govuk-list" id="case-members">
        {file.members.map((m) => (
          <li>
            {m.reference === self ? (
              <strong>{m.reference} (this report)</strong>
            ) : (
              <a class="govuk-link" href={`/officer/report/?ref=${m.reference}`}>
                {m.reference}
              </a>
            )}
            : {labels.status(m.status)}, received {when(m.createdAt)}.{' '}
            {m.relation
              ? `${labels.relation(m.relation)}, linked by ${m.linkedBy} on ${when(m.linkedAt)}.`
              : 'The first report of the case.'}
          </li>
        ))}
      </ul>
      <form data-action="unlink">
        <button class="govuk-button govuk-button--secondary" type="submit">
          Unlink this report from the case
        </button>
      </form>
      <h3 class="govuk-heading-s">Every incident in the case, in the order it happened</h3>
      <ol class="govuk-list" id="case-incidents">
        {file.happened.map((h) => (
          <li>
            <h4 class="govuk-heading-s">
              {h.added ? 'Added to' : 'Reported in'} {h.reference} by {h.reportedBy}, received {when(h.at)}
            </h4>
            <Answers report={h.incident} />
          </li>
        ))}
      </ol>
      <h3 class="govuk-heading-s">The case's timeline</h3>
      <Timeline id="case-timeline" entries={file.timeline} />
    </section>
  );
}

const MET_BY: Record<string, string> = {
  complaints: 'enough qualifying complaints',
  'hate-incident': 'a qualifying hate incident (the local rule)',
  'same-place': 'complaints from enough different people about one place (the local rule)',
};

/** The ASB Case Review threshold as the portal's own complaints stand: shown, for an officer to judge. */
/** The ASB Case Review applications this report, or another of its case, came with. */
function CaseReviewApplications({ applications }: { applications: NonNullable<Case['caseReviews']> }) {
  return (
    <div class="govuk-inset-text" id="case-review-applications">
      <p class="govuk-body">An application for an ASB Case Review lists this report, or another report of its case:</p>
      <ul class="govuk-list">
        {applications.map((a) => (
          <li>
            <a class="govuk-link" href={`/officer/case-review/?ref=${encodeURIComponent(a.reference)}`}>
              {a.reference}
            </a>{' '}
            ({REVIEW_STATE_LABELS[a.state as ReviewState] ?? a.state})
          </li>
        ))}
      </ul>
    </div>
  );
}

function CaseReviewCheck({ check }: { check: NonNullable<Case['caseReview']> }) {
  return (
    <section aria-labelledby="case-review-heading" id="case-review">
      <h2 class="govuk-heading-m" id="case-review-heading">
        ASB Case Review threshold
      </h2>
      <p class="govuk-body" id="case-review-summary">
        {check.met
          ? `The portal's own complaints meet the local threshold: ${MET_BY[check.metBy ?? 'complaints']}.`
          : `The portal's own complaints do not meet the local threshold yet: ${check.counted} of ${check.needed} qualifying complaints.`}{' '}
        This is a check, not a decision. Complaints made elsewhere (a call to the police, an email to a landlord) are not here.
      </p>
      <ScrollRegion label="Complaints checked against the threshold">
        <table class="govuk-table workspace-table">
          <caption class="govuk-table__caption govuk-table__caption--s">Each complaint, oldest first</caption>
          <ColumnHeads columns={['Report', 'Happened', 'Told us', 'Counts']} />
          <tbody class="govuk-table__body">
            {check.complaints.map((c) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">{c.reference}</td>
                <td class="govuk-table__cell">{calendarDay(c.incidentOn)}</td>
                <td class="govuk-table__cell">{calendarDay(c.madeOn)}</td>
                <td class="govuk-table__cell">{c.qualifies ? 'Yes' : `No. ${c.reasons.join(' ')}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

/**
 * The resident's files: each with what the scan and cleaning did, a photo shown on request
 * and any file downloaded through an address made for this user (each opening is audited).
 */
function Files({ c }: { c: Case }) {
  if (c.evidenceWithheld)
    return (
      <>
        <h2 class="govuk-heading-m">Files from the resident</h2>
        <p class="govuk-body" id="evidence">
          The resident added {c.evidenceWithheld === 1 ? '1 file' : `${c.evidenceWithheld} files`} to this report. Your organisation's
          access does not include them: ask the partnership's officers if you need them.
        </p>
      </>
    );
  if (!c.evidence?.length) return null;
  return (
    <>
      <h2 class="govuk-heading-m">Files from the resident</h2>
      <p class="govuk-body">
        Each file was checked for viruses before it was kept. Opening or downloading one is recorded in the audit trail.
      </p>
      <ul class="govuk-list" id="evidence">
        {c.evidence.map((f) => (
          <li class="workspace-evidence">
            <h3 class="govuk-heading-s workspace-break-words">{f.name}</h3>
            <p class="govuk-body-s">
              {f.label}, {formatBytes(f.bytes)}, added {when(f.addedAt)}. Virus check: {f.scan}. {f.cleaned}
            </p>
            {f.kind === 'photo' ? (
              <button
                type="button"
                class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                data-evidence={f.id}
                data-show="true"
              >
                Show photo<span class="govuk-visually-hidden"> {f.name}</span>
              </button>
            ) : null}{' '}
            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" data-evidence={f.id}>
              Download<span class="govuk-visually-hidden"> {f.name}</span>
            </button>
            <div data-preview={f.id} />
          </li>
        ))}
      </ul>
    </>
  );
}

function Detail({ c, linkable }: { c: Case; linkable: boolean }) {
  return (
    <>
      {c.case ? <CaseFile file={c.case} self={c.reference} /> : null}
      {c.caseReviews?.length ? <CaseReviewApplications applications={c.caseReviews} /> : null}
      {c.caseReview?.complaints.length ? <CaseReviewCheck check={c.caseReview} /> : null}
      <h2 class="govuk-heading-m">What the resident told us</h2>
      <Answers report={c.report} />
      {/* In a case, the case lists this report's incidents with every other's. */}
      {c.incidents.length && !c.case ? (
        <>
          <h2 class="govuk-heading-m">What the resident has added since</h2>
          <ol class="govuk-list" id="incidents">
            {c.incidents.map((i) => (
              <li>
                <h3 class="govuk-heading-s">Added {when(i.at)}</h3>
                <Answers report={i.incident} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <Files c={c} />
      {c.related?.length ? (
        <>
          <h2 class="govuk-heading-m">Possibly the same problem</h2>
          <p class="govuk-body">
            Other reports with the same contact details or the same street and area. Open each to judge, then link the ones that belong to
            this case.
          </p>
          <ul class="govuk-list" id="related">
            {c.related.map((r) => (
              <li>
                <a class="govuk-link" href={`/officer/report/?ref=${r.reference}`}>
                  {r.reference}
                </a>
                , received {when(r.createdAt)}: same {r.same.join(' and ')}
                {linkable ? (
                  <form data-action="link" class="workspace-inline-form">
                    <input type="hidden" name="to" value={r.reference} />
                    <input type="hidden" name="relation" value="same-problem" />
                    <button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" type="submit">
                      Link {r.reference} as the same problem
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {c.messages?.length ? (
        <>
          <h2 class="govuk-heading-m">Messages from the resident</h2>
          <DatedList id="messages" entries={c.messages} when={when} />
        </>
      ) : null}
      <h2 class="govuk-heading-m">Timeline</h2>
      <Timeline id="timeline" entries={c.timeline} />
    </>
  );
}

const session = await signedIn();
showSignedIn(session);
const reference = new URLSearchParams(location.search).get('ref') ?? '';
let current: Case | undefined;

async function load() {
  try {
    const c = await officerApi('getCase', { params: { reference } });
    current = c;
    document.getElementById('report-heading')!.textContent = `Report ${c.reference}`;
    document.title = `Report ${c.reference} - ${document.title.split(' - ').slice(1).join(' - ')}`;
    show(document.getElementById('case-summary')!, <Summary c={c} />);
    // Linking is for open reports; partner users link the reports their organisation received.
    show(document.getElementById('case-detail')!, <Detail c={c} linkable={c.status !== 'closed'} />);
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
    offer('link-form', role.officer && c.residentLink === true);
  } catch (error) {
    show(document.getElementById('case-summary')!, null);
    announceFailure(error, 'The report could not be loaded. Check your connection and reload the page.');
  }
}

/**
 * The change a form asks for, or what is missing. Values come from the page's own radios
 * and selects, which offer only the contract's choices; the API checks them again.
 */
function actionFrom(form: HTMLFormElement, version: number): Body<'caseAction'> | string {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '');
  switch (form.dataset.action) {
    case 'grade':
      return value('risk') ? { action: 'grade', version, risk: value('risk') as Action<'grade'>['risk'] } : 'Choose a risk grade.';
    case 'assign':
      return { action: 'assign', version, partnerId: value('partnerId') };
    case 'start':
      return { action: 'start', version };
    case 'close':
      return { action: 'close', version, outcome: value('outcome') as Action<'close'>['outcome'] };
    case 'note':
      return { action: 'note', text: value('text'), shareWithPartners: value('shareWithPartners') === 'true' };
    case 'replace-link':
      return { action: 'replace-link', version };
    case 'link':
      if (!value('to').trim()) return 'Enter the reference of the report to link.';
      if (!value('relation')) return 'Choose how the reports are related.';
      return { action: 'link', version, to: value('to'), relation: value('relation') as Action<'link'>['relation'] };
    case 'unlink':
      return { action: 'unlink', version };
    default:
      return { action: 'update-resident', message: value('message') };
  }
}

// One listener for every action form, the ones drawn with the report (linking from a suggestion, unlinking) included.
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.action) return;
  {
    event.preventDefault();
    if (!current) return;
    const body = actionFrom(form, current.version);
    if (typeof body === 'string') return announce(<p class="govuk-body">{body}</p>, 'error');
    const button = form.querySelector('button')!;
    button.disabled = true;
    try {
      const result = await officerApi('caseAction', { params: { reference }, body });
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
  }
});
// Showing or downloading a file: an address made for this request (the API audits it first).
document.addEventListener('click', async (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-evidence]');
  if (!button || !current) return;
  const id = button.dataset.evidence!;
  const file = current.evidence?.find((f) => f.id === id);
  if (!file) return;
  button.disabled = true;
  try {
    const download = button.dataset.show !== 'true';
    const query = download ? new URLSearchParams({ download: 'true' }) : undefined;
    const { url } = await officerApi('openEvidence', { params: { reference, id }, ...(query ? { query } : {}) });
    if (download) {
      location.assign(url);
      return;
    }
    const image = document.createElement('img');
    image.src = url;
    image.alt = `Photo from the resident: ${file.name}`;
    image.className = 'workspace-evidence__photo';
    document.querySelector(`[data-preview="${id}"]`)?.replaceChildren(image);
    button.hidden = true;
  } catch (error) {
    announceFailure(error, 'The file could not be opened. Check your connection and try again.');
  } finally {
    button.disabled = false;
  }
});
void load();
