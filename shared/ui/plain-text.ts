/**
 * Text that is not HTML: plain-text email bodies and header values. (HTML escapes
 * itself: every page and HTML email is made of Preact elements, see render.ts.)
 */

/** Plain-text bodies: drop control characters except tab and newline. */
export function plainText(value: string): string {
  return value.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** A single-line value safe for a header such as Subject. */
export function headerText(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .trim()
    .slice(0, 200);
}
