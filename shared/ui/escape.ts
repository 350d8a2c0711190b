/**
 * Escaping for HTML pages and email bodies. Every value from a report passes through
 * one of these; templates never interpolate raw strings (FixMyStreet's habit).
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/** Escapes text for an HTML body, keeping line breaks and isolating right-to-left runs. */
export function htmlText(value: string): string {
  return `<bdi>${escapeHtml(value).replace(/\r\n|\r|\n/g, '<br>')}</bdi>`;
}

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
