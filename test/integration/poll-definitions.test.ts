/**
 * Polls officers run themselves, on the real local stack: a draft is made, checked,
 * changed (with a version check) and previewed, then scheduled; it opens and closes by
 * the (injected) clock with no one present, is locked once a ballot is counted, and
 * takes a "what we will do" response after close. Pack polls arrive in the same table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { liveRegion } from '../../shared/ui/live-region';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import { createPollDefinitionStore } from '../../functions/adapters/dynamodb/poll-definitions';
import { createPollStore } from '../../functions/adapters/dynamodb/poll-store';
import { importPackPolls } from '../../functions/polls/import-pack-polls';
import { pollSchema } from '../../shared/contracts/poll';
import type { LocalStack } from '../../infra/local/local-stack';
import { CATALOGUE_TTL_MS } from '../../functions/polls/catalogue';
import { startTestStack } from '../support/local-stack';
import { callApi, signInDemoUsers } from '../support/officer';
import { testPolls, writeTestPolls } from '../support/test-polls';
import { sendBallotForm, startVoting, takeTimeToVote } from '../support/voting';

let stack: LocalStack;
const tokens: Record<string, { access: string; id: string }> = {};

/** A built site of two pages with their live regions, as the build leaves them. */
function builtSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'csp-regions-'));
  mkdirSync(join(dir, 'you-said-we-did'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><main>${liveRegion('home-polls', '<p>At build</p>')}</main>`);
  writeFileSync(join(dir, 'you-said-we-did', 'index.html'), `<!doctype html><main>${liveRegion('poll-responses', '')}</main>`);
  return dir;
}

beforeAll(async () => {
  stack = await startTestStack({ pollsDir: writeTestPolls(), siteDir: builtSite() });
  Object.assign(tokens, await signInDemoUsers(stack));
});
afterAll(async () => stack?.stop());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A poll as the workspace sends it, opening and closing relative to the stack's clock. */
function draft(title: string, overrides: Record<string, unknown> = {}) {
  const now = Date.now() + clockMoved;
  return {
    title,
    question: 'Which of these worries you most?',
    description: 'Put your tokens in the pots that matter to you.',
    type: 'charity-pot',
    tokens: { count: 3, rule: 'up-to' },
    options: [
      { id: 'speeding', label: 'Speeding' },
      { id: 'litter', label: 'Litter' },
      { id: 'no-concern', label: 'No concern' },
    ],
    opensAt: new Date(now + HOUR).toISOString(),
    closesAt: new Date(now + 10 * DAY).toISOString(),
    results: 'live',
    ...overrides,
  };
}
let clockMoved = 0;
const advance = (ms: number) => {
  stack.advanceClock(ms);
  clockMoved += ms;
};
/** Moves past the time the poll pages keep their copy of the list, as a resident would wait. */
const pagesCatchUp = () => advance(CATALOGUE_TTL_MS + 1000);

const officer = (path: string, init: { method?: string; body?: unknown } = {}) => callApi(stack, tokens.officer!.access, path, init);
const page = async (path: string) => {
  const res = await fetch(`${stack.url}${path}`, { headers: { accept: 'text/html' } });
  return { status: res.status, html: await res.text(), cache: res.headers.get('cache-control') };
};

async function createDraft(title: string, overrides: Record<string, unknown> = {}) {
  const made = await officer('/api/officer/polls', { body: { poll: draft(title, overrides) } });
  expect(made.status, made.text).toBe(201);
  return made.body as { id: string; version: number };
}

describe('pack polls', () => {
  it('are imported into the polls table and served from it, with no poll pages in the built site', async () => {
    const list = await page('/polls/');
    expect(list.status).toBe(200);
    expect(list.html).toContain(testPolls.open.title);
    expect(list.html).toContain(testPolls.closed.title);
    expect(list.cache).toBe('public, max-age=30');
    const listed = await officer('/api/officer/polls');
    const open = (listed.body as { polls: { id: string; source: string; status: string }[] }).polls.find((p) => p.id === testPolls.open.id);
    expect(open).toMatchObject({ source: 'pack', status: 'scheduled' });
    // A pack poll is changed in the pack, not the workspace, so a deploy never undoes an officer's change.
    const refused = await officer(`/api/officer/polls/${testPolls.open.id}`, {
      body: { version: 1, poll: { ...testPolls.open, id: undefined } },
    });
    expect(refused.status).toBe(409);
  });
});

describe('making a poll', () => {
  it('refuses each mistake beside its field, and escapes markup everywhere it is shown', async () => {
    const bad = await officer('/api/officer/polls', {
      body: {
        poll: draft('Broken poll', {
          closesAt: new Date(Date.now() - DAY).toISOString(),
          tokens: { count: 40, rule: 'up-to' },
          options: [
            { id: 'litter', label: 'Litter' },
            { id: 'litter', label: 'Litter' },
          ],
          eligibility: { postcodeDistricts: ['ZZ9'] },
        }),
      },
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body as { errors: { path: string; message: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['poll.tokens.count']));
    // Rules across fields run once the fields themselves are right.
    const crossed = await officer('/api/officer/polls', {
      body: {
        poll: draft('Crossed poll', {
          closesAt: new Date(Date.now() - DAY).toISOString(),
          options: [
            { id: 'litter', label: 'Litter' },
            { id: 'litter', label: 'Litter' },
          ],
        }),
      },
    });
    expect(crossed.status).toBe(400);
    expect((crossed.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual(['poll.closesAt', 'poll.options']);
    const noOptions = await officer('/api/officer/polls', { body: { poll: draft('Empty poll', { options: [] }) } });
    expect(noOptions.status).toBe(400);
    expect(JSON.stringify(noOptions.body)).toMatch(/at least 2 options/);
    const elsewhere = await officer('/api/officer/polls', {
      body: { poll: draft('Elsewhere poll', { eligibility: { postcodeDistricts: ['ZZ9'] } }) },
    });
    expect(elsewhere.status).toBe(400);
    expect((elsewhere.body as { errors: { path: string; message: string }[] }).errors[0]).toMatchObject({
      path: 'poll.eligibility.postcodeDistricts.0',
      message: expect.stringContaining('ZZ9 is not one of the partnership'),
    });
    // Partner users cannot make polls.
    expect((await callApi(stack, tokens.police!.access, '/api/officer/polls', { body: { poll: draft('Partner poll') } })).status).toBe(403);

    const marked = await createDraft('<script>alert(1)</script> Safer streets');
    expect(marked.id).toBe('script-alert-1-script-safer-streets');
    const preview = await officer(`/api/officer/polls/${marked.id}/preview?page=start`);
    expect(preview.status).toBe(200);
    expect(preview.text).not.toContain('<script>alert(1)');
    expect(preview.text).toContain('&lt;script>alert(1)&lt;/script> Safer streets');
  });

  it('keeps a draft from residents, previews it as they will see it, and keeps every change with who and when', async () => {
    const fields = draft('Draft about speeding');
    const made = await officer('/api/officer/polls', { body: { poll: fields } });
    expect(made.status, made.text).toBe(201);
    const { id } = made.body as { id: string };
    expect((await page(`/polls/${id}/`)).status).toBe(404);
    pagesCatchUp();
    expect((await page('/polls/')).html).not.toContain('Draft about speeding');

    for (const [which, words] of [
      ['start', 'Start now'],
      ['vote', 'Which of these worries you most?'],
      ['thanks', 'Thank you for taking part'],
      ['results', 'Results: Draft about speeding'],
    ] as const) {
      const preview = await officer(`/api/officer/polls/${id}/preview?page=${which}`);
      expect(preview.status, which).toBe(200);
      expect(preview.text).toContain('Preview.');
      expect(preview.text).toContain(words);
    }
    expect((await officer(`/api/officer/polls/${id}/preview?page=elsewhere`)).status).toBe(400);

    const changed = await officer(`/api/officer/polls/${id}`, { body: { version: 1, poll: { ...fields, description: 'Changed.' } } });
    expect(changed.status, changed.text).toBe(200);
    // A second officer editing from the version they loaded is told, and nothing of theirs is stored.
    const stale = await callApi(stack, tokens.admin!.access, `/api/officer/polls/${id}`, {
      body: { version: 1, poll: { ...fields, description: 'Overwritten?' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.text).toMatch(/Someone else changed this poll/);
    const view = await officer(`/api/officer/polls/${id}`);
    expect(view.body).toMatchObject({ status: 'draft', state: 'draft', version: 2, locked: false, poll: { description: 'Changed.' } });
    expect((view.body as { changes: { version: number; changedBy: string; what: string[] }[] }).changes).toEqual([
      expect.objectContaining({ version: 1, changedBy: expect.stringMatching(/^officer@/), what: ['created'] }),
      expect.objectContaining({ version: 2, changedBy: expect.stringMatching(/^officer@/), what: ['description'] }),
    ]);
  });
});

describe('a poll counted at an event', () => {
  it('is locked by its tallies as by ballots: what the pots were counted against cannot change', async () => {
    const fields = draft('Pots before the poll opens');
    const made = await officer('/api/officer/polls', { body: { poll: fields } });
    const { id } = made.body as { id: string };
    const tally = await officer(`/api/officer/polls/${id}/tallies`, {
      body: {
        event: { name: 'Spring fair', date: new Date(Date.now() + clockMoved).toISOString().slice(0, 10), place: 'Green' },
        counts: { litter: 4 },
        early: true,
      },
    });
    expect(tally.status, tally.text).toBe(201);
    expect((await officer(`/api/officer/polls/${id}`)).body).toMatchObject({ locked: true, ballots: 0, tallied: true });
    const changed = await officer(`/api/officer/polls/${id}`, {
      body: { version: 1, poll: { ...fields, options: [...fields.options, { id: 'graffiti', label: 'Graffiti' }] } },
    });
    expect(changed.status).toBe(409);
    expect(changed.text).toMatch(/in pots at an event/);
    expect((await officer(`/api/officer/polls/${id}`, { body: { version: 1, poll: { ...fields, title: 'Pots, retitled' } } })).status).toBe(
      200,
    );
  });
});

describe('a scheduled poll', () => {
  it('opens and closes at its times with no one present, locks once voted in, and takes a response after close', async () => {
    const { id } = await createDraft('Fete concerns');
    const early = await officer(`/api/officer/polls/${id}/response`, { body: { version: 1, weDid: ['Too soon'] } });
    expect(early.status).toBe(409);
    const scheduled = await officer(`/api/officer/polls/${id}/schedule`, { body: { version: 1 } });
    expect(scheduled.status, scheduled.text).toBe(200);
    expect((scheduled.body as { message: string }).message).toMatch(/^Scheduled\. The poll opens on/);
    expect((await officer(`/api/officer/polls/${id}/schedule`, { body: { version: 2 } })).status).toBe(409);

    // Coming up: listed with its dates, no "Start now" yet, and the API refuses to start.
    pagesCatchUp();
    expect((await page('/polls/')).html).toContain('Fete concerns');
    await stack.refreshSiteNow();
    const home = await page('/');
    expect(home.html).toContain('href="/polls/fete-concerns/"');
    expect(home.html).toContain('Opens soon');
    expect(home.html).not.toContain('At build');
    const upcoming = await page(`/polls/${id}/`);
    expect(upcoming.html).toContain('This poll opens on');
    expect(upcoming.html).not.toContain('Start now');
    expect((await page(`/polls/${id}/vote/`)).html).toContain('has not opened yet');
    expect((await startVoting(stack, id)).status).toBe(403);

    // The opening time passes: the start page and the vote form are there, and a resident votes with a plain form.
    advance(HOUR);
    pagesCatchUp();
    expect((await page(`/polls/${id}/`)).html).toContain('Start now');
    const form = await page(`/polls/${id}/vote/`);
    expect(form.html).toContain('action="/api/polls/fete-concerns/ballots"');
    expect(form.html).toContain('src="/assets/poll-form.js"');
    const { cookie } = await startVoting(stack, id);
    takeTimeToVote(stack);
    const voted = await sendBallotForm(stack, id, cookie, { 'tokens.speeding': '2', 'tokens.litter': '1' });
    expect(voted.status, voted.html).toBe(303);

    // Voted in: what the ballot was counted against cannot change; the title can.
    const locked = await officer(`/api/officer/polls/${id}`, {
      body: {
        version: 2,
        poll: draft('Fete concerns', {
          opensAt: (await optionsOf(id)).opensAt,
          options: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
        }),
      },
    });
    expect(locked.status).toBe(409);
    expect(locked.text).toMatch(/already taken part in this poll/);
    const current = await optionsOf(id);
    const retitled = await officer(`/api/officer/polls/${id}`, {
      body: { version: 2, poll: { ...current, id: undefined, title: 'Fete concerns 2027' } },
    });
    expect(retitled.status, retitled.text).toBe(200);
    expect((await officer(`/api/officer/polls/${id}`)).body).toMatchObject({ locked: true, ballots: 1, state: 'open' });

    // Open: its opening time is past and stays so.
    const moved = await officer(`/api/officer/polls/${id}`, {
      body: {
        version: 3,
        poll: { ...(await optionsOf(id)), id: undefined, opensAt: new Date(Date.now() + clockMoved + DAY).toISOString() },
      },
    });
    expect(moved.status).toBe(409);
    expect(moved.text).toMatch(/opening time cannot change/);

    // Closed by its time: no form, the results, then the response beside them.
    advance(10 * DAY);
    const reopened = await officer(`/api/officer/polls/${id}`, {
      body: {
        version: 3,
        poll: { ...(await optionsOf(id)), id: undefined, closesAt: new Date(Date.now() + clockMoved + 20 * DAY).toISOString() },
      },
    });
    expect(reopened.status).toBe(409);
    expect(reopened.text).toMatch(/closing time cannot change/);
    pagesCatchUp();
    expect((await page(`/polls/${id}/`)).html).toContain('This poll has closed');
    expect((await startVoting(stack, id)).status).toBe(403);
    const response = await officer(`/api/officer/polls/${id}/response`, {
      body: {
        version: 3,
        weDid: ['Speed checks <b>outside</b> the school'],
        actions: [{ id: 'speed-watch', title: 'Community Speedwatch', href: '/plans/2024-2027/#action-speed-watch' }],
      },
    });
    expect(response.status, response.text).toBe(200);
    pagesCatchUp();
    const results = await page(`/api/polls/${id}/results`);
    expect(results.html).toContain('What we will do');
    expect(results.html).toContain('Speed checks &lt;b>outside&lt;/b> the school');
    expect(results.html).not.toContain('<b>outside');
    expect(results.html).toContain('href="/plans/2024-2027/#action-speed-watch"');
    await stack.refreshSiteNow();
    const reported = await page('/you-said-we-did/');
    expect(reported.html).toContain('Fete concerns 2027');
    expect(reported.html).toContain('Speed checks &lt;b>outside&lt;/b> the school');
    const badLink = await officer(`/api/officer/polls/${id}/response`, {
      body: { version: 4, weDid: ['x'], actions: [{ id: 'x', title: 'x', href: 'https://evil.example/' }] },
    });
    expect(badLink.status).toBe(400);
  });
});

async function optionsOf(id: string) {
  return (await officer(`/api/officer/polls/${id}`)).body.poll as Record<string, unknown>;
}

describe('the polls table', () => {
  const stores = () => {
    const client = localDynamoClient(stack.dynamoDbEndpoint);
    return { definitions: createPollDefinitionStore(client, stack.pollsTableName), ballots: createPollStore(client, stack.pollsTableName) };
  };
  const keep = Math.floor(Date.now() / 1000) + 86_400;

  it('refuses a change to what a ballot was counted against in the transaction that writes it, so the two cannot cross', async () => {
    const { definitions, ballots } = stores();
    const { id } = await createDraft('Crossing poll');
    const record = (await definitions.get(id))!;
    const change = (what: string[]) => ({
      pollId: id,
      version: record.version + 1,
      changedBy: 'test',
      changedAt: new Date().toISOString(),
      what,
    });
    await ballots.castBallot(
      {
        pollId: id,
        voterId: 'voter-1',
        counts: { litter: 1 },
        followUps: {},
        ipHash: 'x',
        castAt: new Date().toISOString(),
        expiresAt: keep,
      },
      {},
    );
    const newOptions = { ...record.poll, options: [...record.poll.options, { id: 'graffiti', label: 'Graffiti' }] };
    expect(
      await definitions.replace({ ...record, version: record.version + 1, poll: newOptions }, change(['options']), keep, {
        lockedWhenVoted: true,
      }),
    ).toBe('has-ballots');
    expect((await definitions.get(id))!.poll.options).toHaveLength(3);
    expect((await definitions.changes(id)).map((c) => c.what)).toEqual([['created']]);
    const retitled = { ...record.poll, title: 'Crossing poll, retitled' };
    expect(
      await definitions.replace({ ...record, version: record.version + 1, poll: retitled }, change(['title']), keep, {
        lockedWhenVoted: false,
      }),
    ).toBe('written');
  });

  it('imports pack polls once, takes a pack file’s change, and never overwrites a poll an officer made', async () => {
    const { definitions } = stores();
    const { id } = await createDraft('Officer poll with a pack twin');
    const pack = { ...pollSchema.parse({ ...testPolls.future, id: 'pack-only' }) };
    const twin = pollSchema.parse({ ...testPolls.future, id });
    const first = await importPackPolls(definitions, [pack, twin], new Date(), 365);
    expect(first.added).toEqual(['pack-only']);
    expect(first.refused).toEqual([{ id, reason: expect.stringMatching(/an officer made a poll with this id/) }]);
    expect((await definitions.get(id))!.source).toBe('workspace');
    const again = await importPackPolls(definitions, [pack], new Date(), 365);
    expect(again.unchanged).toEqual(['pack-only']);
    const changed = await importPackPolls(definitions, [{ ...pack, title: 'Renamed in the pack' }], new Date(), 365);
    expect(changed.updated).toEqual(['pack-only']);
    expect((await definitions.changes('pack-only')).map((c) => c.what)).toEqual([['created'], ['title']]);
  });
});
