/**
 * Use case: one upload has been scanned; decide what becomes of it. A file is attached to
 * a report only if the scan found nothing (the event says so, and so does the scanner's tag
 * on the object), its token names that report and was valid when
 * it was sent, its name is a plain name, its content is one of the accepted types whatever
 * its name says, and the report has room; then it is cleaned of its metadata and kept
 * beside the report, and each partner who may open files is told by email (through the
 * outbox, so an email outage loses nothing). Anything else is refused with a reason the
 * resident is shown; the upload leaves quarantine either way, except a file the scan
 * named a threat, which stays there for the security runbook until the bucket's
 * lifecycle deletes it. Every step can run twice (events are delivered at least once)
 * without adding a file twice or losing one.
 */
import type { Profile } from '../../shared/config/profile-schema';
import { EVIDENCE_LIMITS, EVIDENCE_TYPES, isEvidenceMediaType } from '../../shared/contracts/evidence-types';
import { partnerMaySeeEvidence } from '../../shared/domain/evidence-access';
import {
  emptyFileProblem,
  fileNameProblem,
  notAcceptedProblem,
  printableName,
  tooLargeProblem,
} from '../../shared/domain/evidence-problems';
import type { ReportStore } from '../reports/ports';
import { pendingEntry } from '../reports/records';
import type { EvidenceFiles, EvidenceStore, MediaTools, ScanVerdict } from './ports';
import { evidenceKey, parseUploadKey, type AvailableEvidence, type RefusedEvidence } from './records';
import { readUploadToken } from './upload-token';

/** Thrown so the event is delivered again: the object's own scan tag does not (yet) say clean. */
class ScanNotConfirmed extends Error {
  override name = 'ScanNotConfirmed';
}

export interface ProcessDependencies {
  files: EvidenceFiles;
  evidence: EvidenceStore;
  reports: Pick<ReportStore, 'get'>;
  media: MediaTools;
  profile: Pick<Profile, 'partners'>;
  secret: () => Promise<string>;
  now: () => Date;
}

export type ProcessOutcome =
  | { kind: 'available'; reference: string; id: string }
  | { kind: 'refused'; reference: string; id: string; reason: string }
  /** Not attached to any report (no valid token, not an upload, already processed): nothing to tell anyone. */
  | { kind: 'ignored'; why: string };

export async function processUpload(deps: ProcessDependencies, key: string, verdict: ScanVerdict): Promise<ProcessOutcome> {
  const parsed = parseUploadKey(key);
  if (!parsed) return { kind: 'ignored', why: 'not an upload key' };
  // What the object is, without reading it: a file refused by the scan or by its size is never read.
  const upload = await deps.files.uploadFacts(key);
  if (!upload) return { kind: 'ignored', why: 'already processed' };
  const token = readUploadToken(await deps.secret(), upload.token, upload.uploadedAt);
  const stored = token.kind === 'valid' ? await deps.reports.get(token.reference) : undefined;
  const now = deps.now();
  if (token.kind !== 'valid' || !stored || stored.expiresAt <= now.getTime() / 1000) {
    // Its policy made S3 take it only with a token, so this is a forgery or a report gone since.
    if (verdict.status !== 'threat') await deps.files.deleteUpload(key);
    return { kind: 'ignored', why: token.kind === 'valid' ? 'report gone' : `token ${token.kind}` };
  }
  const { reference } = stored;
  const base = { reference, id: parsed.id, name: parsed.name, at: now.toISOString(), expiresAt: stored.expiresAt };
  const shown = printableName(parsed.name);
  const refuse = async (reason: string, threat?: string): Promise<ProcessOutcome> => {
    const record: RefusedEvidence = { ...base, status: 'refused', reason, ...(threat ? { threat } : {}) };
    await deps.evidence.addRefused(record);
    if (!threat) await deps.files.deleteUpload(key);
    return { kind: 'refused', reference, id: parsed.id, reason };
  };

  if (verdict.status === 'threat')
    return refuse(
      `Our virus check found something harmful in "${shown}", so we have not added it. Your report is not affected. If you think this is wrong, save the file again from where it came from (or take a screenshot of it) and add the new copy.`,
      verdict.threats.join(', ') || 'unnamed',
    );
  if (verdict.status === 'unscannable')
    return refuse(
      `We could not check "${shown}" for viruses (it may be protected by a password, or damaged), so we have not added it. Add a copy without a password.`,
    );
  // The form sent with no file chosen: browsers send an empty part with no name.
  if (!parsed.name && upload.size === 0) return refuse('No file was chosen. Choose a file, then press "Upload file".');
  // The scanner's tag on the object must agree that it is clean: an event alone never lets a
  // file through. A tag not written yet (or a disagreement) is tried again with the event.
  if (upload.scanTag !== 'NO_THREATS_FOUND') throw new ScanNotConfirmed(`The object's scan tag says ${upload.scanTag ?? 'nothing yet'}`);
  const nameProblem = fileNameProblem(parsed.name);
  if (nameProblem) return refuse(nameProblem);
  if (upload.size === 0) return refuse(emptyFileProblem(parsed.name));
  if (upload.size > EVIDENCE_LIMITS.bytes) return refuse(tooLargeProblem(parsed.name, upload.size));
  if (stored.status === 'closed')
    return refuse(`Report ${reference} is closed, so "${shown}" was not added. Make a new report if the problem carries on.`);
  const bytes = await deps.files.uploadBytes(key);
  if (!bytes) return { kind: 'ignored', why: 'already processed' };
  const detected = await deps.media.detect(bytes);
  if (!detected || !isEvidenceMediaType(detected)) return refuse(notAcceptedProblem(parsed.name, true));
  const cleaned = await deps.media.clean(bytes, detected).catch(() => undefined);
  if (!cleaned)
    return refuse(
      `"${shown}" could not be opened as a ${EVIDENCE_TYPES[detected].label} (it may be damaged, or too large to open). Save it again and add the new copy.`,
    );

  const objectKey = evidenceKey(reference, parsed.id);
  // Kept before it is recorded: a crash in between leaves a file a repeat of this event records.
  await deps.files.keep(objectKey, cleaned.bytes, cleaned.mediaType, stored.expiresAt);
  const record: AvailableEvidence = {
    ...base,
    status: 'available',
    mediaType: cleaned.mediaType,
    bytes: cleaned.bytes.byteLength,
    objectKey,
    cleaned: cleaned.removed,
  };
  // Each email counts the report's files when it is sent, so files processed side by side
  // are never each announced as the first.
  const outbox = stored.routes
    .filter((route) =>
      partnerMaySeeEvidence(
        deps.profile.partners.find((p) => p.id === route.partnerId),
        route.dataLevel,
      ),
    )
    .map((route) =>
      pendingEntry(
        stored,
        { kind: 'partner', partnerId: route.partnerId, dataLevel: route.dataLevel, evidenceId: parsed.id },
        now,
        `file-${parsed.id}`,
      ),
    );
  const added = await deps.evidence.addAvailable(record, outbox, EVIDENCE_LIMITS.files);
  if (added === 'full') {
    await deps.files.remove(objectKey);
    return refuse(
      `Report ${reference} already has ${EVIDENCE_LIMITS.files} files, the most one report can have, so "${shown}" was not added.`,
    );
  }
  if (added === 'gone') {
    await deps.files.remove(objectKey);
    await deps.files.deleteUpload(key);
    return { kind: 'ignored', why: 'report gone' };
  }
  await deps.files.deleteUpload(key);
  return { kind: 'available', reference, id: parsed.id };
}
