/**
 * Which case notes a reader sees, and how much of each. Notes are partnership-internal:
 * a partner user sees only notes an officer shared with partners and notes written by
 * their own organisation. A shared note is still held to the reader's data level, as
 * every other field is (UK GDPR Art. 5(1)(c)): below `full`, the reporter's contact
 * details, and anything shaped like an email address or phone number, are removed.
 */
import type { DataLevel } from '../config/profile-schema';
import type { Report } from '../contracts/report';

export interface NoteForReading {
  at: string;
  username: string;
  text: string;
  /** Shared with the partners the report went to (officers choose when adding it). */
  shared?: boolean;
  /** The partner organisation of the user who wrote it; absent for partnership officers. */
  authorPartnerId?: string;
}

export type Reader = { kind: 'all' } | { kind: 'partner'; partnerId: string; dataLevel: DataLevel };

export const REMOVED = '[removed: not shared at your data level]';

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/g;
/** UK and international numbers as people type them: 10 or more digits with spaces, dots, dashes or brackets. */
const PHONE = /(?:\+|\b)\d(?:[\s().-]*\d){9,}\b/g;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The note's text with the reporter's contact details and contact-shaped text removed. */
export function redactContact(text: string, report: Pick<Report, 'contact'>): string {
  let out = text;
  const { name, email, phone } = report.contact ?? {};
  for (const value of [email, phone, name].filter((v): v is string => Boolean(v && v.trim().length >= 2))) {
    out = out.replace(new RegExp(escapeRegExp(value.trim()), 'gi'), REMOVED);
  }
  // The phone as digits only matches however the officer spaced it.
  const digits = phone?.replace(/\D/g, '');
  if (digits && digits.length >= 6) out = out.replace(new RegExp(digits.split('').join('[\\s().-]*'), 'g'), REMOVED);
  return out.replace(EMAIL, REMOVED).replace(PHONE, REMOVED);
}

/** The notes this reader may see, each cut to their data level. */
export function notesFor<N extends NoteForReading>(notes: readonly N[], reader: Reader, report: Pick<Report, 'contact'>): N[] {
  if (reader.kind === 'all') return [...notes];
  return notes
    .filter((n) => n.shared === true || n.authorPartnerId === reader.partnerId)
    .map((n) =>
      n.authorPartnerId === reader.partnerId || reader.dataLevel === 'full' ? n : { ...n, text: redactContact(n.text, report) },
    );
}
