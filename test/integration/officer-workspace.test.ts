/**
 * The officer workspace API on the real local stack (DynamoDB Local, SES local,
 * cognito-local, the stream router): triage a report end to end, stale updates,
 * partner scope, flags, resident status checks, partner editing, exports and audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/local-stack';
import { startTestStack, waitForEmails } from '../support/local-stack';
import { callApi, signInDemoUsers } from '../support/officer';
import { createCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import hateCrime from '../fixtures/reports/hate-crime-victim.json' with { type: 'json' };
import asbAnon from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };

let stack: LocalStack;
let tokens: Record<string, { access: string }>;
const as = (user: string) => tokens[user]!.access;

let submitted = 0;
/** Each call a new report: the same body twice within ten minutes would be one report (idempotency). */
async function submit(body: Record<string, unknown>): Promise<string> {
  const res = await callApi<{ reference: string }>(stack, undefined, '/api/reports', {
    body: { ...body, description: `${String(body.description)} (${++submitted})` },
  });
  expect(res.status).toBe(201);
  return res.body.reference;
}

beforeAll(async () => {
  stack = await startTestStack();
  tokens = await signInDemoUsers(stack);
});
afterAll(async () => stack?.stop());

describe('triaging a report', () => {
  it('grades, assigns (emailing the partner through the outbox), starts, notes and closes it, with a timeline', async () => {
    const reference = await submit({ ...asbAnon, location: { ...asbAnon.location, area: 'kingsmead' } });
    const inbox = await callApi<{ items: { reference: string; status: string }[] }>(
      stack,
      as('officer'),
      '/api/officer/reports?status=new',
    );
    // Other tests in this file add reports too: find this one rather than assume it is first.
    expect(inbox.body.items.find((i) => i.reference === reference)).toMatchObject({ status: 'new' });

    const grade = await callApi<{ version: number; status: string; dueAt: string }>(
      stack,
      as('officer'),
      `/api/officer/reports/${reference}/actions`,
      { body: { action: 'grade', version: 1, risk: 'high' } },
    );
    expect(grade.status).toBe(200);
    expect(grade.body).toMatchObject({ version: 2, status: 'triaged' });

    // Brookside Homes covers Kingsmead by no rule, so assigning it adds a route and an email.
    const assign = await callApi(stack, as('officer'), `/api/officer/reports/${reference}/actions`, {
      body: { action: 'assign', version: 2, partnerId: 'brookside-homes' },
    });
    expect(assign.status).toBe(200);
    const emails = await waitForEmails(stack, (all) => all.some((e) => e.subject.startsWith('Assigned') && e.subject.includes(reference)));
    const assigned = emails.find((e) => e.subject.startsWith('Assigned') && e.subject.includes(reference))!;
    expect(assigned.destination.to).toEqual(['tenancy-team@brookside-homes.example']);

    expect(
      (await callApi(stack, as('officer'), `/api/officer/reports/${reference}/actions`, { body: { action: 'start', version: 3 } })).status,
    ).toBe(200);
    expect(
      (
        await callApi(stack, as('officer'), `/api/officer/reports/${reference}/actions`, {
          body: { action: 'note', text: 'Visited the site <b>today</b>' },
        })
      ).status,
    ).toBe(201);
    const close = await callApi<{ status: string; outcome: string }>(stack, as('officer'), `/api/officer/reports/${reference}/actions`, {
      body: { action: 'close', version: 4, outcome: 'resolved' },
    });
    expect(close.body).toMatchObject({ status: 'closed', outcome: 'resolved' });

    const view = await callApi<{
      status: string;
      version: number;
      timeline: { kind: string; text: string; by?: string }[];
      notes: { text: string }[];
    }>(stack, as('officer'), `/api/officer/reports/${reference}`);
    expect(view.body).toMatchObject({ status: 'closed', version: 5 });
    const texts = view.body.timeline.map((t) => t.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Report received',
        'Risk graded high',
        'Assigned to Brookside Homes housing association',
        'Work started',
        'Closed: resolved',
        'Visited the site <b>today</b>',
      ]),
    );
    expect(view.body.timeline.find((t) => t.text === 'Work started')?.by).toBe('officer@fernbrook-csp.example');

    // The assigned partner now sees it in its own inbox.
    const partnerInbox = await callApi<{ items: { reference: string }[] }>(
      stack,
      as('officer'),
      '/api/officer/reports?partner=brookside-homes',
    );
    expect(partnerInbox.body.items.map((i) => i.reference)).toContain(reference);
  });

  it('answers 409 to a stale update and keeps the first change', async () => {
    const reference = await submit(asbAnon);
    const path = `/api/officer/reports/${reference}/actions`;
    const [a, b] = await Promise.all([
      callApi(stack, as('officer'), path, { body: { action: 'grade', version: 1, risk: 'high' } }),
      callApi(stack, as('admin'), path, { body: { action: 'grade', version: 1, risk: 'standard' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'high' : 'standard';
    const view = await callApi<{ risk: string; version: number }>(stack, as('officer'), `/api/officer/reports/${reference}`);
    expect(view.body).toMatchObject({ risk: winner, version: 2 });
    const again = await callApi<{ message: string }>(stack, as('officer'), path, { body: { action: 'grade', version: 1, risk: 'medium' } });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/Reload/);
  });

  it('explains bad actions and bad filters with 400, and refuses workflow steps out of order with 409', async () => {
    const reference = await submit(asbAnon);
    const path = `/api/officer/reports/${reference}/actions`;
    const bad = await callApi<{ errors: { path: string; message: string }[] }>(stack, as('officer'), path, {
      body: { action: 'grade', version: 1, risk: 'extreme' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]!.message).toMatch(/standard, medium or high/);
    const early = await callApi<{ message: string }>(stack, as('officer'), path, {
      body: { action: 'assign', version: 1, partnerId: 'police' },
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/Grade the risk/);
    const filters = await callApi<{ errors: { path: string }[] }>(
      stack,
      as('officer'),
      '/api/officer/reports?status=lost&area=atlantis&from=2026-13-01',
    );
    expect(filters.status).toBe(400);
    expect(filters.body.errors.map((e) => e.path).sort()).toEqual(['from', 'status']);
    expect(filters.body.errors.length).toBe(2);
    expect((await callApi(stack, as('officer'), '/api/officer/reports?area=atlantis')).status).toBe(400);
  });

  it('lets a partner user note but not grade, and hides reports not routed to it', async () => {
    const reference = await submit(hateCrime);
    const path = `/api/officer/reports/${reference}/actions`;
    expect((await callApi(stack, as('police'), path, { body: { action: 'grade', version: 1, risk: 'high' } })).status).toBe(403);
    expect((await callApi(stack, as('police'), path, { body: { action: 'note', text: 'Officer allocated' } })).status).toBe(201);
    const asbRef = await submit(asbAnon);
    expect(
      (await callApi(stack, as('police'), `/api/officer/reports/${asbRef}/actions`, { body: { action: 'note', text: 'x' } })).status,
    ).toBe(404);
    const inbox = await callApi<{ items: { reference: string }[] }>(stack, as('police'), '/api/officer/reports?limit=100');
    expect(inbox.body.items.map((i) => i.reference)).toContain(reference);
    expect(inbox.body.items.map((i) => i.reference)).not.toContain(asbRef);
    expect((await callApi(stack, as('police'), '/api/officer/tasking')).status).toBe(403);
    expect((await callApi(stack, undefined, '/api/officer/reports')).status).toBe(401);
  });
});

describe('flags', () => {
  it('flags a repeat victim and ASB Case Review at the third ASB report from the same email', async () => {
    const mine = {
      ...hateCrime,
      type: 'asb',
      asbCategory: 'personal',
      hateMotivations: undefined,
      contact: { name: 'Repeat Test', email: 'Repeat@Example.com' },
      location: { area: 'oakridge', street: 'Repeat Test Lane' },
    };
    const first = await submit({ ...mine, description: 'First time' });
    await submit({ ...mine, description: 'Second time' });
    const flagsOf = async (ref: string) =>
      (await callApi<{ flags: string[] }>(stack, as('officer'), `/api/officer/reports/${ref}`)).body.flags;
    await stack.streamIdle();
    expect(await flagsOf(first)).toEqual([]);
    const third = await submit({ ...mine, description: 'Third time', contact: { name: 'Repeat Test', email: 'repeat@example.com' } });
    await stack.streamIdle();
    expect(await flagsOf(third)).toEqual(['case-review', 'repeat-victim']);
    expect(await flagsOf(first)).toEqual(['case-review', 'repeat-victim']);
    const flagged = await callApi<{ items: { reference: string }[] }>(
      stack,
      as('officer'),
      '/api/officer/reports?flagged=true&area=oakridge',
    );
    expect(flagged.body.items.map((i) => i.reference)).toEqual(expect.arrayContaining([first, third]));
  });
});

describe("the resident's status check", () => {
  it('shows progress for the right email only, reveals nothing otherwise, and rate limits', async () => {
    const reference = await submit(hateCrime);
    const form = (ref: string, email: string) =>
      fetch(`${stack.url}/api/report-status`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ reference: ref, email }),
      });
    const ok = await form(reference.toLowerCase(), 'AMIRA@example.com');
    expect(ok.status).toBe(200);
    const page = await ok.text();
    expect(page).toContain('We have received your report');
    for (const secret of ['Amira', 'headscarf', 'Market Street']) expect(page).not.toContain(secret);
    const wrong = await form(reference, 'someone@example.com');
    const missing = await form('ZZZZ2222', 'amira@example.com');
    expect(wrong.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (html: string) => html.replace(/value="[^"]*"/g, '');
    expect(strip(await wrong.text())).toBe(strip(await missing.text()));
    const invalid = await form('', 'not-an-email');
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('Enter your report reference');
    // Five checks per reference an hour: two used above (right and wrong email), three more pass.
    for (let i = 0; i < 3; i++) expect((await form(reference, 'x@example.com')).status).toBe(404);
    const limited = await form(reference, 'amira@example.com');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('checked too many times');
  });

  it("does not let a stranger's wrong guesses lock the resident out of their own report", async () => {
    const reference = await submit(hateCrime);
    const check = (email: string, viewer?: string) =>
      fetch(`${stack.url}/api/report-status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(viewer ? { 'cloudfront-viewer-address': `${viewer}:443` } : {}) },
        body: JSON.stringify({ reference, email }),
      });
    for (let i = 0; i < 5; i++) expect((await check(`guess${i}@example.com`, '198.51.100.66')).status).toBe(404);
    expect((await check('amira@example.com', '198.51.100.66')).status).toBe(429);
    const owner = await check('amira@example.com', '203.0.113.5');
    expect(owner.status).toBe(200);
    expect(await owner.json()).toMatchObject({ reference, status: 'new' });
  });

  it("emails the resident an officer's update", async () => {
    const reference = await submit(hateCrime);
    const sent = await callApi(stack, as('officer'), `/api/officer/reports/${reference}/actions`, {
      body: { action: 'update-resident', message: 'An officer will visit on <Tuesday>.' },
    });
    expect(sent.status).toBe(202);
    const emails = await waitForEmails(stack, (all) => all.some((e) => e.subject === `An update on your report ${reference}`));
    const update = emails.find((e) => e.subject === `An update on your report ${reference}`)!;
    expect(update.destination.to).toEqual(['amira@example.com']);
    expect(update.body.html).toContain('&lt;Tuesday>');
    const anon = await submit(asbAnon);
    expect(
      (
        await callApi(stack, as('officer'), `/api/officer/reports/${anon}/actions`, {
          body: { action: 'update-resident', message: 'Hello' },
        })
      ).status,
    ).toBe(400);
    // The resident finds the update on the status page too, whether or not the email arrived.
    const page = await fetch(`${stack.url}/api/report-status`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ reference, email: 'amira@example.com' }),
    });
    const html = await page.text();
    expect(html).toContain('Updates we have sent you');
    expect(html).toContain('An officer will visit on &lt;Tuesday>.');
    const json = await fetch(`${stack.url}/api/report-status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference, email: 'amira@example.com' }),
    });
    expect(((await json.json()) as { updates: { message: string }[] }).updates.map((u) => u.message)).toEqual([
      'An officer will visit on <Tuesday>.',
    ]);
  });

  it("links residents to their report's progress from the confirmation page and email, and tells anonymous reporters who to ask", async () => {
    const form = await fetch(`${stack.url}/api/reports`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        type: 'asb',
        asbCategory: 'nuisance',
        reporterRole: 'victim',
        description: 'Progress links',
        ongoing: 'true',
        'location.area': 'oakridge',
        anonymous: 'false',
        'contact.name': 'Sam',
        'contact.email': 'sam@example.com',
      }).toString(),
    });
    const confirmation = await (await fetch(`${stack.url}${form.headers.get('location')}`)).text();
    expect(confirmation).toContain('href="/report/status/"');
    const reference = /id="reference">([A-Z0-9]{8})</.exec(confirmation)![1]!;
    const emails = await waitForEmails(stack, (all) =>
      all.some((e) => e.subject.includes(reference) && e.destination.to[0] === 'sam@example.com'),
    );
    const mine = emails.find((e) => e.subject.includes(reference) && e.destination.to[0] === 'sam@example.com')!;
    expect(mine.body.text).toContain('/report/status/');
    expect(mine.body.html).toContain('/report/status/');
    const notFound = await fetch(`${stack.url}/api/report-status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference: 'ZZZZ2222', email: 'x@example.com' }),
    });
    expect(((await notFound.json()) as { message: string }).message).toContain('quote its reference');
  });
});

describe('partners, exports and audit', () => {
  it('lets an admin change a partner address, keeps who and when, and refuses stale edits', async () => {
    const list = await callApi<{
      partners: { id: string; version: number; name: string; email: string; dataLevel: string; handles: unknown }[];
    }>(stack, as('admin'), '/api/officer/partners');
    const fire = list.body.partners.find((p) => p.id === 'fire-rescue')!;
    const change = {
      version: fire.version,
      name: fire.name,
      email: 'new-arson-desk@weald-fire.example',
      dataLevel: fire.dataLevel,
      handles: fire.handles,
    };
    expect((await callApi(stack, as('officer'), '/api/officer/partners/fire-rescue', { method: 'PUT', body: change })).status).toBe(403);
    expect(
      (
        await callApi(stack, as('admin'), '/api/officer/partners/fire-rescue', {
          method: 'PUT',
          body: { ...change, email: 'not an email' },
        })
      ).status,
    ).toBe(400);
    expect((await callApi(stack, as('admin'), '/api/officer/partners/fire-rescue', { method: 'PUT', body: change })).status).toBe(200);
    expect((await callApi(stack, as('admin'), '/api/officer/partners/fire-rescue', { method: 'PUT', body: change })).status).toBe(409);
    const after = await callApi<{
      history: { partnerId: string; username: string; before: { email: string }; after: { email: string } }[];
    }>(stack, as('admin'), '/api/officer/partners');
    expect(after.body.history[0]).toMatchObject({
      partnerId: 'fire-rescue',
      username: 'admin@fernbrook-csp.example',
      before: { email: fire.email },
      after: { email: 'new-arson-desk@weald-fire.example' },
    });
    // That emails use the directory's current address is tested in test/unit/emails.test.ts.
  });

  it('exports CSV: summary fields for officers, personal fields for admins (audited), formulas neutralised', async () => {
    const reference = await submit({ ...hateCrime, contact: { name: '=HYPERLINK("http://evil")', email: 'amira@example.com' } });
    const officer = await callApi(stack, as('officer'), '/api/officer/exports/reports?type=hate-crime');
    expect(officer.status).toBe(200);
    expect(officer.headers.get('content-type')).toContain('text/csv');
    expect(officer.text).toContain(reference);
    expect(officer.text).not.toContain('amira@example.com');
    // UK local times and the names on screen, with the area's id kept for other systems.
    const [header, row] = officer.text.split('\r\n').filter((line) => line.startsWith('"Reference"') || line.includes(reference));
    expect(header).toContain('"Received (UK time)"');
    expect(row).toMatch(/^"[A-Z0-9]{8}","\d{4}-\d{2}-\d{2} \d{2}:\d{2}","New",/);
    expect(row).toContain('"Hate crime or hate incident"');
    expect(row).toContain('"Race or ethnicity; Religion or belief"');
    expect(row).toContain('"Fernbrook town centre"');
    expect(row).toContain('"fernbrook-town"');
    expect(row).not.toMatch(/T\d{2}:\d{2}:\d{2}/);
    const admin = await callApi(stack, as('admin'), '/api/officer/exports/reports?type=hate-crime');
    expect(admin.text).toContain('amira@example.com');
    expect(admin.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const view = await callApi<{ timeline: { kind: string; by?: string }[] }>(stack, as('admin'), `/api/officer/reports/${reference}`);
    expect(view.body.timeline.some((t) => t.kind === 'export' && t.by === 'admin@fernbrook-csp.example')).toBe(true);
  });

  it('shows admins the audit trail of reads and changes, as JSON or CSV, and nobody else', async () => {
    const reference = await submit(asbAnon);
    await callApi(stack, as('officer'), `/api/officer/reports/${reference}`);
    await callApi(stack, as('officer'), `/api/officer/reports/${reference}/actions`, {
      body: { action: 'grade', version: 1, risk: 'medium' },
    });
    const today = new Date().toISOString().slice(0, 10);
    expect((await callApi(stack, as('officer'), `/api/officer/audit?from=${today}&to=${today}`)).status).toBe(403);
    const audit = await callApi<{ entries: { reference: string; action: string; username: string; summary?: string }[] }>(
      stack,
      as('admin'),
      `/api/officer/audit?from=${today}&to=${today}`,
    );
    const mine = audit.body.entries.filter((e) => e.reference === reference);
    expect(mine.map((e) => e.action)).toEqual(['read-report', 'change']);
    expect(mine[1]).toMatchObject({ username: 'officer@fernbrook-csp.example', summary: 'Risk graded medium' });
    const csv = await callApi(stack, as('admin'), `/api/officer/audit?from=${today}&to=${today}&format=csv`);
    expect(csv.text.split('\r\n')[0]).toBe('"When (UK time)","Who","Groups","Action","Reference","What"');
    expect(csv.text).toContain('"Changed the report"');
    expect((await callApi(stack, as('admin'), '/api/officer/audit?from=2026-01-01&to=2026-12-31')).status).toBe(400);
  });

  it('keeps the counts per status exact as reports arrive and change, in the same write', async () => {
    const counts = async (token: string) =>
      (await callApi<{ counts: Record<string, number> }>(stack, token, '/api/officer/report-counts')).body.counts;
    const fire = () =>
      createCaseStore(localDynamoClient(stack.dynamoDbEndpoint), stack.tableName).countByStatus(
        { kind: 'partner', partnerId: 'fire-rescue' },
        {},
      );
    const before = await counts(as('officer'));
    const beforePolice = await counts(as('police'));
    const beforeFire = await fire();
    const reference = await submit(hateCrime);
    expect(await counts(as('officer'))).toEqual({ ...before, new: before.new! + 1 });
    const view = await callApi<{ version: number }>(stack, as('officer'), `/api/officer/reports/${reference}`);
    expect(
      (
        await callApi(stack, as('officer'), `/api/officer/reports/${reference}/actions`, {
          body: { action: 'grade', risk: 'high', version: view.body.version },
        })
      ).status,
    ).toBe(200);
    expect(await counts(as('officer'))).toEqual({ ...before, triaged: before.triaged! + 1 });
    expect(await counts(as('police'))).toEqual({ ...beforePolice, triaged: beforePolice.triaged! + 1 });
    // Assigning to a partner the report had not gone to counts it in that partner's inbox too.
    expect(
      (
        await callApi(stack, as('officer'), `/api/officer/reports/${reference}/actions`, {
          body: { action: 'assign', partnerId: 'fire-rescue', version: view.body.version + 1 },
        })
      ).status,
    ).toBe(200);
    expect(await counts(as('officer'))).toEqual({ ...before, assigned: before.assigned! + 1 });
    expect(await fire()).toEqual({ ...beforeFire, assigned: beforeFire.assigned! + 1 });
  });

  it('counts per status and summarises a tasking period against the previous one', async () => {
    const countNow = () => callApi<{ counts: Record<string, number> }>(stack, as('officer'), '/api/officer/report-counts');
    const before = await countNow();
    // Reports of this test's own, so the figures have something in them whatever ran before.
    await submit(asbAnon);
    await submit(hateCrime);
    const counts = await countNow();
    expect(Object.keys(counts.body.counts)).toEqual(['new', 'triaged', 'assigned', 'in-progress', 'closed']);
    expect(counts.body.counts.new! - before.body.counts.new!).toBe(2);
    const today = new Date().toISOString().slice(0, 10);
    const tasking = await callApi<{
      total: { current: number; previous: number };
      byDay: { key: string }[];
      byHour: unknown[];
      byArea: { key: string; current: number }[];
    }>(stack, as('officer'), `/api/officer/tasking?from=${today}&to=${today}`);
    expect(tasking.status).toBe(200);
    expect(tasking.body.total.current).toBe(Object.values(counts.body.counts).reduce((a, b) => a + b, 0));
    expect(tasking.body.byDay.map((d) => d.key)[0]).toBe('Monday');
    expect(tasking.body.byHour).toHaveLength(24);
  });
});
