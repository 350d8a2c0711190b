/**
 * Polls on the real local stack (DynamoDB Local, the HTTP server, the poll functions):
 * 500 voters at once give exact totals and one ballot each, retries do not double
 * count, closed and future polls refuse with a reason, bad ballots get 400 naming the
 * problem, hidden results stay hidden, the close-time recount matches the counters,
 * and officers record and correct event tallies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { LocalStack } from '../../infra/local/local-stack';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import { createPollStore } from '../../functions/adapters/dynamodb/poll-store';
import { pollKeys } from '../../functions/adapters/dynamodb/polls-table-definition';
import { finalisePoll } from '../../functions/polls/finalise-poll';
import { loadPolls } from '../../shared/config/load-polls';
import { defaultProfile } from '../../shared/config/load-profile';
import { startTestStack, waitForEmails } from '../support/local-stack';
import asb from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };
import { callApi, signInDemoUsers } from '../support/officer';
import { testPolls, writeTestPolls } from '../support/test-polls';
import { inParallel, results, sendBallot, sendBallotForm, startVoting, takeTimeToVote } from '../support/voting';

let stack: LocalStack;
let pollsDir: string;
const tokens: Record<string, { access: string; id: string }> = {};

beforeAll(async () => {
  pollsDir = writeTestPolls();
  stack = await startTestStack({ pollsDir });
  Object.assign(tokens, await signInDemoUsers(stack));
});
afterAll(async () => stack?.stop());

const open = testPolls.open.id;
/** A valid ballot for the open poll: 5 tokens exactly, an eligible postcode. */
const allocation = (i: number) => ({ 'anti-social-behaviour': i % 3, 'drug-misuse': 2, burglary: 3 - (i % 3) });

describe('voting', () => {
  it('counts 500 voters at once exactly, one ballot each, and retries never double count', async () => {
    const before = (await results(stack, open)).json!;
    const voters = await inParallel(
      Array.from({ length: 500 }, (_, i) => i),
      50,
      async () => (await startVoting(stack, open)).cookie!,
    );
    expect(new Set(voters).size).toBe(500);
    takeTimeToVote(stack);
    // A client told "try again" (a 5xx) does so, as the message asks. On a loaded machine
    // DynamoDB Local resets some of 500 simultaneous connections; whichever attempt lands,
    // each voter must end up counted exactly once.
    let retried = 0;
    const answers = await inParallel(voters, 500, async (cookie, i) => {
      for (let attempt = 1; ; attempt++) {
        const answer = await sendBallot(stack, open, cookie, {
          allocation: allocation(i),
          postcode: i % 2 ? 'FB1 4XT' : 'fb3',
          followUps: { where: i % 4 ? 'oakridge' : 'kingsmead' },
        });
        if (answer.status < 500 || attempt === 5) return answer;
        retried++;
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    });
    expect(answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
    expect(retried).toBeLessThan(500);

    // The same ballot sent again (a lost response, a double tap) is answered as counted, and is not counted.
    const retries = await inParallel(voters.slice(0, 50), 50, (cookie, i) =>
      sendBallot(stack, open, cookie, {
        allocation: allocation(i),
        postcode: i % 2 ? 'FB1 4XT' : 'fb3',
        followUps: { where: i % 4 ? 'oakridge' : 'kingsmead' },
      }),
    );
    expect(retries.every((r) => r.status === 201 && r.replayed)).toBe(true);
    // A different second ballot from the same voter is refused.
    const second = await sendBallot(stack, open, voters[7], { allocation: { 'no-concern': 5 }, postcode: 'FB1' });
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/already taken part/);

    const after = (await results(stack, open)).json!;
    const expected = { 'anti-social-behaviour': 0, 'drug-misuse': 0, burglary: 0 };
    for (let i = 0; i < 500; i++) for (const [k, n] of Object.entries(allocation(i))) expected[k as keyof typeof expected] += n;
    const count = (r: typeof after, id: string) => r.rows.find((row) => row.optionId === id)!.count;
    for (const [id, n] of Object.entries(expected)) expect(count(after, id) - count(before, id)).toBe(n);
    expect(after.onlineBallots - before.onlineBallots).toBe(500);
    expect(after.total - before.total).toBe(2500);
    const where = (r: typeof after, id: string) => r.followUps.find((f) => f.id === 'where')!.counts.find((c) => c.optionId === id)!.count;
    expect(where(after, 'kingsmead') - where(before, 'kingsmead')).toBe(125);
    expect(where(after, 'oakridge') - where(before, 'oakridge')).toBe(375);

    // At close the totals recomputed from the ballots match the sharded counters.
    const client = localDynamoClient(stack.dynamoDbEndpoint);
    const store = createPollStore(client, stack.pollsTableName);
    const poll = loadPolls(pollsDir).find((p) => p.id === open)!;
    const afterClose = () => new Date(Date.parse(poll.closesAt) + 120_000);
    const final = await finalisePoll({ store, profile: defaultProfile(), now: afterClose }, poll);
    expect(final.outcome).toBe('finalised');
    if (final.outcome !== 'finalised') return;
    expect(final.final.matched).toBe(true);
    expect(final.final.ballots).toBe(after.onlineBallots);
    expect(final.final.counts).toEqual(final.final.counters.counts);
    expect((await finalisePoll({ store, profile: defaultProfile(), now: afterClose }, poll)).outcome).toBe('already-final');
    client.destroy();
  }, 180_000);

  it('publishes the recount, not the counters, when a counter drifted, and says so', async () => {
    const poll = loadPolls(pollsDir).find((p) => p.id === testPolls.upTo.id)!;
    const cookie = (await startVoting(stack, poll.id)).cookie!;
    takeTimeToVote(stack);
    expect((await sendBallot(stack, poll.id, cookie, { allocation: { burglary: 2 } })).status).toBe(201);
    const client = localDynamoClient(stack.dynamoDbEndpoint);
    // A counter written to outside a ballot (the failure the recount exists to catch).
    await client.send(
      new UpdateItemCommand({
        TableName: stack.pollsTableName,
        Key: marshall(pollKeys.counter(poll.id, 0)),
        UpdateExpression: 'ADD #o :n',
        ExpressionAttributeNames: { '#o': 'o#burglary' },
        ExpressionAttributeValues: marshall({ ':n': 40 }),
      }),
    );
    const store = createPollStore(client, stack.pollsTableName);
    const final = await finalisePoll({ store, profile: defaultProfile(), now: () => new Date(Date.parse(poll.closesAt) + 120_000) }, poll);
    expect(final.outcome === 'finalised' && final.final.matched).toBe(false);
    expect(final.outcome === 'finalised' && final.final.counts.burglary).toBe(2);
    // Results now come from the recount.
    expect((await results(stack, poll.id)).json!.rows.find((r) => r.optionId === 'burglary')!.count).toBe(2);
    client.destroy();
  });

  it('refuses closed and future polls with a reason, before and after "Start now"', async () => {
    for (const poll of [testPolls.closed, testPolls.future]) {
      const start = await startVoting(stack, poll.id);
      expect(start.status).toBe(403);
      expect(start.cookie).toBeUndefined();
      const ballot = await sendBallot(stack, poll.id, undefined, { allocation: { burglary: 1 } });
      expect(ballot.status).toBe(403);
      expect(ballot.body.message).toMatch(poll === testPolls.closed ? /closed on .* so we cannot count new answers/ : /opens on/);
    }
    expect((await sendBallot(stack, 'no-such-poll', undefined, {})).status).toBe(404);
  });

  it('answers bad ballots with 400 naming each problem, and ineligible postcodes with 403', async () => {
    const cookie = (await startVoting(stack, open)).cookie!;
    const tooFast = await sendBallot(stack, open, cookie, { allocation: { burglary: 5 }, postcode: 'FB1' });
    expect(tooFast.status).toBe(400);
    expect(tooFast.body.errors![0]!.message).toMatch(/have not counted them yet/);
    takeTimeToVote(stack);
    const cases: [unknown, number, RegExp][] = [
      [{ allocation: { burglary: 5, arson: 0 }, postcode: 'FB1' }, 400, /“arson” is not one of the concerns/],
      [{ allocation: { burglary: 4 }, postcode: 'FB1' }, 400, /Place all 5 tokens: you have 1 left/],
      [{ allocation: { burglary: 6, 'drug-misuse': -1 }, postcode: 'FB1' }, 400, /negative/],
      [{ allocation: { burglary: 2.5, 'drug-misuse': 2.5 }, postcode: 'FB1' }, 400, /whole number/],
      [{ allocation: { burglary: 5 } }, 400, /Enter your postcode/],
      [{ allocation: { burglary: 5 }, postcode: 'not a postcode' }, 400, /real UK postcode/],
      [{ allocation: { burglary: 5 }, postcode: 'FB1', followUps: { where: 'mars' } }, 400, /Choose one of the answers listed/],
      [{ allocation: { burglary: 5 }, postcode: 'FB1', colour: 'red' }, 400, /"colour" is not a field we accept/],
      [{ allocation: { burglary: 5 }, postcode: 'FB1', website: 'http://spam.example' }, 400, /could not accept this form/],
      [{ choice: 'burglary', postcode: 'FB1' }, 400, /place tokens, not to choose one answer/],
      [{ allocation: { burglary: 5 }, postcode: 'CM9 4LX' }, 403, /FB1 and FB3 postcodes, and CM9 is not one of them/],
    ];
    for (const [body, status, message] of cases) {
      const answer = await sendBallot(stack, open, cookie, body);
      // A 400 lists each problem in errors (beside a general message); other answers have a message.
      const said = answer.body.errors ? answer.body.errors.map((e) => e.message).join(' | ') : answer.body.message;
      expect([answer.status, said]).toEqual([status, expect.stringMatching(message)]);
    }
    // Without the cookie, or with a forged one, nothing is counted.
    expect((await sendBallot(stack, open, undefined, { allocation: { burglary: 5 }, postcode: 'FB1' })).body.errors![0]!.message).toMatch(
      /started from the poll page/,
    );
    const forged = cookie.replace(/\.(\d{10})\./, (_m, t: string) => `.${Number(t) - 60}.`);
    expect((await sendBallot(stack, open, forged, { allocation: { burglary: 5 }, postcode: 'FB1' })).status).toBe(400);
    // Single choice: exactly one known answer.
    const single = (await startVoting(stack, testPolls.single.id)).cookie!;
    takeTimeToVote(stack);
    expect((await sendBallot(stack, testPolls.single.id, single, { choice: 'robbery' })).status).toBe(400);
    expect((await sendBallot(stack, testPolls.single.id, single, { choice: 'burglary' })).status).toBe(201);
  });

  it("shows a postcode outside the area as a problem with that field, answers kept, with the partnership's contact details", async () => {
    const cookie = (await startVoting(stack, open)).cookie!;
    takeTimeToVote(stack);
    const outside = await sendBallotForm(stack, open, cookie, { 'tokens.burglary': '3', 'tokens.drug-misuse': '2', postcode: 'CM9 4LX' });
    expect(outside.status).toBe(403);
    expect(outside.html).toContain('href="#postcode"');
    expect(outside.html).toMatch(/id="postcode-error"[\s\S]*CM9 is not one of them/);
    expect(outside.html).toContain('value="CM9 4LX"');
    expect(outside.html).toMatch(/name="tokens.drug-misuse"[^>]*value="2"|value="2"[^>]*name="tokens.drug-misuse"/);
    expect(outside.html).toContain(defaultProfile().contact.email);
    expect(outside.html).toContain('Contact the partnership');
  });

  it('says once, as a notice and with every answer kept, why a form ballot sent too soon was not counted', async () => {
    const cookie = (await startVoting(stack, open)).cookie!;
    const early = await sendBallotForm(stack, open, cookie, { 'tokens.burglary': '3', 'tokens.drug-misuse': '2', postcode: 'FB3 2QT' });
    expect(early.status).toBe(400);
    expect(early.html).toContain('Your answers have not been counted yet');
    expect(early.html.split('have not counted them yet')).toHaveLength(2);
    expect(early.html).not.toContain('govuk-error-summary');
    expect(early.html).toMatch(/name="tokens.drug-misuse"[^>]*value="2"|value="2"[^>]*name="tokens.drug-misuse"/);
    expect(early.html).toContain('value="FB3 2QT"');
  });

  it('gives the form back with the answers kept when a form ballot has a problem, and 303 when it counts', async () => {
    const cookie = (await startVoting(stack, open)).cookie!;
    takeTimeToVote(stack);
    const bad = await sendBallotForm(stack, open, cookie, {
      'tokens.burglary': '3',
      'tokens.drug-misuse': 'lots',
      postcode: 'FB3 2QT',
      'followUps.more': '<script>alert(1)</script>',
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Enter a whole number of tokens');
    expect(bad.html).toContain('value="FB3 2QT"');
    expect(bad.html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(bad.html).not.toContain('<script>alert(1)');
    const good = await sendBallotForm(stack, open, cookie, {
      'tokens.burglary': '3',
      'tokens.drug-misuse': '2',
      'tokens.no-concern': '',
      postcode: 'FB3 2QT',
      website: '',
    });
    expect([good.status, good.location]).toEqual([303, `/api/polls/${open}/thanks`]);
    const thanks = await (await fetch(`${stack.url}${good.location}`, { headers: { cookie } })).text();
    expect(thanks).toContain('Drug misuse: 2 tokens');
    expect(thanks).toContain('Results: Open test poll');
    // "Start now" again after voting leads back to the thank-you page, not a second ballot.
    expect((await startVoting(stack, open, cookie)).location).toBe(`/api/polls/${open}/thanks`);
  });
});

describe('results', () => {
  it('hides after-close results from the API, the page and the CSV while the poll is open', async () => {
    const hidden = testPolls.hidden.id;
    expect((await results(stack, hidden)).status).toBe(403);
    const page = await results(stack, hidden, 'text/html');
    expect(page.status).toBe(403);
    expect(page.text).toContain('published after voting closes');
    const csv = await fetch(`${stack.url}/api/polls/${hidden}/results?format=csv`);
    expect(csv.status).toBe(403);
    expect((await results(stack, testPolls.future.id)).status).toBe(403);
    expect((await fetch(`${stack.url}/api/polls/${open}/results?format=xml`)).status).toBe(400);
  });

  it('serves the ranked results as an HTML page with a chart and as CSV', async () => {
    // A ballot of this test's own, so the page has counts whatever else has voted.
    const cookie = (await startVoting(stack, open)).cookie!;
    takeTimeToVote(stack);
    const ballot = { allocation: { burglary: 5 }, postcode: 'FB1 4XT', followUps: { where: 'kingsmead', more: 'Lights out on the green' } };
    expect((await sendBallot(stack, open, cookie, ballot)).status).toBe(201);
    const counted = (await results(stack, open)).json!.followUps.find((f) => f.id === 'where')!.counts;
    const kingsmead = counted.find((c) => c.optionId === 'kingsmead')!.count;
    expect(kingsmead).toBeGreaterThan(0);

    const page = await results(stack, open, 'text/html,application/xhtml+xml');
    expect(page.status).toBe(200);
    expect(page.text).toContain('role="img"');
    expect(page.text).toMatch(/<caption[^>]*>Which of these concerns you most\?<\/caption>/);
    // The follow-up choice is counted and shown as counted; free text never is.
    expect(page.text).toMatch(new RegExp(`Where worries you most\\?[\\s\\S]*Kingsmead</th><td[^>]*>${kingsmead}<`));
    expect(page.text).not.toContain('Lights out on the green');
    expect(page.text).not.toContain('Anything else?');
    const csv = await (await fetch(`${stack.url}/api/polls/${open}/results?format=csv`)).text();
    expect(csv.split('\r\n')[0]).toBe('"rank","concern","tokens","share","Online"');
  });
});

describe('event tallies', () => {
  const DAY_MS = 86_400_000;
  const closed = testPolls.closed.id;
  const tally = (counts: Record<string, number>, extra: Record<string, unknown> = {}) => ({
    event: { name: 'Spring fair', date: '2026-04-18', place: 'Oakridge green' },
    counts,
    ...extra,
  });

  it('records tallies, and a correction replaces the entry it corrects in the totals', async () => {
    const officer = tokens.officer!.access;
    const first = await callApi<{ entry: { entryId: string } }>(stack, officer, `/api/officer/polls/${closed}/tallies`, {
      method: 'POST',
      body: tally({ 'anti-social-behaviour': 36, 'drug-misuse': 26, burglary: 26, 'no-concern': 4 }),
    });
    expect(first.status).toBe(201);
    let shown = (await results(stack, closed)).json!;
    expect(shown.rows.map((r) => [r.optionId, r.count, r.rank])).toEqual([
      ['anti-social-behaviour', 36, 1],
      ['drug-misuse', 26, 2],
      ['burglary', 26, 2],
      ['no-concern', 4, 4],
    ]);

    const fix = await callApi<{ entry: { entryId: string } }>(stack, officer, `/api/officer/polls/${closed}/tallies`, {
      method: 'POST',
      body: tally(
        { 'anti-social-behaviour': 36, 'drug-misuse': 26, burglary: 18, 'no-concern': 4 },
        { corrects: first.body.entry.entryId, reason: 'Burglary pot recounted' },
      ),
    });
    expect(fix.status).toBe(201);
    shown = (await results(stack, closed)).json!;
    expect(shown.total).toBe(84);
    expect(shown.channels.map((c) => c.label)).toEqual(['Online', 'Spring fair, Oakridge green (18 April 2026)']);
    // The same entry cannot be corrected twice; the correction itself can be.
    const again = await callApi(stack, officer, `/api/officer/polls/${closed}/tallies`, {
      method: 'POST',
      body: tally({ burglary: 1 }, { corrects: first.body.entry.entryId, reason: 'Again' }),
    });
    expect(again.status).toBe(409);
    const listed = await callApi<{ entries: { entryId: string; counted: boolean; recordedBy: string; correctedBy?: string }[] }>(
      stack,
      officer,
      `/api/officer/polls/${closed}/tallies`,
    );
    expect(listed.body.entries.map((e) => [e.counted, e.recordedBy])).toEqual([
      [false, 'officer@fernbrook-csp.example'],
      [true, 'officer@fernbrook-csp.example'],
    ]);
    expect(listed.body.entries[0]!.correctedBy).toBe(fix.body.entry.entryId);
  });

  it('refuses bad tallies with each problem, and anyone who is not an officer', async () => {
    const officer = tokens.officer!.access;
    const bad = await callApi<{ errors: { path: string; message: string }[] }>(stack, officer, `/api/officer/polls/${closed}/tallies`, {
      method: 'POST',
      body: { event: { name: '', date: '2026-02-30', place: 'Hall' }, counts: { burglary: -3 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['event.name', 'event.date', 'counts.burglary']));
    expect(
      (await callApi(stack, officer, `/api/officer/polls/${closed}/tallies`, { method: 'POST', body: tally({ arson: 2 }) })).status,
    ).toBe(400);
    expect(
      (
        await callApi(stack, officer, `/api/officer/polls/${closed}/tallies`, {
          method: 'POST',
          body: tally({ burglary: 2 }, { corrects: 'no-such-entry', reason: 'x' }),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await callApi(stack, officer, `/api/officer/polls/${closed}/tallies`, {
          method: 'POST',
          body: { ...tally({ burglary: 1 }), event: { name: 'Later', date: '2099-01-01', place: 'Hall' } },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await callApi(stack, tokens.police!.access, `/api/officer/polls/${closed}/tallies`, {
          method: 'POST',
          body: tally({ burglary: 1 }),
        })
      ).status,
    ).toBe(403);
    expect((await callApi(stack, undefined, `/api/officer/polls/${closed}/tallies`)).status).toBe(401);
    expect((await callApi(stack, officer, '/api/officer/polls/no-such-poll/tallies')).status).toBe(404);
  });

  it('plans the events where pots will be counted, listed with the tallies by date, and refuses what cannot be', async () => {
    const officer = tokens.officer!.access;
    const poll = testPolls.future;
    const inDays = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString().slice(0, 10);
    const plan = (body: Record<string, unknown>, token = officer, id: string = poll.id) =>
      callApi<{ message: string; event: { eventId: string }; errors?: { path: string; message: string }[] }>(
        stack,
        token,
        `/api/officer/polls/${id}/events`,
        { body },
      );
    const fete = await plan({ name: 'Village fete <b>', date: inDays(20), place: 'Oakridge green' });
    expect(fete.status).toBe(201);
    expect(fete.body.message).toContain('Village fete <b> added');
    expect((await plan({ name: 'Fun run', date: inDays(12), place: 'The park' })).status).toBe(201);
    const listed = await callApi<{ events: { name: string; date: string; addedBy: string }[] }>(
      stack,
      officer,
      `/api/officer/polls/${poll.id}/tallies`,
    );
    expect(listed.body.events.map((e) => [e.name, e.date, e.addedBy])).toEqual([
      ['Fun run', inDays(12), 'officer@fernbrook-csp.example'],
      ['Village fete <b>', inDays(20), 'officer@fernbrook-csp.example'],
    ]);

    const outside = await plan({ name: 'Too late', date: inDays(60), place: 'Hall' });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([
      { path: 'date', message: expect.stringMatching(/^Pots count in this poll from .* choose a date between them$/) },
    ]);
    expect((await plan({ name: '', date: 'soon', place: 'Hall' })).body.errors?.map((e) => e.path)).toEqual(['name', 'date']);
    expect((await plan({ name: 'After close', date: inDays(-2), place: 'Hall' }, officer, testPolls.closed.id)).status).toBe(409);
    expect((await plan({ name: 'Fete', date: inDays(20), place: 'Green' }, tokens.police!.access)).status).toBe(403);
    expect((await plan({ name: 'Fete', date: inDays(20), place: 'Green' }, officer, 'no-such-poll')).status).toBe(404);
  });

  it("records a tally before the event's day only when the officer says the pots were counted already", async () => {
    const officer = tokens.officer!.access;
    const poll = testPolls.future;
    const day = new Date(Date.now() + 15 * DAY_MS).toISOString().slice(0, 10);
    const record = (extra: Record<string, unknown>) =>
      callApi<{ errors?: { path: string; message: string }[] }>(stack, officer, `/api/officer/polls/${poll.id}/tallies`, {
        body: { event: { name: 'Summer show', date: day, place: 'Showground' }, counts: { burglary: 3 }, ...extra },
      });
    const unsaid = await record({});
    expect(unsaid.status).toBe(400);
    expect(unsaid.body.errors).toEqual([
      { path: 'early', message: expect.stringMatching(/^Summer show is on .*, after today\. Record its pots early only if/) },
    ]);
    expect((await record({ early: true })).status).toBe(201);
    const afterClose = await record({ early: true, event: { name: 'Later', date: '2099-01-01', place: 'Hall' } });
    expect(afterClose.body.errors?.map((e) => e.path)).toEqual(['event.date']);
  });

  it('shows officers bursts of ballots from one address for review, without refusing them', async () => {
    const poll = testPolls.upTo.id;
    const voters = await inParallel(
      Array.from({ length: 12 }, (_, i) => i),
      12,
      async () => (await startVoting(stack, poll)).cookie!,
    );
    takeTimeToVote(stack);
    const answers = await inParallel(voters, 12, (cookie) => sendBallot(stack, poll, cookie, { allocation: { 'no-concern': 1 } }));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const review = await callApi<{ threshold: number; bursts: { address: string; ballots: number }[] }>(
      stack,
      tokens.officer!.access,
      `/api/officer/polls/${poll}/bursts`,
    );
    expect(review.body.threshold).toBe(10);
    // Every test ballot comes from 127.0.0.1: one address, at least these 12 in this hour.
    expect(review.body.bursts[0]!.ballots).toBeGreaterThanOrEqual(12);
    expect(review.body.bursts[0]!.address).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('reports beside polls', () => {
  it('still routes a report by email after ballots and tallies were written to the polls table', async () => {
    // DynamoDB Local numbers stream records across tables; the local poller must keep
    // reading the reports stream after other tables are written.
    const res = await fetch(`${stack.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...asb, description: 'Fly-tipping reported after the poll' }),
    });
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    await waitForEmails(stack, (emails) => emails.some((e) => (e.body.text ?? '').includes(reference)));
  });
});
