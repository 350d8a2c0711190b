/**
 * Making or changing a poll (officers). The form is read into the poll the API takes
 * (options and follow-ups one per line, UK dates and times as instants); the API checks
 * it with the pack files' schema, and each problem it names is shown beside its field.
 */
import { formatLondonDateTime, londonLocalToIso, londonParts } from '../../../../shared/contracts/london-time';
import type { FieldError } from '../../../../shared/contracts/field-errors';
import { kebabId } from '../../../../shared/contracts/kebab-id';
import { ColumnHeads, ScrollRegion } from '../../../../shared/ui/table-region';
import { type Answer, type Body, officerApi, officerPath } from './client';
import { allowedHere, announce, announceFailure, ApiError, api, show, showSignedIn, signedIn, when } from './session';

type PollView = Answer<'getPoll'>;
type PollInput = Body<'createPoll'>['poll'];

const field = (id: string) => document.getElementById(id) as HTMLInputElement;
const checked = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
const lines = (id: string) =>
  field(id)
    .value.split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** An option's id from its label, as the pack files write them; a label of no letters gets its place. */
const idOf = (label: string, i: number): string => kebabId(label) || `option-${i + 1}`;

/** A UK date and time from the boxes as an instant, or the boxes' text as it is (the API then says what is wrong). */
function instantOf(prefix: string): string {
  const date = field(`${prefix}-date`).value;
  const time = field(`${prefix}-time`).value || '00:00';
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return (y && m && d && londonLocalToIso(y, m, d, hh ?? 0, mm ?? 0)) || `${date} ${time}`.trim();
}

function setInstant(prefix: string, iso: string) {
  const p = londonParts(new Date(iso));
  const two = (n: number) => String(n).padStart(2, '0');
  field(`${prefix}-date`).value = `${p.year}-${two(p.month)}-${two(p.day)}`;
  field(`${prefix}-time`).value = `${two(p.hour)}:${two(p.minute)}`;
}

function readForm(): PollInput {
  const type = checked('type') as PollInput['type'];
  const districts = [...document.querySelectorAll<HTMLInputElement>('input[name="district"]:checked')].map((i) => i.value);
  const followUps = [1, 2, 3].flatMap((n): NonNullable<PollInput['followUps']> => {
    const question = field(`followup-${n}-question`).value.trim();
    if (!question) return [];
    const answers = lines(`followup-${n}-answers`);
    const id = `question-${n}`;
    return answers.length
      ? [{ id, kind: 'choice' as const, question, options: answers.map((label, i) => ({ id: idOf(label, i), label })) }]
      : [{ id, kind: 'text' as const, question, maxLength: 500 }];
  });
  return {
    title: field('title').value,
    question: field('question').value,
    description: field('description').value,
    type,
    ...(type === 'charity-pot'
      ? { tokens: { count: Number(field('token-count').value.trim() || Number.NaN), rule: checked('rule') as 'exactly' | 'up-to' } }
      : {}),
    options: lines('options').map((label, i) => ({ id: idOf(label, i), label })),
    opensAt: instantOf('opens'),
    closesAt: instantOf('closes'),
    ...(districts.length ? { eligibility: { postcodeDistricts: districts } } : {}),
    results: checked('results') as PollInput['results'],
    followUps,
  };
}

function fill(poll: PollView['poll'] & Record<string, unknown>) {
  const p = poll as unknown as PollInput & { id: string };
  field('title').value = p.title;
  field('question').value = p.question;
  field('description').value = p.description;
  field(`type-${p.type}`).checked = true;
  if (p.tokens) {
    field('token-count').value = String(p.tokens.count);
    field(`rule-${p.tokens.rule}`).checked = true;
  }
  field('options').value = p.options.map((o) => o.label).join('\n');
  setInstant('opens', p.opensAt);
  setInstant('closes', p.closesAt);
  for (const box of document.querySelectorAll<HTMLInputElement>('input[name="district"]'))
    box.checked = p.eligibility?.postcodeDistricts.includes(box.value) ?? false;
  field(`results-${p.results}`).checked = true;
  for (const [i, f] of (p.followUps ?? []).slice(0, 3).entries()) {
    field(`followup-${i + 1}-question`).value = f.question;
    field(`followup-${i + 1}-answers`).value = f.kind === 'choice' ? f.options.map((o) => o.label).join('\n') : '';
  }
  showTokens();
}

/** Which box a problem the API named belongs beside. */
function fieldFor(path: string): string {
  const [, top, index] = path.split('.');
  if (top === 'tokens') return path.endsWith('rule') ? 'token-rule' : 'token-count';
  if (top === 'opensAt') return 'opens';
  if (top === 'closesAt') return 'closes';
  if (top === 'eligibility') return 'districts';
  if (top === 'followUps') return index === undefined ? 'followup-1' : `followup-${Number(index) + 1}`;
  if (top === 'weDid') return 'we-did';
  if (top === 'actions') return 'plan-actions';
  return top && document.getElementById(top) ? top : 'poll-form';
}

/** What each box is called, so a problem in the summary says where it is ("Closes: must be after…"). */
const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  question: 'Question',
  description: 'Description',
  type: 'Kind of poll',
  'token-count': 'Tokens each resident places',
  'token-rule': 'Must residents place every token?',
  options: 'Options',
  opens: 'Opens',
  closes: 'Closes',
  districts: 'Who may take part',
  results: 'When are the results shown?',
  'we-did': 'What the partnership will do',
  'plan-actions': 'Plan actions',
};
const boxOf = (path: string) => (path.startsWith('poll.') ? fieldFor(path) : fieldFor(`x.${path}`));
/** The schema's words for a pack file's fields, in the form's words. */
const inFormWords = (message: string) => message.replace('after opensAt', 'after the opening time');

/** The problems as an error summary: each named by its box, and a link that moves to it. */
function announceProblems(errors: FieldError[], message: string) {
  announce(
    <>
      <p class="govuk-body">{message}</p>
      <ul class="govuk-list govuk-error-summary__list">
        {errors.map((e) => {
          const box = boxOf(e.path);
          const name = FIELD_NAMES[box] ?? (box.startsWith('followup-') ? `Follow-up question ${box.slice(-1)}` : undefined);
          return (
            <li>
              <a href={`#${box}`}>{name ? `${name}: ${inFormWords(e.message)}` : inFormWords(e.message)}</a>
            </li>
          );
        })}
      </ul>
    </>,
    'error',
  );
}

/** Marks each named field in error, GOV.UK style; clears the marks of an earlier try first. */
function showFieldErrors(errors: FieldError[]) {
  for (const old of document.querySelectorAll('.workspace-field-error')) old.remove();
  for (const group of document.querySelectorAll('.govuk-form-group--error')) group.classList.remove('govuk-form-group--error');
  for (const error of errors) {
    const target = document.getElementById(boxOf(error.path));
    const group = target?.closest('.govuk-form-group');
    if (!target || !group) continue;
    group.classList.add('govuk-form-group--error');
    const message = Object.assign(document.createElement('p'), { className: 'govuk-error-message workspace-field-error' });
    message.id = `${target.id}-error-${group.querySelectorAll('.workspace-field-error').length}`;
    message.append(
      Object.assign(document.createElement('span'), { className: 'govuk-visually-hidden', textContent: 'Error: ' }),
      inFormWords(error.message),
    );
    const legend = group.querySelector('legend, label');
    (legend?.nextElementSibling?.classList.contains('govuk-hint') ? legend.nextElementSibling : legend)?.after(message);
    const describedBy = target.getAttribute('aria-describedby');
    target.setAttribute('aria-describedby', [describedBy, message.id].filter(Boolean).join(' '));
  }
}

function showTokens() {
  document.getElementById('tokens-group')!.hidden = checked('type') !== 'charity-pot';
}

const STATE = { draft: 'Draft', upcoming: 'Scheduled', open: 'Open', closed: 'Closed' } as const;

function Status({ view }: { view: PollView }) {
  return (
    <div class="govuk-inset-text">
      <p class="govuk-body">
        <strong class="govuk-tag">{STATE[view.state]}</strong> Version {view.version}.{' '}
        {view.state === 'draft'
          ? 'Residents cannot see this poll until it is published.'
          : `Opens ${formatLondonDateTime(view.poll.opensAt)}, closes ${formatLondonDateTime(view.poll.closesAt)}.`}
      </p>
      {view.locked ? (
        <p class="govuk-body">
          Residents have taken part ({view.ballots} online{view.tallied ? ', and in pots counted at events' : ''}), so the question,
          options, tokens and rules can no longer change. The title, description and closing time can.
        </p>
      ) : null}
      {view.source === 'pack' ? <p class="govuk-body">This poll comes from the partnership pack’s files: change it there.</p> : null}
    </div>
  );
}

function Changes({ view }: { view: PollView }) {
  return (
    <ScrollRegion label="Changes to this poll">
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">Changes to this poll</caption>
        <ColumnHeads columns={['Version', 'When', 'Who', 'What']} />
        <tbody class="govuk-table__body">
          {view.changes.map((c) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{c.version}</td>
              <td class="govuk-table__cell">{when(c.changedAt)}</td>
              <td class="govuk-table__cell">{c.changedBy}</td>
              <td class="govuk-table__cell">{c.what.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

const session = await signedIn();
showSignedIn(session);
if (allowedHere(session, 'officer', 'make or change polls')) {
  let view: PollView | undefined;
  let id = new URLSearchParams(location.search).get('id') ?? undefined;
  const form = document.getElementById('poll-form') as HTMLFormElement;

  const draw = (next: PollView) => {
    view = next;
    id = next.poll.id;
    document.getElementById('poll-heading')!.textContent = next.poll.title;
    document.title = `${next.poll.title} - ${document.title.split(' - ').slice(1).join(' - ')}`;
    show(document.getElementById('poll-status')!, <Status view={next} />);
    show(document.getElementById('poll-changes')!, <Changes view={next} />);
    document.getElementById('poll-actions')!.hidden = false;
    document.getElementById('publish')!.hidden = next.status !== 'draft';
    document.getElementById('publish-when')!.textContent =
      `It opens on ${formatLondonDateTime(next.poll.opensAt)} and closes on ${formatLondonDateTime(next.poll.closesAt)}, with no one present. Residents see it on the site within a minute of publishing.`;
    document.getElementById('save-poll')!.textContent = next.status === 'draft' ? 'Save draft' : 'Save changes';
    form.hidden = next.source === 'pack';
    document.getElementById('response-section')!.hidden = next.state !== 'closed';
    if (next.response) field('we-did').value = next.response.weDid.join('\n');
    for (const box of document.querySelectorAll<HTMLInputElement>('input[name="action"]'))
      box.checked = next.response?.actions.some((a) => a.id === box.value) ?? false;
  };

  const load = async () => {
    if (!id) return;
    try {
      const next = await officerApi('getPoll', { params: { id } });
      fill(next.poll as PollView['poll'] & Record<string, unknown>);
      draw(next);
    } catch (error) {
      announceFailure(error, 'The poll could not be loaded. Reload the page.');
    }
  };

  const failed = (error: unknown, otherwise: string) => {
    const errors = error instanceof ApiError ? error.errors : [];
    showFieldErrors(errors);
    if (errors.length) announceProblems(errors, (error as ApiError).message);
    else announceFailure(error, otherwise);
  };

  /** Dates the boxes do not make: said before sending, in the form's words. */
  const dateProblems = (poll: PollInput): FieldError[] =>
    (
      [
        ['opensAt', 'Enter the date and time the poll opens, for example 1 March 2027 and 09:00'],
        ['closesAt', 'Enter the date and time the poll closes, for example 31 March 2027 and 23:59'],
      ] as const
    ).flatMap(([key, message]) => (Number.isNaN(Date.parse(poll[key])) ? [{ path: `poll.${key}`, message }] : []));

  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="type"]')) radio.addEventListener('change', showTokens);
  showTokens();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const poll = readForm();
    const problems = dateProblems(poll);
    if (problems.length) {
      showFieldErrors(problems);
      announceProblems(problems, 'Check the poll');
      return;
    }
    try {
      const saved =
        id && view
          ? await officerApi('updatePoll', { params: { id }, body: { version: view.version, poll } })
          : await officerApi('createPoll', { body: { poll } });
      id = saved.id;
      history.replaceState(null, '', `?id=${encodeURIComponent(saved.id)}`);
      showFieldErrors([]);
      draw(await officerApi('getPoll', { params: { id } }));
      announce(<p class="govuk-body">{saved.message}</p>);
    } catch (error) {
      failed(error, 'The poll was not saved. Your answers are still in the form: try again.');
    }
  });

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-preview]'))
    button.addEventListener('click', async () => {
      if (!id) return;
      const page = button.dataset.preview!;
      try {
        const html = await api<string>(officerPath('previewPoll', { id }, new URLSearchParams({ page })));
        show(
          document.getElementById('preview')!,
          <iframe class="workspace-preview" title={`Preview: ${button.textContent}`} sandbox="" srcdoc={html} key={page} />,
        );
      } catch (error) {
        announceFailure(error, 'The preview could not be shown. Try again.');
      }
    });

  document.getElementById('publish-poll')!.addEventListener('click', async () => {
    if (!id || !view) return;
    try {
      const saved = await officerApi('schedulePoll', { params: { id }, body: { version: view.version } });
      draw(await officerApi('getPoll', { params: { id } }));
      announce(<p class="govuk-body">{saved.message}</p>);
    } catch (error) {
      failed(error, 'The poll was not published. Try again.');
    }
  });

  document.getElementById('response-form')!.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!id || !view) return;
    const actions = [...document.querySelectorAll<HTMLInputElement>('input[name="action"]:checked')].map((box) => ({
      id: box.value,
      title: box.dataset.title!,
      href: box.dataset.href!,
    }));
    try {
      const saved = await officerApi('respondToPoll', { params: { id }, body: { version: view.version, weDid: lines('we-did'), actions } });
      showFieldErrors([]);
      draw(await officerApi('getPoll', { params: { id } }));
      announce(<p class="govuk-body">{saved.message}</p>);
    } catch (error) {
      failed(error, 'What the partnership will do was not published. Try again.');
    }
  });

  await load();
}
