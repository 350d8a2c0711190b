/**
 * Residents' files in the workspace. The report lists each kept file (name, type, size,
 * what the scan and cleaning did) to those who may open files: partnership officers, and a
 * partner user whose organisation's profile allows it (by default only at the `full` data
 * level; shared/domain/evidence-access.ts). Others are told how many files there are, and
 * nothing else. Opening one file (GET …/evidence/{id}) is audited first, then answered with
 * an address signed for this request that works for five minutes.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { evidenceQuerySchema, type EvidenceFile } from '../../shared/contracts/evidence';
import { EVIDENCE_TYPES } from '../../shared/contracts/evidence-types';
import { partnerMaySeeEvidence } from '../../shared/domain/evidence-access';
import { parseReference } from '../../shared/domain/reference';
import { json, jsonMessage, type HttpResult } from '../adapters/http/responses';
import type { EvidenceRecord, ListedEvidence } from '../evidence/records';
import type { StoredReport } from '../reports/records';
import { dataLevelFor, notFound } from './access';
import { auditEntry, type Officer } from './authorise';
import type { OfficerDependencies } from './dependencies';

/** How long an address to one file works: long enough to open it, too short to pass around. */
const EVIDENCE_LINK_SECONDS = 300;

/** Whether this reader may open the report's files. */
async function mayOpenEvidence(deps: Pick<OfficerDependencies, 'partnerList'>, officer: Officer, stored: StoredReport): Promise<boolean> {
  if (officer.access.kind === 'all') return true;
  if (officer.access.kind !== 'partner') return false;
  const { partnerId } = officer.access;
  const route = stored.routes.find((r) => r.partnerId === partnerId);
  if (!route) return false;
  return partnerMaySeeEvidence(
    (await deps.partnerList()).find((p) => p.id === partnerId),
    route.dataLevel,
  );
}

type ListedAvailable = Extract<ListedEvidence, { status: 'available' }>;

const listed = (file: ListedAvailable): EvidenceFile => ({
  id: file.id,
  name: file.name,
  mediaType: file.mediaType,
  label: EVIDENCE_TYPES[file.mediaType].label,
  kind: EVIDENCE_TYPES[file.mediaType].kind,
  bytes: file.bytes,
  addedAt: file.at,
  scan: 'No threats found',
  cleaned: file.cleaned,
});

/** The report's files as this reader may see them: the list, or only how many there are. */
export async function evidenceOf(
  deps: Pick<OfficerDependencies, 'evidence' | 'partnerList'>,
  officer: Officer,
  stored: StoredReport,
): Promise<{ evidence?: EvidenceFile[]; evidenceWithheld?: number }> {
  const kept = (await deps.evidence.list(stored.reference)).filter((r): r is ListedAvailable => r.status === 'available');
  if (await mayOpenEvidence(deps, officer, stored)) return { evidence: kept.map(listed) };
  return kept.length ? { evidenceWithheld: kept.length } : {};
}

/** GET /api/officer/reports/{reference}/evidence/{id}?download=true: one file's short-lived address. */
export async function openEvidence(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const reference = parseReference(event.pathParameters?.reference ?? '');
  const id = event.pathParameters?.id ?? '';
  const query = evidenceQuerySchema.safeParse(event.queryStringParameters ?? {});
  if (!query.success) return jsonMessage(400, 'Ask for a file with ?download=true to download it, or nothing to show it');
  const download = query.data.download === 'true';
  if (!reference) return notFound();
  // The report and the file's record read together; the record is used only once access is checked.
  const [stored, file]: [StoredReport | undefined, EvidenceRecord | undefined] = await Promise.all([
    deps.store.get(reference),
    /^[0-9a-f-]{36}$/.test(id) ? deps.evidence.get(reference, id) : undefined,
  ]);
  if (!stored || !dataLevelFor(officer.access, stored)) return notFound();
  if (!(await mayOpenEvidence(deps, officer, stored)))
    return jsonMessage(
      403,
      "Your organisation's access to this report does not include the resident's files. Ask the partnership's officers if you need them.",
    );
  if (file?.status !== 'available') return jsonMessage(404, 'This report has no such file');
  const now = deps.now();
  // Audited before the address is made: if the trail cannot be written, the file is not opened.
  const what = `${download ? 'Downloaded' : 'Viewed'} file ${file.id} (${EVIDENCE_TYPES[file.mediaType].label})`;
  await deps.audit.append(auditEntry(officer, stored, 'read-evidence', now.toISOString(), what));
  const url = await deps.evidenceFiles.link(file.objectKey, {
    name: file.name,
    mediaType: file.mediaType,
    download,
    seconds: EVIDENCE_LINK_SECONDS,
  });
  return json(200, { url, expiresAt: new Date(now.getTime() + EVIDENCE_LINK_SECONDS * 1000).toISOString() });
}
