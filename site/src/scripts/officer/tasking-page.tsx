/** Tasking figures (officers): reports in a period against the one before, by type, category, area, day and hour. */
import { formatCalendarDate } from '../../../../shared/contracts/london-time';
import { BarChart } from '../../../../shared/ui/bar-chart';
import { ColumnHeads, ScrollRegion } from '../../../../shared/ui/table-region';
import { labels } from './labels';
import { type Answer, officerApi } from './client';
import { allowedHere, announceFailure, show, showSignedIn, signedIn } from './session';

type Tasking = Answer<'tasking'>;
type Row = Tasking['total'];

const change = (r: Row) =>
  r.changePercent === undefined ? (r.current ? 'new' : '–') : `${r.changePercent > 0 ? '+' : ''}${r.changePercent}%`;
const cell = 'govuk-table__cell govuk-table__cell--numeric';

function Breakdown({
  id,
  caption,
  rows,
  label,
  t,
}: {
  id: string;
  caption: string;
  rows: Row[];
  label: (key: string) => string;
  t: Tasking;
}) {
  return (
    <>
      <h2 class="govuk-heading-m" id={id}>
        {caption}
      </h2>
      {rows.length ? (
        <BarChart
          id={`${id}-chart`}
          title={caption}
          description={`${caption}, ${formatCalendarDate(t.from)} to ${formatCalendarDate(t.to)}`}
          unit="reports"
          points={rows.map((r) => ({ label: label(r.key), value: r.current }))}
        />
      ) : null}
      <ScrollRegion label={caption}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{caption}</caption>
          <ColumnHeads
            columns={[
              '',
              { text: 'This period', numeric: true },
              { text: 'Previous period', numeric: true },
              { text: 'Change', numeric: true },
            ]}
          />
          <tbody class="govuk-table__body">
            {rows.length ? (
              rows.map((r) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">
                    {label(r.key)}
                  </th>
                  <td class={cell}>{r.current}</td>
                  <td class={cell}>{r.previous}</td>
                  <td class={cell}>{change(r)}</td>
                </tr>
              ))
            ) : (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell" colspan={4}>
                  No reports in either period.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

function TaskingFigures({ t }: { t: Tasking }) {
  return (
    <>
      <p class="govuk-body-l" id="tasking-total">
        <strong>{t.total.current}</strong> reports from {formatCalendarDate(t.from)} to {formatCalendarDate(t.to)}, against{' '}
        {t.total.previous} from {formatCalendarDate(t.previous.from)} to {formatCalendarDate(t.previous.to)} ({change(t.total)}).
      </p>
      <Breakdown id="by-type" caption="By type" rows={t.byType} label={labels.type} t={t} />
      <Breakdown id="by-category" caption="By ASB category" rows={t.byCategory} label={labels.category} t={t} />
      <Breakdown id="by-area" caption="By area" rows={t.byArea} label={labels.area} t={t} />
      <Breakdown id="by-day" caption="By day of the week" rows={t.byDay} label={(day) => day} t={t} />
      <Breakdown id="by-hour" caption="By hour of the day" rows={t.byHour} label={(h) => `${h}:00`} t={t} />
    </>
  );
}

const session = await signedIn();
showSignedIn(session);
// A role that cannot use this page is told so in its place; nothing is loaded.
if (allowedHere(session, 'officer', 'see the tasking figures')) {
  const params = new URLSearchParams(location.search);
  for (const key of ['from', 'to']) if (params.get(key)) (document.getElementById(key) as HTMLInputElement).value = params.get(key)!;
  document.getElementById('print')!.addEventListener('click', () => print());
  const region = document.getElementById('tasking')!;
  try {
    const t = await officerApi('tasking', { query: new URLSearchParams([...params].filter(([, v]) => v)) });
    show(region, <TaskingFigures t={t} />);
  } catch (error) {
    show(region, null);
    announceFailure(error, 'The figures could not be loaded. Reload the page.');
  }
}
