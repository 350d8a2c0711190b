/**
 * What residents are told about a file that cannot be added, said once for the page's
 * script (before sending) and the processing (after the scan), each naming the file and
 * saying what to do.
 *
 * The name a resident's file arrives with is theirs to choose, and a crafted upload can
 * choose anything: a path, control characters, a name longer than any screen. A name is
 * kept only if it is a plain file name; otherwise the file is refused with a reason the
 * resident can act on (rename it), and the message shows only the name's printable part.
 */
import { EVIDENCE_LIMITS, formatBytes } from '../contracts/evidence-types';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The name as it may be shown in a message: control characters dropped, at most 60 characters. */
export function printableName(name: string): string {
  const printable = name.replace(CONTROL_ALL, '').trim();
  const short = printable.length > 60 ? `${printable.slice(0, 57)}…` : printable;
  return short || 'Your file';
}

/** Undefined for a name that may be kept; otherwise why it cannot, in words for the resident. */
export function fileNameProblem(name: string): string | undefined {
  const shown = printableName(name);
  if (!name.trim()) return 'The file has no name. Give it a name and add it again.';
  if (/[/\\]/.test(name)) return `The name of "${shown}" contains / or \\. Rename the file without them and add it again.`;
  if (CONTROL.test(name)) return `The name of "${shown}" contains characters that cannot be shown. Rename the file and add it again.`;
  if ([...name].length > EVIDENCE_LIMITS.nameLength)
    return `The name of "${shown}" is ${[...name].length} characters long. Rename it to ${EVIDENCE_LIMITS.nameLength} characters or fewer and add it again.`;
  return undefined;
}

/** A file with nothing in it. */
export const emptyFileProblem = (name: string) =>
  `"${printableName(name)}" is empty (0 bytes). Check it is the file you meant and add it again.`;

/** A file over the limit, with its size. */
export const tooLargeProblem = (name: string, bytes: number) =>
  `"${printableName(name)}" is ${formatBytes(bytes)}: files must be ${EVIDENCE_LIMITS.bytes / 1024 / 1024} MB or smaller.`;

const WHAT_TO_SEND = 'Send photos as JPEG, PNG, HEIC or WebP, recordings as MP3, M4A or WAV, videos as MP4, and documents as PDF.';

/**
 * A file of a type not accepted: before sending, judged by its name and the type the
 * browser gives; after the scan, by its content, whatever its name says.
 */
export const notAcceptedProblem = (name: string, byContent: boolean) =>
  byContent
    ? `"${printableName(name)}" is not a photo, recording, video or PDF that we accept, whatever its name says. ${WHAT_TO_SEND}`
    : `"${printableName(name)}" is not a type we accept. ${WHAT_TO_SEND}`;
