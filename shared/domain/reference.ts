/**
 * Report references residents read out over the phone: 8 characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L), so "it's B, as in Bravo" is never ambiguous.
 * 31^8 ≈ 8.5 × 10^11 values; uniqueness is still enforced by a conditional write.
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const REFERENCE_LENGTH = 8;
const REFERENCE_PATTERN = new RegExp(`^[${REFERENCE_ALPHABET}]{${REFERENCE_LENGTH}}$`);

/** A new random reference. `random` is injectable so tests can force collisions. */
export function newReference(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  let out = '';
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 31).
  const limit = 256 - (256 % REFERENCE_ALPHABET.length);
  while (out.length < REFERENCE_LENGTH) {
    for (const byte of random(new Uint8Array(16))) {
      if (byte < limit && out.length < REFERENCE_LENGTH) out += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
    }
  }
  return out;
}

/** Normalises what a resident types (lower case, spaces, dashes) to a reference, or undefined. */
export function parseReference(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '');
  return REFERENCE_PATTERN.test(cleaned) ? cleaned : undefined;
}

/**
 * ASB Case Review applications have references of their own, told apart from reports' at
 * a glance (and by the portal, which keeps each under its own partition): "CR-" and the
 * same eight characters.
 */
const CASE_REVIEW_PREFIX = 'CR-';

export function newCaseReviewReference(random?: (bytes: Uint8Array) => Uint8Array): string {
  return `${CASE_REVIEW_PREFIX}${newReference(random)}`;
}

export const isCaseReviewReference = (reference: string): boolean => reference.startsWith(CASE_REVIEW_PREFIX);

/** Normalises a typed Case Review reference ("cr abcd 2345"), or undefined. */
export function parseCaseReviewReference(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '');
  const rest = cleaned.startsWith('CR') ? parseReference(cleaned.slice(2)) : undefined;
  return rest ? `${CASE_REVIEW_PREFIX}${rest}` : undefined;
}
