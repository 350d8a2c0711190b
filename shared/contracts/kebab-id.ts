/**
 * A kebab-case id from words (a poll's title, an option's label), as the pack files write
 * them, the same way in the workspace and the officer API: "Anti-social behaviour" is
 * "anti-social-behaviour", "Crème brûlée" "creme-brulee". Empty when the words have no
 * letter or digit; the caller chooses a fallback.
 */
export function kebabId(words: string, max = 60): string {
  return words
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}
