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

/** A column heading: text, or text over figures (right-aligned, as GOV.UK numeric columns are). */
type Column = string | { text: string; numeric: true };

/** A table's heading row, one scoped header per column. */
export function ColumnHeads({ columns }: { columns: readonly Column[] }) {
  return (
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        {columns.map((c) => (
          <th scope="col" class={typeof c === 'string' ? 'govuk-table__header' : 'govuk-table__header govuk-table__header--numeric'}>
            {typeof c === 'string' ? c : c.text}
          </th>
        ))}
      </tr>
    </thead>
  );
}
