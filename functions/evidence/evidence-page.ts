/**
 * Use case: a resident opens the page for adding files to their report, with the upload
 * token their confirmation page or private link gave them. The token must name this
 * report and be unexpired; the page then lists every file with what became of it, adds
 * the one storage just sent them back about (while it is checked), and grants one more
 * upload while the report is open and has room.
 */
import { EVIDENCE_LIMITS, EVIDENCE_TYPES } from '../../shared/contracts/evidence-types';
import { parseReference } from '../../shared/domain/reference';
import type { EvidenceRow } from '../../shared/contracts/evidence';
import type { ReportStore } from '../reports/ports';
import type { EvidenceFiles, EvidenceStore, UploadGrant } from './ports';
import { FILE_NAME_PLACEHOLDER, parseUploadKey, UPLOAD_PREFIX } from './records';
import { evidencePath, readUploadToken } from './upload-token';

/** How long one upload's fields work: enough for 20 MB on a slow phone connection. */
const UPLOAD_SECONDS = 30 * 60;

export interface EvidencePageDependencies {
  files: Pick<EvidenceFiles, 'grantUpload'>;
  evidence: Pick<EvidenceStore, 'list'>;
  reports: Pick<ReportStore, 'get'>;
  secret: () => Promise<string>;
  now: () => Date;
  siteUrl: string;
  newId: () => string;
}

export type EvidencePageResult =
  | {
      kind: 'open';
      reference: string;
      rows: EvidenceRow[];
      remaining: number;
      closed: boolean;
      token: string;
      tokenExpiresAt: Date;
      /** The upload storage just sent the browser back about: its id, and the key to ask again with. */
      justSent?: { id: string; key: string };
    }
  | { kind: 'expired' }
  | { kind: 'not-found' };

export async function openEvidencePage(
  deps: Omit<EvidencePageDependencies, 'files' | 'siteUrl' | 'newId'>,
  given: { reference: string | undefined; token: string | undefined; justSent?: string | undefined },
): Promise<EvidencePageResult> {
  const reference = parseReference(given.reference ?? '');
  if (!reference) return { kind: 'not-found' };
  const read = readUploadToken(await deps.secret(), given.token, deps.now(), reference);
  if (read.kind !== 'valid') return { kind: read.kind === 'expired' ? 'expired' : 'not-found' };
  const [stored, records] = await Promise.all([deps.reports.get(reference), deps.evidence.list(reference)]);
  if (!stored || stored.expiresAt <= deps.now().getTime() / 1000) return { kind: 'not-found' };
  const rows: EvidenceRow[] = records.map((r) =>
    r.status === 'available'
      ? { id: r.id, name: r.name, status: 'available', label: EVIDENCE_TYPES[r.mediaType].label, bytes: r.bytes }
      : { id: r.id, name: r.name, status: 'refused', reason: r.reason },
  );
  // The upload storage just sent the browser back about, until it has been checked.
  const sent = given.justSent?.startsWith(UPLOAD_PREFIX) ? parseUploadKey(given.justSent) : undefined;
  if (sent && !records.some((r) => r.id === sent.id)) rows.push({ id: sent.id, name: sent.name, status: 'checking' });
  return {
    kind: 'open',
    reference,
    rows,
    // The kept files' records and the report's count are written in one transaction: the records say it.
    remaining: Math.max(0, EVIDENCE_LIMITS.files - records.filter((r) => r.status === 'available').length),
    closed: stored.status === 'closed',
    token: given.token as string,
    tokenExpiresAt: read.expiresAt,
    ...(sent && given.justSent ? { justSent: { id: sent.id, key: given.justSent } } : {}),
  };
}

/**
 * One more upload's fields, to a random key of its own, coming back to the page it was made
 * for; never outliving the token, which the processing function checks against the upload's time.
 */
export function grantUpload(
  deps: Pick<EvidencePageDependencies, 'files' | 'siteUrl' | 'newId' | 'now'>,
  page: { reference: string; token: string; tokenExpiresAt: Date },
  /** For the page's own form (JavaScript off): come back to the page. The script is answered 201 instead. */
  returnToPage = true,
): Promise<UploadGrant> {
  const left = Math.floor((page.tokenExpiresAt.getTime() - deps.now().getTime()) / 1000);
  return deps.files.grantUpload({
    key: `${UPLOAD_PREFIX}${deps.newId()}/${FILE_NAME_PLACEHOLDER}`,
    token: page.token,
    ...(returnToPage ? { redirect: `${deps.siteUrl}${evidencePath(page.reference, page.token)}` } : {}),
    expiresInSeconds: Math.max(1, Math.min(UPLOAD_SECONDS, left)),
  });
}
