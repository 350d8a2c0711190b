/**
 * A wide table's own scrolling region: on a phone the table scrolls inside it and the
 * page never does (WCAG 1.4.10). Focusable, so keyboard users can scroll it, and named,
 * so screen readers say what the region holds.
 */
import { escapeHtml } from './escape';

export function scrollRegion(label: string, tableHtml: string): string {
  return `<div class="portal-table-scroll" role="region" aria-label="${escapeHtml(label)}" tabindex="0">${tableHtml}</div>`;
}
