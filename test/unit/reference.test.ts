import { describe, expect, it } from 'vitest';
import { newReference, parseReference, REFERENCE_ALPHABET } from '../../shared/domain/reference';

describe('report references', () => {
  it('uses no look-alike characters', () => {
    for (const c of '0O1IL') expect(REFERENCE_ALPHABET).not.toContain(c);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(REFERENCE_ALPHABET.length);
  });

  it('is 8 characters from the alphabet, and every character gets used', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const ref = newReference();
      expect(ref).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
      for (const c of ref) seen.add(c);
    }
    expect(seen.size).toBe(REFERENCE_ALPHABET.length);
  });

  it('skips biased bytes instead of folding them onto early characters', () => {
    // 248..255 would map onto the first characters with a plain modulo.
    const ref = newReference(() => new Uint8Array([255, 250, 248, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    expect(ref).toBe(REFERENCE_ALPHABET.slice(0, 8));
  });

  it('accepts what residents type, and rejects what cannot be a reference', () => {
    expect(parseReference(' abcd-2345 ')).toBe('ABCD2345');
    expect(parseReference('ABCD 2345')).toBe('ABCD2345');
    expect(parseReference('ABCD0345')).toBeUndefined();
    expect(parseReference('ABC')).toBeUndefined();
    expect(parseReference('../../etc')).toBeUndefined();
  });
});
