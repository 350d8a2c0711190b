/**
 * POST /api/reports through the local HTTP server into DynamoDB Local, and the router
 * into SES local: every status the contract names, idempotency, hostile text; and a
 * second stack started in the same process, which serves its own tables and gives the first
 * its own back when it stops (the test runner's workers run one stack per file).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { LocalStack } from '../../infra/local/local-stack';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import { createReportStore } from '../../functions/adapters/dynamodb/report-store';
import type { ReportStore } from '../../functions/reports/ports';
import { capturedEmails, startTestStack, waitForEmails } from '../support/local-stack';
import hateCrime from '../fixtures/reports/hate-crime-victim.json' with { type: 'json' };
import asbAnon from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };

let stack: LocalStack;
let store: ReportStore;
const client = () => localDynamoClient(stack.dynamoDbEndpoint);

beforeAll(async () => {
  stack = await startTestStack();
  store = createReportStore(client(), stack.tableName);
});
afterAll(async () => stack?.stop());

const postJson = (body: unknown, headers: Record<string, string> = {}, target: LocalStack = stack) =>
  fetch(`${target.url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const postForm = (form: string) =>
  fetch(`${stack.url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: form,
    redirect: 'manual',
  });

describe('submitting a report as JSON', () => {
  it('answers 201 with a reference, stores the report with its outbox in one go, and sets retention', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await postJson({ ...hateCrime, description: `${hateCrime.description} (stored ${Date.now()})` });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { reference: string; status: string };
    expect(body.status).toBe('received');
    expect(body.reference).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);

    const saved = await store.get(body.reference);
    expect(saved?.report.location.postcode).toBe('FB1 4XY');
    expect(saved?.routes.map((r) => r.partnerId).sort()).toEqual(['hate-crime-support', 'police']);
    // 730 days in the sample profile.
    expect(saved!.expiresAt).toBeGreaterThanOrEqual(before + 730 * 86_400);
    const outbox = await Promise.all(['police', 'hate-crime-support', 'resident'].map((t) => store.getOutbox(body.reference, t)));
    for (const entry of outbox) expect(entry?.expiresAt).toBe(saved!.expiresAt);
  });

  it('emails each matched partner and the resident, and records the delivery on the report', async () => {
    const res = await postJson({ ...hateCrime, description: 'Routing check: abuse shouted from a car' });
    const { reference } = (await res.json()) as { reference: string };
    const emails = await waitForEmails(stack, (all) => all.filter((e) => e.subject.includes(reference)).length === 3);
    const mine = emails.filter((e) => e.subject.includes(reference));
    expect(mine.map((e) => e.destination.to[0]).sort()).toEqual([
      'amira@example.com',
      'neighbourhood-fernbrook@weald-police.example',
      'referrals@weald-hate-crime-support.example',
    ]);
    await stack.streamIdle();
    const saved = await store.get(reference);
    for (const target of ['police', 'hate-crime-support', 'resident']) {
      expect(saved?.deliveries[target]).toMatchObject({ state: 'sent', attempts: 1 });
      expect(saved?.deliveries[target]?.messageId).toBeTruthy();
    }
  });

  it('returns every problem with its path as 400, and stores nothing', async () => {
    const countBefore = await countReports();
    const res = await postJson({ type: 'asb', description: '', location: { area: 'atlantis' }, anonymous: false, extra: 1 });
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['reporterRole', 'description', 'location.area', 'extra', 'asbCategory', 'contact.name']),
    );
    expect(await countReports()).toBe(countBefore);
  });

  it('answers 400 for a body that is not JSON or not an object, without a stack trace', async () => {
    for (const body of ['{"type":', '[]', '"text"', 'null']) {
      const res = await postJson(body);
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).not.toMatch(/at .*\.ts:\d+|Error:|stack/);
    }
  });

  it('answers 413 over 32 KB, 415 for other content types and 405 for other methods', async () => {
    const big = await postJson({ ...asbAnon, description: 'x'.repeat(33 * 1024) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { message: string }).message).toMatch(/32 KB/);
    const xml = await fetch(`${stack.url}/api/reports`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<report/>' });
    expect(xml.status).toBe(415);
    const get = await fetch(`${stack.url}/api/reports`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const put = await fetch(`${stack.url}/api/reports`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(put.status).toBe(405);
  });

  it('gives the same reference and one record for the same report sent twice', async () => {
    const report = { ...asbAnon, description: `Double click ${Date.now()}` };
    const before = await countReports();
    const [a, b] = await Promise.all([postJson(report), postJson(report)]);
    const c = await postJson(report);
    const refs = await Promise.all([a, b, c].map(async (r) => ((await r.json()) as { reference: string }).reference));
    expect(new Set(refs).size).toBe(1);
    expect(c.headers.get('idempotent-replayed')).toBe('true');
    expect(await countReports()).toBe(before + 1);
  });

  it('replays the same report under its Idempotency-Key, and a new key makes a new report', async () => {
    const key = `key-${Date.now()}`;
    const first = (await (await postJson(asbAnon, { 'Idempotency-Key': key })).json()) as { reference: string };
    const retry = await postJson(asbAnon, { 'Idempotency-Key': key, 'User-Agent': 'another connection' });
    const other = (await (await postJson(asbAnon, { 'Idempotency-Key': `${key}-2` })).json()) as { reference: string };
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as { reference: string }).reference).toBe(first.reference);
    expect(other.reference).not.toBe(first.reference);
    const tooLong = await postJson(asbAnon, { 'Idempotency-Key': 'k'.repeat(201) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({
      message: expect.any(String),
      errors: [{ path: 'Idempotency-Key', message: expect.stringContaining('1 to 200 characters') }],
    });
  });

  it('refuses a reused Idempotency-Key with a different report (422), storing nothing and revealing no reference', async () => {
    const key = `shared-${Date.now()}`;
    const a = (await (await postJson(asbAnon, { 'Idempotency-Key': key })).json()) as { reference: string };
    const before = await countReports();
    const b = await postJson({ ...asbAnon, description: `Someone else's report (${Date.now()})` }, { 'Idempotency-Key': key });
    expect(b.status).toBe(422);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    const text = await b.text();
    expect(text).toContain('already used for another report');
    expect(text).not.toContain(a.reference);
    expect(await countReports()).toBe(before);
  });

  it('stores hostile text intact and sends it escaped', async () => {
    const hostile = `<script>alert(1)</script>\r\nSubject: hi\n\u202Eright-to-left\u202C שלום 🚨 ${'é'.repeat(3900)}`.slice(0, 4000);
    const res = await postJson({ ...hateCrime, description: hostile, contact: { name: 'Sam <b>', email: 'sam@example.com' } });
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    expect((await store.get(reference))?.report.description).toBe(hostile.trim());
    const emails = await waitForEmails(stack, (all) =>
      all.some((e) => e.subject.includes(reference) && e.destination.to[0]?.includes('police')),
    );
    const police = emails.find((e) => e.subject.includes(reference) && e.destination.to[0]!.includes('police'))!;
    expect(police.body.html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(police.body.html).not.toContain('<script>');
    expect(police.subject).not.toMatch(/[\r\n]/);
  });
});

describe('submitting the report form without JavaScript', () => {
  const valid =
    'type=asb&asbCategory=nuisance&reporterRole=victim&description=Motorbikes+racing+on+the+green+every+night&ongoing=true&location.area=kingsmead&anonymous=true';

  it('checks the answers first, storing nothing, carries them in the page for changing or sending, then stores once', async () => {
    const before = await countReports();
    const unique = valid.replace('every+night', `every+night+${Date.now()}`);
    const wrong = await postForm('type=asb&description=Noise&step=check');
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Select what kind of anti-social behaviour it was');

    const check = await postForm(`${unique}&step=check`);
    expect(check.status).toBe(200);
    const page = await check.text();
    expect(page).toContain('Check your answers before sending your report');
    expect(page).toContain('Motorbikes racing on the green');
    const hidden = [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)].map((m) => [m[1]!, m[2]!]);
    expect(Object.fromEntries(hidden)).toEqual(Object.fromEntries(new URLSearchParams(unique)));
    expect(await countReports()).toBe(before);

    const change = await postForm(`${new URLSearchParams(hidden).toString()}&step=change`);
    expect(change.status).toBe(200);
    const form = await change.text();
    expect(form).not.toContain('govuk-error-summary');
    expect(form).toMatch(/<textarea[^>]*name="description"[^>]*>Motorbikes racing on the green/);
    expect(await countReports()).toBe(before);

    const sent = await postForm(`${new URLSearchParams(hidden).toString()}&step=send`);
    expect(sent.status).toBe(303);
    expect(await countReports()).toBe(before + 1);
  });

  it('redirects 303 to a confirmation page showing the reference, bound to that submission', async () => {
    const res = await postForm(valid);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/api\/reports\/[23456789A-HJKMNP-Z]{8}\/confirmation\?receipt=\d{10}\.(link|none)\.[\w-]{43}$/);
    const reference = location.split('/')[3]!;
    const page = await fetch(`${stack.url}${location}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(reference);
    expect(html).toContain('Report sent');
    // The same receipt does not vouch for another reference, and no receipt vouches for none.
    const forged = await fetch(`${stack.url}${location.replace(reference, 'ZZZZZZZZ')}`);
    expect(forged.status).toBe(404);
    expect(await forged.text()).not.toContain('Report sent');
    expect((await fetch(`${stack.url}/api/reports/ZZZZZZZZ/confirmation`)).status).toBe(404);
    expect((await fetch(`${stack.url}/api/reports/${reference}/confirmation`)).status).toBe(404);
  });

  it('shows the form again with an error summary, inline errors and the answers kept', async () => {
    const res = await postForm(
      'type=asb&description=%3Cb%3EStill+here%3C%2Fb%3E&location.street=High+St&anonymous=false&contact.email=bad',
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<title>Error: ');
    expect(html).toContain('There is a problem');
    expect(html).toContain('href="#asbCategory"');
    expect(html).toContain('href="#contact-email"');
    expect(html).toContain('&lt;b>Still here&lt;/b></textarea>');
    expect(html).toContain('value="High St"');
    expect(html).toMatch(/value="asb" checked/);
  });

  it('answers an oversized form with a page, not JSON', async () => {
    const res = await postForm(`${valid}&impact=${'x'.repeat(40_000)}`);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('too large');
  });

  it('404s a confirmation page for something that is not a reference', async () => {
    expect((await fetch(`${stack.url}/api/reports/NOT-A-REF/confirmation`)).status).toBe(404);
  });
});

describe('OpenAPI document', () => {
  it('is generated from the zod schema, with the partnership areas', async () => {
    const res = await fetch(`${stack.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    type Schema = { properties: Record<string, { properties?: Record<string, { enum?: string[] }> }>; additionalProperties: boolean };
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: Schema }> } }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const report = doc.paths['/api/reports']!.post!.requestBody.content['application/json']!.schema;
    expect(report.additionalProperties).toBe(false);
    expect(report.properties.location?.properties?.area?.enum).toEqual(['fernbrook-town', 'oakridge', 'east-weald', 'kingsmead']);
  });
});

async function countReports(): Promise<number> {
  const out = await client().send(new ScanCommand({ TableName: stack.tableName }));
  return (out.Items ?? []).map((i) => unmarshall(i)).filter((i) => i.entity === 'report').length;
}

describe('a form address opened in a browser', () => {
  it('sends the browser to the form, never to JSON; API clients still get 405 with Allow', async () => {
    const poll = '2027-28-priorities';
    for (const [path, form] of [
      ['/api/reports', '/report/'],
      ['/api/report-status', '/report/status/'],
      [`/api/polls/${poll}/ballots`, `/polls/${poll}/vote/`],
      [`/api/polls/${poll}/start`, `/polls/${poll}/`],
      ['/api/polls/no-such-poll/ballots', '/polls/'],
    ]) {
      const browser = await fetch(`${stack.url}${path}`, { headers: { accept: 'text/html,application/xhtml+xml' }, redirect: 'manual' });
      expect([path, browser.status, browser.headers.get('location')]).toEqual([path, 303, form]);
      const client = await fetch(`${stack.url}${path}`, { headers: { accept: 'application/json' } });
      expect([path, client.status, client.headers.get('allow')]).toEqual([path, 405, 'POST']);
    }
  });
});

describe("the worker's shared SES local", () => {
  it('is left running by a stack that did not start it: stopping it is refused, and mail still arrives', async () => {
    await expect(stack.stopSes()).rejects.toThrow('This stack sends to an SES local it did not start');
    await expect(stack.startSes()).rejects.toThrow('give it sesPort to stop and start one');
    const res = await postJson({ ...asbAnon, description: 'Shared SES check: bins set alight behind the shops' });
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    await waitForEmails(stack, (emails) => emails.some((e) => e.subject.includes(reference)));
  });
});

// One second stack for both checks: a stack start is most of what each would cost.
describe('a second stack started in the same process', () => {
  it("finds the worker's shared SES local emptied, serves its own tables, storage and real time, and gives the first stack its own back when it stops", async () => {
    // Ten minutes: far enough to tell apart, short of every time rule the other tests meet.
    const moved = 10 * 60_000;
    stack.advanceClock(moved);
    const receivedAt = async (reports: ReportStore, reference: string) => Date.parse((await reports.get(reference))!.createdAt);
    const sendTo = async (target: LocalStack, description: string) => {
      const res = await postJson({ ...asbAnon, description }, {}, target);
      expect(res.status).toBe(201);
      return ((await res.json()) as { reference: string }).reference;
    };

    // The evidence page's security policy names the local S3 that takes its uploads: each stack's own.
    const uploadsGoTo = async (target: LocalStack) => {
      const page = await fetch(`${target.url}/api/reports/ABCDEFGH/evidence?token=not-a-token`, { headers: { accept: 'text/html' } });
      return /form-action 'self' (\S+);/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
    };
    expect(await uploadsGoTo(stack)).toBe(new URL(stack.s3.endpoint).origin);
    const firstsMail = await sendTo(stack, 'Shared SES check: a trolley pushed into the canal');
    await waitForEmails(stack, (emails) => emails.some((e) => e.subject.includes(firstsMail)));
    // Nothing of this stack's is still on its way to SES local when the next one starts.
    await stack.streamIdle();

    const next = await startTestStack();
    let nextsReference: string;
    try {
      // The worker's files run one after another: the next file's stack reads only its own mail.
      expect(next.sesEndpoint).toBe(stack.sesEndpoint);
      expect(await capturedEmails(next)).toEqual([]);
      expect(await uploadsGoTo(next)).toBe(new URL(next.s3.endpoint).origin);
      nextsReference = await sendTo(next, 'Second stack check: a shopping trolley left on the path');
      const nextsStore = createReportStore(localDynamoClient(next.dynamoDbEndpoint), next.tableName);
      expect(Math.abs((await receivedAt(nextsStore, nextsReference)) - Date.now())).toBeLessThan(60_000);
      expect(await store.get(nextsReference)).toBeUndefined();
      await next.streamIdle();
    } finally {
      await next.stop();
    }

    expect(await uploadsGoTo(stack)).toBe(new URL(stack.s3.endpoint).origin);
    const reference = await sendTo(stack, 'Second stack check: the first stack after the second stopped');
    expect((await receivedAt(store, reference)) - Date.now()).toBeGreaterThan(moved - 60_000);
    expect(await store.get(nextsReference)).toBeUndefined();
  });
});
