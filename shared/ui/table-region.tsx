/**
 * A wide table's own scrolling region: on a phone the table scrolls inside it and the
 * page never does (WCAG 1.4.10). Focusable, so keyboard users can scroll it, and named,
 * so screen readers say what the region holds.
 */
import type { ComponentChildren } from 'preact';

export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <section> is a region only while it has a name; the role says so whatever happens to the label.
    <div class="portal-table-scroll" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}
