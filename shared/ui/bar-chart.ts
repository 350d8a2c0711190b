/**
 * Accessible SVG bar charts drawn at build time: no JavaScript to read them. The SVG
 * has a title and description (role="img", aria-labelledby) and is always published
 * beside a data table, which is the full text alternative.
 */
import { escapeHtml } from './escape';
import { formatThousands } from '../domain/numbers';

export interface BarPoint {
  label: string;
  value: number;
  target?: number | undefined;
}

export interface BarChartOptions {
  id: string;
  title: string;
  description: string;
  unit: string;
  points: BarPoint[];
}

const WIDTH = 640;
const BAR_HEIGHT = 28;
const GAP = 12;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 70;

const number = (n: number) => formatThousands(Math.round(n * 100) / 100);

/** A horizontal bar chart: labels are readable on a phone and long labels do not rotate. */
export function barChartSvg(o: BarChartOptions): string {
  const max = Math.max(1, ...o.points.flatMap((p) => [p.value, p.target ?? 0]));
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = o.points.length * (BAR_HEIGHT + GAP) + GAP;
  const bars = o.points
    .map((p, i) => {
      const y = GAP + i * (BAR_HEIGHT + GAP);
      const w = Math.max(1, (p.value / max) * plot);
      const target =
        p.target === undefined
          ? ''
          : `<line x1="${LABEL_WIDTH + (p.target / max) * plot}" x2="${LABEL_WIDTH + (p.target / max) * plot}" y1="${y - 4}" y2="${y + BAR_HEIGHT + 4}" stroke="#d4351c" stroke-width="3" stroke-dasharray="4 3"/>`;
      return `<g>
<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT / 2}" text-anchor="end" dominant-baseline="middle" font-size="15" fill="#0b0c0c">${escapeHtml(p.label)}</text>
<rect x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="${BAR_HEIGHT}" fill="#1d70b8"/>
<text x="${(LABEL_WIDTH + w + 6).toFixed(1)}" y="${y + BAR_HEIGHT / 2}" dominant-baseline="middle" font-size="15" fill="#0b0c0c">${number(p.value)}</text>${target}
</g>`;
    })
    .join('\n');
  return `<svg class="portal-chart" id="${o.id}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${o.id}-title ${o.id}-desc" font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" xmlns="http://www.w3.org/2000/svg">
<title id="${o.id}-title">${escapeHtml(o.title)}</title>
<desc id="${o.id}-desc">${escapeHtml(o.description)} The table below the chart gives every value.</desc>
${bars}
</svg>`;
}

/** The data table that stands beside every chart. */
export function dataTable(o: BarChartOptions & { caption: string }): string {
  const hasTarget = o.points.some((p) => p.target !== undefined);
  const rows = o.points
    .map((p) => `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${escapeHtml(p.label)}</th><td class="govuk-table__cell govuk-table__cell--numeric">${number(p.value)}</td>${hasTarget ? `<td class="govuk-table__cell govuk-table__cell--numeric">${p.target === undefined ? 'No target' : number(p.target)}</td>` : ''}</tr>`)
    .join('\n');
  return `<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s">${escapeHtml(o.caption)}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Period</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">${escapeHtml(o.unit[0]!.toUpperCase() + o.unit.slice(1))}</th>${hasTarget ? '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Target</th>' : ''}</tr></thead>
<tbody class="govuk-table__body">
${rows}
</tbody>
</table>`;
}
