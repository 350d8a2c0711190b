/**
 * Decodes the Case Review application form (application/x-www-form-urlencoded) into the
 * shape the application schema expects: dotted names (`victim.email`), complaint rows as
 * `complaints.<row>.<field>`, "true" for the consent box, blank fields and blank complaint
 * rows left out. Never throws, whatever the input.
 */
import type { FieldError } from './field-errors';
import { MAX_COMPLAINTS } from './case-review';

const GROUPS: Record<string, readonly string[]> = {
  applicant: ['role', 'name', 'email', 'phone', 'consent'],
  victim: ['name', 'email', 'phone', 'street', 'area'],
};
const COMPLAINT_FIELDS = new Set(['incidentOn', 'madeOn', 'to', 'organisation', 'reference']);

export function decodeCaseReviewForm(entries: Iterable<[string, string]>): { value: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const applicant: Record<string, unknown> = {};
  const victim: Record<string, unknown> = {};
  const rows = new Map<number, Record<string, string>>();
  const value: Record<string, unknown> = {};
  for (const [key, raw] of entries) {
    if (raw.trim() === '') continue;
    const [first, second, third, ...rest] = key.split('.');
    if (key === 'problem') value.problem = raw;
    else if (first && second && !third && GROUPS[first]?.includes(second)) {
      const group = first === 'applicant' ? applicant : victim;
      group[second] = second === 'consent' ? raw === 'true' || raw : raw;
    } else if (
      first === 'complaints' &&
      second &&
      /^\d{1,2}$/.test(second) &&
      Number(second) < MAX_COMPLAINTS &&
      third &&
      COMPLAINT_FIELDS.has(third) &&
      !rest.length
    ) {
      const row = Number(second);
      rows.set(row, { ...rows.get(row), [third]: raw });
    } else errors.push({ path: key, message: `"${key}" is not a field we accept; remove it and try again` });
  }
  // Both halves of the form are on the page when JavaScript is off: a victim applying for
  // themselves leaves the third-party questions as they found them.
  if (applicant.role === 'victim') for (const field of ['name', 'email', 'phone', 'consent']) delete applicant[field];
  value.applicant = applicant;
  value.victim = victim;
  // Only rows with an answer are here (blank boxes were left out above); a half-filled row
  // stays, so the schema says what it lacks rather than the row being dropped unseen.
  value.complaints = [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  return { value, errors };
}
