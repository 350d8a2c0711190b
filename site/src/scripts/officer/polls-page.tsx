/**
 * Event tallies (officers): the pots counted at an event, recorded against a poll, and
 * corrected by a new entry that says why (the earlier one is kept, marked corrected).
 */
import { formatCalendarDate } from '../../../../shared/contracts/london-time';
import { occurredDay } from '../../../../shared/domain/cases';
import { ScrollRegion } from '../../../../shared/ui/table-region';
import { type Answer, officerApi } from './client';
import { allowedHere, announce, announceFailure, show, showSignedIn, signedIn, when } from './session';

type Tallies = Answer<'pollTallies'>;
type Entry = Tallies['entries'][number];
type Option = Tallies['poll']['options'][number];
type PollSummary = Answer<'listPolls'>['polls'][number];
type PlannedEvent = Tallies['events'][number];

/** Today on the UK clock, as the date boxes hold it. */
const today = () => occurredDay(new Date().toISOString())!;

/** The events planned for the poll, each a tap away from its tally form. */
function EventList({ events, onRecord }: { events: PlannedEvent[]; onRecord: (event: PlannedEvent) => void }) {
  return (
    <>
      <h2 class="govuk-heading-m">Events for this poll</h2>
      {events.length === 0 ? (
        <p class="govuk-body" id="no-events">
          No events planned for this poll yet. Add one below.
        </p>
      ) : (
        <ul class="govuk-list" id="event-list">
          {events.map((e) => (
            <li>
              <strong>{e.name}</strong>, {e.place}, {formatCalendarDate(e.date)}{' '}
              <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => onRecord(e)}>
                Record the tally<span class="govuk-visually-hidden"> for {e.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function TallyTable({ t, onCorrect }: { t: Tallies; onCorrect: (entry: Entry) => void }) {
  return (
    <>
      <p class="govuk-body" id="tally-total">
        {t.results.total} tokens in all: {t.results.channels.map((c) => `${c.label} ${c.total}`).join('; ')}.
      </p>
      <ScrollRegion label="Tallies recorded">
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">Tallies recorded</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Event
              </th>
              {t.poll.options.map((o) => (
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  {o.label}
                </th>
              ))}
              <th scope="col" class="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {t.entries.length === 0 ? (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell" colspan={t.poll.options.length + 2}>
                  No tallies recorded for this poll yet.
                </td>
              </tr>
            ) : (
              t.entries.map((e) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">
                    {e.event.name}, {e.event.place}
                    <br />
                    <span class="govuk-body-s">
                      {e.event.date}. Recorded by {e.recordedBy}, {when(e.recordedAt)}
                      {e.corrects ? `. Corrects an earlier entry: ${e.reason ?? ''}` : ''}
                    </span>
                  </th>
                  {t.poll.options.map((o) => (
                    <td class="govuk-table__cell govuk-table__cell--numeric">{e.counts[o.id] ?? 0}</td>
                  ))}
                  <td class="govuk-table__cell">
                    {e.counted ? (
                      <>
                        <strong class="govuk-tag govuk-tag--green">Counted</strong>{' '}
                        <button
                          type="button"
                          class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                          data-correct={e.entryId}
                          onClick={() => onCorrect(e)}
                        >
                          Correct
                          <span class="govuk-visually-hidden">
                            {' '}
                            {e.event.name}, recorded {when(e.recordedAt)}
                          </span>
                        </button>
                      </>
                    ) : (
                      <strong class="govuk-tag govuk-tag--grey">Corrected</strong>
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

/** A number box per pot; keyed by poll, so another poll's boxes start again at 0. */
function PotInputs({ options }: { options: Option[] }) {
  return (
    <>
      {options.map((o) => (
        <div class="govuk-form-group">
          <label class="govuk-label" for={`pot-${o.id}`}>
            {o.label}
          </label>
          <input class="govuk-input govuk-input--width-4" id={`pot-${o.id}`} data-option={o.id} type="text" inputmode="numeric" value="0" />
        </div>
      ))}
    </>
  );
}

function PollChoices({ polls }: { polls: PollSummary[] }) {
  if (polls.length === 0) return <option value="">No polls published</option>;
  return (
    <>
      {polls.map((p) => (
        <option value={p.id}>
          {p.title} ({p.state})
        </option>
      ))}
    </>
  );
}

const session = await signedIn();
showSignedIn(session);
// A role that cannot use this page is told so in its place; nothing is loaded.
if (allowedHere(session, 'officer', 'record event tallies')) {
  const select = document.getElementById('poll') as HTMLSelectElement;
  const form = document.getElementById('tally-form') as HTMLFormElement;
  const field = (id: string) => document.getElementById(id) as HTMLInputElement;

  const eventForm = document.getElementById('event-form') as HTMLFormElement;
  const draw = (t: Tallies) => {
    show(document.getElementById('events')!, <EventList events={t.events} onRecord={recordFor} />);
    show(document.getElementById('tallies')!, <TallyTable t={t} onCorrect={startCorrection} />);
    show(document.getElementById('pots')!, <PotInputs key={t.poll.id} options={t.poll.options} />);
    form.hidden = false;
    eventForm.hidden = t.poll.state === 'closed';
    startCorrection(undefined);
  };

  /** An event's date after today asks the officer to say the pots were counted already. */
  function checkEarly() {
    const date = field('event-date').value;
    const early = date !== '' && date > today();
    document.getElementById('early-group')!.hidden = !early;
    if (early) document.getElementById('early-warning')!.textContent = `This event is on ${formatCalendarDate(date)}, after today.`;
    else field('early').checked = false;
  }

  /** One tap from a planned event: the tally form, filled in with it, ready for the counts. */
  function recordFor(planned: PlannedEvent) {
    startCorrection(undefined);
    field('event-name').value = planned.name;
    field('event-date').value = planned.date;
    field('event-place').value = planned.place;
    checkEarly();
    document.getElementById('tally-heading')!.textContent = `Record the tally for ${planned.name}`;
    document.querySelector<HTMLInputElement>('#pots input')?.focus();
  }

  function startCorrection(entry: Entry | undefined) {
    field('corrects').value = entry?.entryId ?? '';
    document.getElementById('tally-heading')!.textContent = entry ? `Correct the tally for ${entry.event.name}` : 'Record a tally';
    document.getElementById('reason-group')!.hidden = !entry;
    document.getElementById('cancel-correction')!.hidden = !entry;
    document.getElementById('save-tally')!.textContent = entry ? 'Record correction' : 'Record tally';
    const pots = document.querySelectorAll<HTMLInputElement>('#pots input');
    if (entry) {
      field('event-name').value = entry.event.name;
      field('event-date').value = entry.event.date;
      field('event-place').value = entry.event.place;
      for (const input of pots) input.value = String(entry.counts[input.dataset.option!] ?? 0);
      field('event-name').focus();
    } else for (const input of pots) input.value = '0';
    checkEarly();
  }

  async function load(id: string) {
    try {
      draw(await officerApi('pollTallies', { params: { id } }));
    } catch (error) {
      announceFailure(error, 'The tallies could not be loaded. Reload the page.');
    }
  }

  document.getElementById('cancel-correction')!.addEventListener('click', () => startCorrection(undefined));
  field('event-date').addEventListener('input', checkEarly);
  eventForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { name: field('plan-name').value, date: field('plan-date').value, place: field('plan-place').value };
    try {
      const added = await officerApi('addPollEvent', { params: { id: select.value }, body });
      eventForm.reset();
      await load(select.value);
      announce(<p class="govuk-body">{added.message}</p>);
    } catch (error) {
      announceFailure(error, 'The event was not added. Try again.');
    }
  });
  select.addEventListener('change', () => select.value && load(select.value));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const counts = Object.fromEntries(
      [...document.querySelectorAll<HTMLInputElement>('#pots input')].map((i) => [
        i.dataset.option!,
        i.value.trim() === '' ? 0 : Number(i.value.trim()),
      ]),
    );
    const body = {
      event: { name: field('event-name').value, date: field('event-date').value, place: field('event-place').value },
      counts,
      ...(field('early').checked ? { early: true } : {}),
      ...(field('corrects').value ? { corrects: field('corrects').value, reason: field('reason').value } : {}),
    };
    try {
      const saved = await officerApi('recordTally', { params: { id: select.value }, body });
      await load(select.value);
      announce(<p class="govuk-body">{saved.message}</p>);
    } catch (error) {
      announceFailure(error, 'The tally was not recorded. Try again.');
    }
  });

  try {
    const { polls } = await officerApi('listPolls');
    show(select, <PollChoices polls={polls} />);
    const wanted = new URLSearchParams(location.search).get('poll');
    if (wanted && polls.some((p) => p.id === wanted)) select.value = wanted;
    if (select.value) await load(select.value);
  } catch (error) {
    announceFailure(error, 'The polls could not be loaded. Reload the page.');
  }
}
