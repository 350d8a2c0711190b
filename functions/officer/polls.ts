/**
 * Polls in the workspace: the list, the event tallies of one poll, recording a tally
 * (append-only; a correction is a new entry naming the one it corrects), and the bursts
 * of ballots from one address, for review. Officers and admins only.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { pollEventSchema, tallyRequestSchema } from '../../shared/contracts/officer';
import { formatCalendarDate } from '../../shared/contracts/london-time';
import { occurredDay } from '../../shared/domain/cases';
import type { Poll } from '../../shared/contracts/poll';
import type { PlannedEvent } from '../polls/ports';
import { findBursts } from '../../shared/domain/ballot-bursts';
import { effectiveTallies, type TallyEntry } from '../../shared/domain/poll-results';
import { pollState } from '../../shared/domain/poll-rules';
import { recordState } from '../polls/definitions';
import { expiresAt } from '../../shared/domain/retention';
import { COUNTER_SHARDS } from '../polls/online-counts';
import { readJsonBody } from '../adapters/http/request-body';
import { json, jsonMessage, type HttpResult } from '../adapters/http/responses';
import { readResults } from '../polls/dependencies';
import type { Officer } from './authorise';
import type { OfficerDependencies } from './dependencies';

export async function listPolls(deps: OfficerDependencies): Promise<HttpResult> {
  const now = deps.now();
  const polls = (await deps.polls.definitions.list())
    .sort((a, b) => b.poll.opensAt.localeCompare(a.poll.opensAt))
    .map((record) => ({
      id: record.poll.id,
      title: record.poll.title,
      type: record.poll.type,
      status: record.status,
      state: recordState(record, now),
      opensAt: record.poll.opensAt,
      closesAt: record.poll.closesAt,
      options: record.poll.options,
      version: record.version,
      source: record.source,
    }));
  return json(200, { polls });
}

export async function pollTallies(deps: OfficerDependencies, _officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const poll = (await deps.polls.definitions.get(event.pathParameters?.id ?? ''))?.poll;
  if (!poll) return jsonMessage(404, 'No poll with that id');
  const entries = (await deps.polls.store.listTallies(poll.id)).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  const counted = new Set(effectiveTallies(entries).map((e) => e.entryId));
  const correctedBy = new Map(entries.flatMap((e) => (e.corrects ? [[e.corrects, e.entryId] as const] : [])));
  // Officers see the results whatever their visibility: they count the pots.
  const [results, events] = await Promise.all([readResults({ store: deps.polls.store }, poll), deps.polls.store.listEvents(poll.id)]);
  return json(200, {
    poll: { id: poll.id, title: poll.title, options: poll.options, state: pollState(poll, deps.now()) },
    events: events.map(({ pollId: _p, ...event }) => event),
    entries: entries.map((e) => ({ ...e, counted: counted.has(e.entryId), correctedBy: correctedBy.get(e.entryId) })),
    results,
  });
}

export async function recordTally(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const poll = (await deps.polls.definitions.get(event.pathParameters?.id ?? ''))?.poll;
  if (!poll) return jsonMessage(404, 'No poll with that id');
  const read = readJsonBody(event, tallyRequestSchema, { what: 'the tally', check: 'Check the tally' });
  if (!read.ok) return read.response;
  const request = read.value;
  const known = new Set(poll.options.map((o) => o.id));
  const unknown = Object.keys(request.counts).filter((k) => !known.has(k));
  if (unknown.length)
    return json(400, {
      message: 'Check the tally',
      errors: unknown.map((k) => ({ path: `counts.${k}`, message: `“${k}” is not a concern in this poll` })),
    });
  const now = deps.now();
  // Pots are counted on the day; before it, only when the officer confirms they have been.
  const today = londonDay(now);
  if (request.event.date > closingDay(poll))
    return json(400, {
      message: 'Check the tally',
      errors: [
        { path: 'event.date', message: `The poll closes on ${formatCalendarDate(closingDay(poll))}: an event after that cannot count` },
      ],
    });
  if (request.event.date > today && request.early !== true)
    return json(400, {
      message: 'Check the tally',
      errors: [
        {
          path: 'early',
          message: `${request.event.name} is on ${formatCalendarDate(request.event.date)}, after today. Record its pots early only if they have already been counted, and say so.`,
        },
      ],
    });
  if (request.corrects && !request.reason)
    return json(400, { message: 'Check the tally', errors: [{ path: 'reason', message: 'Say why the count is being corrected' }] });
  const entry: TallyEntry = {
    entryId: randomUUID(),
    pollId: poll.id,
    event: request.event,
    counts: Object.fromEntries(poll.options.map((o) => [o.id, request.counts[o.id] ?? 0])),
    recordedBy: officer.identity.username,
    recordedAt: now.toISOString(),
    corrects: request.corrects,
    reason: request.reason,
  };
  const result = await deps.polls.store.appendTally(entry, expiresAt(new Date(poll.closesAt), deps.profile.polls.resultsDaysAfterClose));
  if (result === 'unknown-entry')
    return json(400, {
      message: 'Check the tally',
      errors: [{ path: 'corrects', message: 'The entry to correct is not one of this poll’s tallies' }],
    });
  if (result === 'already-corrected')
    return jsonMessage(
      409,
      'Someone has already corrected that entry. Reload to see their correction, then correct that one if it is still wrong.',
    );
  return json(201, { message: request.corrects ? 'Correction recorded. The earlier entry no longer counts.' : 'Tally recorded.', entry });
}

/** A poll's last day, on the UK clock. */
const closingDay = (poll: Poll) => londonDay(new Date(poll.closesAt));
const londonDay = (at: Date): string => occurredDay(at.toISOString())!;

export async function addPollEvent(deps: OfficerDependencies, officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const poll = (await deps.polls.definitions.get(event.pathParameters?.id ?? ''))?.poll;
  if (!poll) return jsonMessage(404, 'No poll with that id');
  const read = readJsonBody(event, pollEventSchema, { what: 'the event', check: 'Check the event' });
  if (!read.ok) return read.response;
  const asked = read.value;
  const now = deps.now();
  if (pollState(poll, now) === 'closed') return jsonMessage(409, 'This poll has closed: no more events can be planned for it.');
  const opens = londonDay(new Date(poll.opensAt));
  if (asked.date < opens || asked.date > closingDay(poll))
    return json(400, {
      message: 'Check the event',
      errors: [
        {
          path: 'date',
          message: `Pots count in this poll from ${formatCalendarDate(opens)} to ${formatCalendarDate(closingDay(poll))}: choose a date between them`,
        },
      ],
    });
  const planned: PlannedEvent = {
    pollId: poll.id,
    eventId: randomUUID(),
    ...asked,
    addedBy: officer.identity.username,
    addedAt: now.toISOString(),
  };
  await deps.polls.store.addEvent(planned, expiresAt(new Date(poll.closesAt), deps.profile.polls.resultsDaysAfterClose));
  const { pollId: _p, ...shown } = planned;
  return json(201, { message: `${planned.name} added. Record its pots from the list on the day.`, event: shown });
}

export async function ballotBursts(deps: OfficerDependencies, _officer: Officer, event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const poll = (await deps.polls.definitions.get(event.pathParameters?.id ?? ''))?.poll;
  if (!poll) return jsonMessage(404, 'No poll with that id');
  const traces: { ipHash: string; castAt: string }[] = [];
  for (let shard = 0; shard < COUNTER_SHARDS; shard++) {
    for await (const b of deps.polls.store.ballotsOfShard(poll.id, shard)) traces.push({ ipHash: b.ipHash, castAt: b.castAt });
  }
  const threshold = deps.profile.polls.burstBallotsPerHour;
  return json(200, { threshold, ballots: traces.length, bursts: findBursts(traces, threshold) });
}
