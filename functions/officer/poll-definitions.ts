/**
 * Polls officers make in the workspace: a draft is made, changed and previewed as
 * residents will see it, then scheduled, after which it opens and closes at its own
 * times. Every change names the version it was made from (409 if someone changed it
 * meanwhile) and is kept with who made it and when. Once a ballot is counted, what the
 * ballot was counted against cannot change; the title and description still can, and the
 * closing time until the poll closes.
 * After close, a short "what we will do" is shown with the results.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import {
  pollChangeSchema,
  pollCreateSchema,
  pollPreviewQuerySchema,
  pollResponseSchema,
  pollScheduleSchema,
} from '../../shared/contracts/officer';
import { pollSchema, type Poll } from '../../shared/contracts/poll';
import { kebabId } from '../../shared/contracts/kebab-id';
import type { FieldError } from '../../shared/contracts/field-errors';
import { formatLondonDateTime } from '../../shared/contracts/london-time';
import { pollState } from '../../shared/domain/poll-rules';
import { expiresAt } from '../../shared/domain/retention';
import { readJsonBody } from '../adapters/http/request-body';
import { html, json, jsonMessage, type HttpResult } from '../adapters/http/responses';
import { changedFields, LOCKED_FIELDS, recordState } from '../polls/definitions';
import type { PollChange, PollRecord } from '../polls/ports';
import type * as z from 'zod/mini';
import type { Officer } from './authorise';
import type { OfficerDependencies } from './dependencies';

const LOCKED_MESSAGE =
  'Residents have already taken part in this poll (online or in pots at an event), so its question, options, tokens and rules cannot change: only its title, description and closing time can. To ask something different, make a new poll.';
const CONFLICT_MESSAGE = 'Someone else changed this poll while you were editing it. Reload it to see their change, then make yours again.';

/** A poll's id, from its title: readable in its address, and never one already taken. */
function pollIdFrom(title: string, attempt: number): string {
  // Room for "-20" after it, within the 60 characters an id may have.
  const base = kebabId(title, 56) || 'poll';
  return attempt === 0 ? base : `${base}-${attempt + 1}`;
}

/** Checks what the schema cannot: the postcode districts are the partnership's own. */
function partnershipProblems(deps: OfficerDependencies, poll: Poll): FieldError[] {
  const known = new Set(deps.profile.areas.flatMap((a) => a.postcodeDistricts));
  return (poll.eligibility?.postcodeDistricts ?? []).flatMap((district, i) =>
    known.has(district)
      ? []
      : [
          {
            path: `poll.eligibility.postcodeDistricts.${i}`,
            message: `${district} is not one of the partnership's postcode districts (${[...known].join(', ')})`,
          },
        ],
  );
}

/** Validates a definition with the id it will have, naming each problem's field under `poll.`. */
function definitionOf(
  deps: OfficerDependencies,
  id: string,
  input: unknown,
): { ok: true; poll: Poll } | { ok: false; response: HttpResult } {
  const parsed = pollSchema.safeParse({ ...(input as object), id });
  const errors: FieldError[] = parsed.success
    ? partnershipProblems(deps, parsed.data)
    : parsed.error.issues.map((issue) => ({ path: ['poll', ...issue.path.map(String)].join('.'), message: issue.message }));
  if (errors.length || !parsed.success) return { ok: false, response: json(400, { message: 'Check the poll', errors }) };
  return { ok: true, poll: parsed.data };
}

const keepUntil = (deps: OfficerDependencies, poll: Poll) => expiresAt(new Date(poll.closesAt), deps.profile.polls.resultsDaysAfterClose);

/** Online ballots, and whether pots have been counted at an event: either locks what they were counted against. */
async function takenPart(deps: OfficerDependencies, pollId: string): Promise<{ ballots: number; tallied: boolean }> {
  const [counts, tallies] = await Promise.all([deps.polls.store.liveCounts(pollId), deps.polls.store.listTallies(pollId)]);
  return { ballots: counts.ballots, tallied: tallies.length > 0 };
}

export async function createPoll(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const read = readJsonBody(event, pollCreateSchema, { what: 'the poll', check: 'Check the poll' });
  if (!read.ok) return read.response;
  const at = deps.now().toISOString();
  const by = officer.identity.username;
  for (let attempt = 0; attempt < 20; attempt++) {
    const id = pollIdFrom(read.value.poll.title, attempt);
    const checked = definitionOf(deps, id, read.value.poll);
    if (!checked.ok) return checked.response;
    const written = await deps.polls.definitions.create(
      { poll: checked.poll, status: 'draft', source: 'workspace', version: 1 },
      { pollId: id, version: 1, changedBy: by, changedAt: at, what: ['created'] },
      keepUntil(deps, checked.poll),
    );
    if (written === 'written')
      return json(201, { message: 'Draft saved. Preview it, then publish it when it is ready.', id, version: 1, status: 'draft' });
  }
  return jsonMessage(409, 'There are already many polls with this title. Give this one a title of its own.');
}

export async function getPoll(deps: OfficerDependencies, _officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const record = await deps.polls.definitions.get(event.pathParameters?.id ?? '');
  if (!record) return jsonMessage(404, 'No poll with that id');
  const [{ ballots, tallied }, changes] = await Promise.all([
    takenPart(deps, record.poll.id),
    deps.polls.definitions.changes(record.poll.id),
  ]);
  return json(200, {
    poll: record.poll,
    status: record.status,
    state: recordState(record, deps.now()),
    version: record.version,
    source: record.source,
    locked: ballots > 0 || tallied,
    ballots,
    tallied,
    ...(record.response ? { response: record.response } : {}),
    changes: changes
      .sort((a, b) => a.version - b.version)
      .map(({ version, changedBy, changedAt, what }) => ({ version, changedBy, changedAt, what })),
  });
}

/** Stores the next version of a poll with its change, or says why not. */
async function saveVersion(
  deps: OfficerDependencies,
  officer: Officer,
  current: PollRecord,
  next: Pick<PollRecord, 'poll' | 'status' | 'response'>,
  what: string[],
  message: string,
): Promise<HttpResult> {
  const record: PollRecord = { ...current, ...next, version: current.version + 1 };
  const change: PollChange = {
    pollId: current.poll.id,
    version: record.version,
    changedBy: officer.identity.username,
    changedAt: deps.now().toISOString(),
    what,
  };
  const written = await deps.polls.definitions.replace(record, change, keepUntil(deps, record.poll), {
    lockedWhenVoted: what.some((field) => LOCKED_FIELDS.has(field)),
  });
  if (written === 'version-conflict') return jsonMessage(409, CONFLICT_MESSAGE);
  if (written === 'has-ballots') return jsonMessage(409, LOCKED_MESSAGE);
  return json(200, { message, id: record.poll.id, version: record.version, status: record.status });
}

/**
 * A change's request and the poll it is to: its body read with `schema`, and the poll as
 * stored, if it is there and the officer had its latest version.
 */
async function changeRequest<S extends z.ZodMiniType<{ version: number }>>(
  deps: OfficerDependencies,
  event: APIGatewayProxyEventV2,
  schema: S,
  words: { what: string; check: string },
): Promise<{ ok: true; value: z.output<S>; record: PollRecord } | { ok: false; response: HttpResult }> {
  const read = readJsonBody(event, schema, words);
  if (!read.ok) return read;
  const record = await deps.polls.definitions.get(event.pathParameters?.id ?? '');
  if (!record) return { ok: false, response: jsonMessage(404, 'No poll with that id') };
  if (record.version !== read.value.version) return { ok: false, response: jsonMessage(409, CONFLICT_MESSAGE) };
  return { ok: true, value: read.value, record };
}

export async function updatePoll(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const found = await changeRequest(deps, event, pollChangeSchema, { what: 'the poll', check: 'Check the poll' });
  if (!found.ok) return found.response;
  const { record, value } = found;
  if (record.source === 'pack')
    return jsonMessage(
      409,
      'This poll comes from the partnership pack’s files: change it there, so the next deploy does not undo your change.',
    );
  const checked = definitionOf(deps, record.poll.id, value.poll);
  if (!checked.ok) return checked.response;
  const what = changedFields(record.poll, checked.poll);
  if (what.length === 0)
    return json(200, { message: 'Nothing had changed.', id: record.poll.id, version: record.version, status: record.status });
  // A published poll's past cannot be rewritten: an opened poll keeps its opening time, and a
  // closed one its closing time (its totals were fixed when it closed).
  const state = recordState(record, deps.now());
  if ((state === 'open' || state === 'closed') && what.includes('opensAt'))
    return jsonMessage(409, 'This poll has opened, so its opening time cannot change. Its closing time still can, until it closes.');
  if (state === 'closed' && what.includes('closesAt'))
    return jsonMessage(
      409,
      'This poll has closed and its results are counted, so its closing time cannot change. To ask again, make a new poll.',
    );
  // Said before trying, with the fields named; the transaction checks again against a ballot arriving meanwhile.
  if (what.some((f) => LOCKED_FIELDS.has(f))) {
    const { ballots, tallied } = await takenPart(deps, record.poll.id);
    if (ballots > 0 || tallied) return jsonMessage(409, LOCKED_MESSAGE);
  }
  return saveVersion(
    deps,
    officer,
    record,
    { ...record, poll: checked.poll },
    what,
    record.status === 'draft' ? 'Draft saved.' : 'Poll changed. Residents see the change within a minute.',
  );
}

export async function schedulePoll(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const found = await changeRequest(deps, event, pollScheduleSchema, { what: 'the version', check: 'Check the request' });
  if (!found.ok) return found.response;
  const { record } = found;
  if (record.status !== 'draft') return jsonMessage(409, 'This poll is already published.');
  const now = deps.now();
  if (Date.parse(record.poll.closesAt) <= now.getTime())
    return json(400, {
      message: 'Check the poll',
      errors: [{ path: 'poll.closesAt', message: 'The closing time has passed: choose a later one before publishing' }],
    });
  const opensNow = Date.parse(record.poll.opensAt) <= now.getTime();
  return saveVersion(
    deps,
    officer,
    record,
    { ...record, status: 'scheduled' },
    ['scheduled'],
    opensNow
      ? 'Published. The poll is open now; residents see it within a minute.'
      : `Scheduled. The poll opens on ${formatLondonDateTime(record.poll.opensAt)} and closes on ${formatLondonDateTime(record.poll.closesAt)}.`,
  );
}

export async function respondToPoll(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const found = await changeRequest(deps, event, pollResponseSchema, { what: 'the response', check: 'Check the response' });
  if (!found.ok) return found.response;
  const { record, value } = found;
  if (recordState(record, deps.now()) !== 'closed')
    return jsonMessage(
      409,
      `Say what the partnership will do once the poll has closed (${formatLondonDateTime(record.poll.closesAt)}), when its results are known.`,
    );
  const response = {
    weDid: value.weDid,
    actions: value.actions,
    publishedBy: officer.identity.username,
    publishedAt: deps.now().toISOString(),
  };
  return saveVersion(deps, officer, record, { ...record, response }, ['response'], 'Published with the results and on “You said, we did”.');
}

/** A poll's pages as residents will see them, drafts included, with a banner saying it is a preview. */
export async function previewPoll(deps: OfficerDependencies, _officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const query = pollPreviewQuerySchema.safeParse(event.queryStringParameters ?? {});
  if (!query.success) return jsonMessage(400, query.error.issues[0]!.message);
  const record = await deps.polls.definitions.get(event.pathParameters?.id ?? '');
  if (!record) return jsonMessage(404, 'No poll with that id');
  const page = query.data.page ?? 'start';
  const { poll } = record;
  // A poll not yet open is shown as it will be once open: that is what residents will answer.
  // An open or closed one is shown as it is now.
  const now = pollState(poll, deps.now()) === 'upcoming' ? new Date(Date.parse(poll.opensAt) + 1000) : deps.now();
  const [{ h }, { renderPage }, pages, results, { readResults }] = await Promise.all([
    import('preact'),
    import('../../shared/ui/layout'),
    import('../../shared/ui/poll-pages'),
    import('../../shared/ui/poll-results'),
    import('../polls/dependencies'),
  ]);
  const counted = await readResults({ store: deps.polls.store }, poll);
  const example = poll.options.slice(0, 1).map((o) => ({ label: o.label, count: poll.tokens?.count ?? 1 }));
  const body = {
    start: () => h(pages.PollStartPage, { poll, now }),
    vote: () => h(pages.PollVotePage, { poll, now }),
    thanks: () => h(results.Thanks, { poll, placed: example, results: counted, now, response: record.response }),
    results: () => h(results.ResultsSection, { poll, results: counted, now, response: record.response }),
  }[page]();
  const banner = h(
    'div',
    { class: 'govuk-inset-text portal-preview-banner' },
    h('strong', null, 'Preview. '),
    record.status === 'draft' ? 'This poll is a draft: residents cannot see it yet. ' : '',
    'This is how the page looks to residents. Nothing sent from it is counted.',
  );
  return html(200, renderPage({ title: `Preview: ${poll.title}`, partnershipName: deps.profile.name, body: [banner, body], forms: true }));
}
