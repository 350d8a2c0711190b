/**
 * Accessible bar charts rendered as markup (at build time, by the API and in the
 * workspace alike): no JavaScript to read them. Each chart has a name and description
 * (role="img", aria-labelledby) and is always published beside a data table, which is
 * the full text alternative.
 */
import { formatThousands } from '../contracts/numbers';

interface BarPoint {
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

const number = (n: number) => formatThousands(Math.round(n * 100) / 100);
const percent = (n: number) => `${(Math.round(n * 1000) / 10).toString()}%`;

/**
 * A horizontal bar chart whose words are HTML text: labels and values are the page's
 * body size at every width, wrap instead of being cut off, and grow with the reader's
 * zoom. Only each bar is SVG, sized by attributes (the site's policy allows no inline
 * styles). A target is a dashed line on the bar, and its figure is written after the
 * value rather than on top of it. The chart is an image with a name and description;
 * the table beside it carries every figure for screen readers.
 */
export function BarChart(o: BarChartOptions) {
  const max = Math.max(1, ...o.points.flatMap((p) => [p.value, p.target ?? 0]));
  return (
    <div class="portal-chart" id={o.id} role="img" aria-labelledby={`${o.id}-title ${o.id}-desc`}>
      <p class="govuk-visually-hidden" id={`${o.id}-title`}>
        {o.title}
      </p>
      <p class="govuk-visually-hidden" id={`${o.id}-desc`}>
        {o.description} The table below the chart gives every value.
      </p>
      {o.points.map((p) => (
        <div class="portal-chart__row">
          <span class="portal-chart__label">{p.label}</span>
          <svg class="portal-chart__track" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">
            <rect x="0" y="0" width={percent(Math.max(0.005, p.value / max))} height="100%" fill="#1d70b8" />
            {p.target === undefined ? null : (
              <line
                x1={percent(p.target / max)}
                x2={percent(p.target / max)}
                y1="0"
                y2="100%"
                stroke="#d4351c"
                stroke-width="3"
                stroke-dasharray="4 3"
              />
            )}
          </svg>
          <span class="portal-chart__value">
            {number(p.value)}
            {p.target === undefined ? null : (
              <>
                {' '}
                <span class="portal-chart__target">(target {number(p.target)})</span>
              </>
            )}
          </span>
        </div>
      ))}
    </div>
  );
}

/** The data table that stands beside every chart. */
export function DataTable(o: BarChartOptions & { caption: string }) {
  const hasTarget = o.points.some((p) => p.target !== undefined);
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--s">{o.caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            Period
          </th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">
            {o.unit[0]!.toUpperCase() + o.unit.slice(1)}
          </th>
          {hasTarget ? (
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              Target
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {o.points.map((p) => (
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">
              {p.label}
            </th>
            <td class="govuk-table__cell govuk-table__cell--numeric">{number(p.value)}</td>
            {hasTarget ? (
              <td class="govuk-table__cell govuk-table__cell--numeric">{p.target === undefined ? 'No target' : number(p.target)}</td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
