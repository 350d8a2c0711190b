/**
 * "Add photos, recordings or documents": the page a resident reaches from their report's
 * confirmation or private link. The form posts one file straight to storage (an S3
 * presigned POST, so it works with JavaScript off) and storage sends the browser back
 * here; the enhancement script (EVIDENCE_FORM_SCRIPT) adds choosing several files, drag
 * and drop, progress bars and removing a file before it is sent. Every file is listed
 * with what became of it, a refused one with what to do.
 */
import { EVIDENCE_ACCEPT, EVIDENCE_LIMITS, EVIDENCE_TYPES_IN_WORDS, formatBytes } from '../contracts/evidence-types';
import type { EvidenceRow } from '../contracts/evidence';
import { printableName } from '../domain/evidence-problems';
import { ErrorSummary } from './form-components';
import { ColumnHeads } from './table-region';

/** The enhancement script's address, beside the form it enhances. */
export const EVIDENCE_FORM_SCRIPT = '/assets/evidence-form.js';

export interface EvidencePageView {
  reference: string;
  rows: EvidenceRow[];
  /** Files the report can still take. */
  remaining: number;
  closed: boolean;
  /** The upload form's address and hidden fields (absent when no more can be added). */
  upload?: { url: string; fields: Record<string, string> };
  /** The address the enhancement script asks for another upload's fields, and reads progress from. */
  grants: string;
  /** This page's own address (with its token), to look again after a file is checked. */
  refresh: string;
  /** The file storage just sent the browser back about: if it was refused, its problem heads the page. */
  justSent?: string;
}

const STATUS_TAG = { available: 'Added', refused: 'Not added', checking: 'Being checked' } as const;
const TAG_CLASS = { available: 'govuk-tag--green', refused: 'govuk-tag--red', checking: 'govuk-tag--yellow' } as const;

function FileRow({ row }: { row: EvidenceRow }) {
  return (
    <tr class="govuk-table__row" id={`file-${row.id}`}>
      <td class="govuk-table__cell portal-break-words">{printableName(row.name)}</td>
      <td class="govuk-table__cell">
        <strong class={`govuk-tag ${TAG_CLASS[row.status]}`}>{STATUS_TAG[row.status]}</strong>
      </td>
      <td class="govuk-table__cell">
        {row.status === 'available'
          ? `${row.label}, ${formatBytes(row.bytes)}`
          : row.status === 'refused'
            ? row.reason
            : 'We are checking it for viruses. This usually takes less than a minute.'}
      </td>
    </tr>
  );
}

export function EvidencePage({ view }: { view: EvidencePageView }) {
  const refused = view.rows.filter((r) => r.status === 'refused' && r.id === view.justSent);
  const checking = view.rows.some((r) => r.status === 'checking');
  return (
    <>
      {refused.length ? (
        <ErrorSummary errors={refused.map((r) => ({ href: `#file-${r.id}`, message: r.status === 'refused' ? r.reason : '' }))} />
      ) : null}
      <span class="govuk-caption-l">Report {view.reference}</span>
      <h1 class="govuk-heading-l">Add photos, recordings or documents</h1>
      <p class="govuk-body">
        You can add up to {EVIDENCE_LIMITS.files} files to your report: {EVIDENCE_TYPES_IN_WORDS}. Each file can be up to 20 MB.
      </p>
      <div class="govuk-inset-text">
        Location and camera details are removed from photos before anyone sees them. Every file is checked for viruses first. Only the
        people dealing with your report can open your files.
      </div>
      <h2 class="govuk-heading-m">Your files</h2>
      {view.rows.length ? (
        <table class="govuk-table" id="evidence-files">
          <caption class="govuk-table__caption govuk-visually-hidden">Files you have added to report {view.reference}</caption>
          <ColumnHeads columns={['File', 'Status', 'Details']} />
          <tbody class="govuk-table__body">
            {view.rows.map((row) => (
              <FileRow row={row} />
            ))}
          </tbody>
        </table>
      ) : (
        <p class="govuk-body" id="evidence-files">
          You have not added any files yet.
        </p>
      )}
      {checking ? (
        <p class="govuk-body">
          <a class="govuk-link" href={view.refresh}>
            Refresh this page
          </a>{' '}
          to see whether your file has been added.
        </p>
      ) : null}
      {view.closed ? (
        <p class="govuk-body">This report is closed, so no more files can be added to it.</p>
      ) : view.upload ? (
        <form
          method="post"
          action={view.upload.url}
          enctype="multipart/form-data"
          id="evidence-form"
          data-grants={view.grants}
          data-remaining={view.remaining}
        >
          {Object.entries(view.upload.fields).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <div class="govuk-form-group">
            <label class="govuk-label govuk-label--m" for="evidence-file">
              Choose a file
            </label>
            <div id="evidence-file-hint" class="govuk-hint">
              You can add {view.remaining === 1 ? '1 more file' : `${view.remaining} more files`}, one at a time. On a phone, you can take a
              photo or choose one from your gallery.
            </div>
            {/* The file is the form's last field: storage ignores any field after it. */}
            <input
              class="govuk-file-upload"
              id="evidence-file"
              name="file"
              type="file"
              accept={EVIDENCE_ACCEPT}
              aria-describedby="evidence-file-hint"
            />
          </div>
          <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            Upload file
          </button>
        </form>
      ) : (
        <p class="govuk-body">This report has {EVIDENCE_LIMITS.files} files, the most one report can have.</p>
      )}
      <p class="govuk-body">When you have finished adding files, you can close this page. Your report has already been sent.</p>
    </>
  );
}
