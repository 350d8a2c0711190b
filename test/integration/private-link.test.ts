/**
 * A resident's private link, on the local stack: it arrives in the confirmation email (or,
 * for an anonymous reporter who asks, on the confirmation page), shows the report, who is
 * dealing with it and every update, and every link that does not work gets the same page.
 */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/adapters/dynamodb/table-definition';
import { createCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { PRIVATE_LINK_LIMIT } from '../../functions/reports/view-private-report';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import type { LocalStack } from '../../infra/local/local-stack';
import { defaultProfile } from '../../shared/config/load-profile';
import hateCrime from '../fixtures/reports/hate-crime-victim.json' with { type: 'json' };
import asbAnon from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };
import { startTestStack, waitForEmails } from '../support/local-stack';
import { callApi, signInDemoUsers } from '../support/officer';

let stack: LocalStack;
let tokens: Awaited<ReturnType<typeof signInDemoUsers>>;
beforeAll(async () => {
  stack = await startTestStack();
  tokens = await signInDemoUsers(stack);
});
afterAll(async () => stack?.stop());

/** Each request from its own viewer address (as CloudFront passes it), so no test uses up another's limit. */
let address = 0;
const from = () => `198.51.100.${++address}`;
const open = (path: string, ip = from()) => fetch(`${stack.url}${path}`, { headers: { 'cloudfront-viewer-address': `${ip}:443` } });

async function submit(body: unknown): Promise<string> {
  const res = await fetch(`${stack.url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { reference: string }).reference;
}

/** The private link from the resident's confirmation email. */
async function linkFromEmail(reference: string): Promise<string> {
  const emails = await waitForEmails(stack, (all) => all.some((e) => e.subject === `Your report reference ${reference}`));
  const email = emails.find((e) => e.subject === `Your report reference ${reference}`)!;
  const match = new RegExp(`https?://[^\\s]+(/api/reports/${reference}/private/[A-Za-z0-9_-]{43})`).exec(email.body.text ?? '');
  expect(match, 'the confirmation email has a private link').not.toBeNull();
  expect(email.body.html).toContain(match![1]);
  return match![1]!;
}

describe("a resident's private link", () => {
  it('comes in the confirmation email and shows what they told us, who is dealing with it and each update', async () => {
    const description = `Shouted at in the street <b>again</b>\nand followed home (${Date.now()})`;
    const reference = await submit({ ...hateCrime, description });
    const link = await linkFromEmail(reference);

    const first = await open(link);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    // The key is in the address: no other site may be sent it as a referrer.
    expect(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']).toContain(
      first.headers.get('referrer-policy'),
    );
    expect(first.headers.get('x-robots-tag')).toBe('noindex');
    const page = await first.text();
    expect(page).toContain(`Report ${reference}`);
    expect(page).toContain('Shouted at in the street &lt;b>again&lt;/b><br/>and followed home');
    expect(page).toContain(hateCrime.contact.email);
    // Routed to the police and the hate crime service in the fixture pack: their names, never an officer's.
    const profile = defaultProfile();
    for (const id of ['police', 'hate-crime-support']) expect(page).toContain(profile.partners.find((p) => p.id === id)!.name);
    expect(page).toContain('No updates yet');
    expect(page).toMatch(/An officer will look at your report and decide who should deal with it by \d+ \w+ \d{4} at \d/);

    const sent = await callApi(stack, tokens.officer!.access, `/api/officer/reports/${reference}/actions`, {
      body: { action: 'update-resident', message: 'An officer will call on Tuesday.' },
    });
    expect(sent.status).toBe(202);
    const update = (await waitForEmails(stack, (all) => all.some((e) => e.subject === `An update on your report ${reference}`))).find(
      (e) => e.subject === `An update on your report ${reference}`,
    )!;
    expect(update.body.text).toContain(link);
    const after = await (await open(link)).text();
    expect(after).toContain('An officer will call on Tuesday.');
    expect(after).not.toContain('No updates yet');
  });

  it('tells the resident, with the link and never the case details, when the report is assigned and closed, and when the link is replaced', async () => {
    const description = `Neighbours' parties every night (${Date.now()})`;
    const asb = { ...hateCrime, type: 'asb', asbCategory: 'nuisance', hateMotivations: undefined, description };
    const reference = await submit(asb);
    const link = await linkFromEmail(reference);
    const act = async (body: Record<string, unknown>, as = tokens.officer!.access) => {
      const current = await callApi<{ version: number }>(stack, as, `/api/officer/reports/${reference}`);
      return callApi<{ message: string; version: number }>(stack, as, `/api/officer/reports/${reference}/actions`, {
        body: { ...body, version: current.body.version },
      });
    };
    const emailTitled = async (subject: string) =>
      (await waitForEmails(stack, (all) => all.some((e) => e.subject === subject))).find((e) => e.subject === subject)!;

    const council = defaultProfile().partners.find((p) => p.id === 'council-asb-team')!;
    expect((await act({ action: 'grade', risk: 'medium' })).status).toBe(200);
    expect((await act({ action: 'assign', partnerId: council.id })).status).toBe(200);
    const assigned = await emailTitled(`Your report ${reference} is being dealt with`);
    expect(assigned.body.text).toContain(`has been passed to ${council.name}`);
    expect(assigned.body.text).toContain(link);

    expect((await act({ action: 'close', outcome: 'resolved' })).status).toBe(200);
    const closed = await emailTitled(`Your report ${reference} is closed`);
    expect(closed.body.text).toContain('The problem has been dealt with.');
    expect(closed.body.text).toContain('ASB Case Review');
    expect(closed.body.html).toMatch(new RegExp(`href="https?://[^"]+${link}"`));
    for (const email of [assigned, closed]) {
      expect(email.body.text).not.toContain('parties every night');
      expect(email.body.html).not.toContain('parties every night');
    }
    expect(await (await open(link)).text()).toContain('The problem has been dealt with.');

    // The assigned partner's user may not replace it; an officer may, and the old link stops working at once.
    expect((await act({ action: 'replace-link' }, tokens[council.id]!.access)).status).toBe(403);
    const replaced = await act({ action: 'replace-link' });
    expect(replaced.status).toBe(200);
    expect(replaced.body.message).toContain('the old link no longer works');
    expect((await open(link)).status).toBe(404);
    const fresh = await emailTitled(`A new private link to your report ${reference}`);
    const newLink = /(\/api\/reports\/[A-Z0-9]{8}\/private\/[A-Za-z0-9_-]{43})/.exec(fresh.body.text ?? '')![1]!;
    expect(newLink).not.toBe(link);
    expect((await open(newLink)).status).toBe(200);

    const anonymous = await submit({ ...asbAnon, description: `No link asked for (${Date.now()})` });
    const current = await callApi<{ version: number }>(stack, tokens.officer!.access, `/api/officer/reports/${anonymous}`);
    const refused = await callApi<{ message: string }>(stack, tokens.officer!.access, `/api/officer/reports/${anonymous}/actions`, {
      body: { action: 'replace-link', version: current.body.version },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('has no private link');
  });

  it('takes something else that happened, with JavaScript off, and sends it to each partner already on the report at its data level', async () => {
    const stamp = Date.now();
    const reference = await submit({
      ...hateCrime,
      type: 'asb',
      asbCategory: 'environmental',
      hateMotivations: undefined,
      description: `Rubbish set alight by the garages (${stamp})`,
    });
    const link = await linkFromEmail(reference);
    const ip = from();
    const post = (fields: Record<string, string>) =>
      fetch(`${stack.url}${link}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', 'cloudfront-viewer-address': `${ip}:443` },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      });

    // Every problem at once, every answer kept.
    const wrong = await post({
      offenderDescription: 'The same three lads',
      'occurredAt.day': '31',
      'occurredAt.month': '2',
      'occurredAt.year': '2026',
    });
    expect(wrong.status).toBe(400);
    const wrongPage = await wrong.text();
    expect(wrongPage).toContain('<title>Error: ');
    expect(wrongPage).toContain('Describe what happened');
    expect(wrongPage).toContain('February 2026 has 28 days');
    expect(wrongPage).toContain('The same three lads');

    // Assigned to one partner: the incident still goes to every partner the report went to, and the page says so.
    const officerAct = async (body: Record<string, unknown>) => {
      const version = (await callApi<{ version: number }>(stack, tokens.officer!.access, `/api/officer/reports/${reference}`)).body.version;
      const res = await callApi(stack, tokens.officer!.access, `/api/officer/reports/${reference}/actions`, { body: { ...body, version } });
      expect(res.status).toBe(200);
    };
    await officerAct({ action: 'grade', risk: 'standard' });
    await officerAct({ action: 'assign', partnerId: 'council-asb-team' });

    const added = await post({
      description: `Bins burning again at 2am (${stamp})`,
      ongoing: 'false',
      'occurredAt.day': '28',
      'occurredAt.month': '11',
      'occurredAt.year': '2026',
      'occurredAt.time': '2am',
      'location.details': 'Behind garage 4',
      offenderDescription: 'The same three lads',
      impact: 'We could not sleep',
    });
    expect(added.status).toBe(303);
    const back = added.headers.get('location')!;
    expect(back).toBe(`${link}?added=1#report-incidents`);
    const page = await (await open(back, ip)).text();
    expect(page).toContain('We have added it to your report and sent it to');
    expect(page).toContain(`Bins burning again at 2am (${stamp})`);
    const banner = /We have added it to your report and sent it to ([^<]+)\./.exec(page)![1]!;

    // Each partner on the report gets it, at its own level; the resident's contact details never.
    const profile = defaultProfile();
    const stored = (
      await callApi<{ routes: { partnerId: string; dataLevel: string }[]; incidents: unknown[] }>(
        stack,
        tokens.officer!.access,
        `/api/officer/reports/${reference}`,
      )
    ).body;
    expect(stored.incidents).toHaveLength(1);
    const subject = (e: { subject: string }) =>
      e.subject.startsWith('New incident on anti-social behaviour report') && e.subject.includes(reference);
    const emails = (await waitForEmails(stack, (all) => all.filter(subject).length === stored.routes.length)).filter(subject);
    expect(stored.routes.length).toBeGreaterThan(1);
    for (const route of stored.routes) expect(banner).toContain(profile.partners.find((p) => p.id === route.partnerId)!.name);
    for (const route of stored.routes) {
      const email = emails.find((e) => e.destination.to[0] === profile.partners.find((p) => p.id === route.partnerId)!.email)!;
      const text = email.body.text ?? '';
      expect(text).toContain('added something else that happened');
      expect(text).not.toContain(hateCrime.contact.email);
      expect(text).not.toContain('Rubbish set alight');
      if (route.dataLevel === 'summary') {
        expect(text).not.toContain('Bins burning again');
        expect(text).not.toContain('The same three lads');
        expect(text).not.toContain('Behind garage 4');
      } else {
        expect(text).toContain('Bins burning again');
        expect(text).toContain('The same three lads');
      }
    }
    expect(new Set(stored.routes.map((r) => r.dataLevel)).size).toBeGreaterThan(1);

    // As JSON too; a closed report takes no more.
    const json = await fetch(`${stack.url}${link}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'Shouting at 3am', ongoing: true }),
    });
    expect(json.status).toBe(201);
    expect(await json.json()).toMatchObject({ reference });
    await officerAct({ action: 'close', outcome: 'no-further-action' });
    const closed = await post({ description: 'Again', ongoing: 'true' });
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain('This report is closed');
  });

  it("takes a message to the officers, tells the partnership's team without its words, and shows it to officers only", async () => {
    const reference = await submit({ ...hateCrime, description: `Message test (${Date.now()})` });
    const link = await linkFromEmail(reference);
    const ip = from();
    const post = (fields: Record<string, string>) =>
      fetch(`${stack.url}${link}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', 'cloudfront-viewer-address': `${ip}:443` },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      });
    const wrong = await post({ message: 'I found the car registration' });
    expect(wrong.status).toBe(400);
    const wrongPage = await wrong.text();
    expect(wrongPage).toContain('Select what your message is about');
    expect(wrongPage).toContain('I found the car registration');

    const words = 'The car was a blue van, registration AB12 CDE <b>';
    const sent = await post({ about: 'more-information', message: words });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`${link}?sent=1#report-messages`);
    const page = await (await open(sent.headers.get('location')!, ip)).text();
    expect(page).toContain('We have sent your message');
    expect(page).toContain('AB12 CDE &lt;b>');

    const team = (
      await waitForEmails(stack, (all) => all.some((e) => e.subject === `Message from the resident on report ${reference}`))
    ).find((e) => e.subject === `Message from the resident on report ${reference}`)!;
    expect(team.destination.to).toEqual([defaultProfile().contact.email]);
    expect(team.body.text).toContain('I have more information');
    expect(team.body.text).not.toContain('AB12');
    expect(team.body.html).not.toContain('AB12');

    // Unread in the officers' inbox (never in a partner's) until an officer opens the case.
    const unread = async (token: string) =>
      (
        await callApi<{ items: { reference: string; unreadMessages?: number }[] }>(
          stack,
          token,
          '/api/officer/reports?unread=true&limit=100',
        )
      ).body.items;
    expect((await unread(tokens.officer!.access)).find((i) => i.reference === reference)?.unreadMessages).toBe(1);
    expect((await unread(tokens.police!.access)).map((i) => i.reference)).not.toContain(reference);
    // The inbox counts reports with unread messages for officers; partner users get no count.
    const unreadCount = async (token: string) =>
      (await callApi<{ unreadMessages?: number }>(stack, token, '/api/officer/report-counts')).body.unreadMessages;
    const before = await unreadCount(tokens.officer!.access);
    expect(before).toBeGreaterThanOrEqual(1);
    expect(await unreadCount(tokens.police!.access)).toBeUndefined();
    // Marking read counts what the officer was shown: had another message come meanwhile, nothing is marked.
    const cases = createCaseStore(localDynamoClient(stack.dynamoDbEndpoint), stack.tableName);
    const auditEntry = {
      reference,
      userId: 'u',
      username: 'officer',
      groups: ['officer'],
      action: 'change' as const,
      at: new Date().toISOString(),
      expiresAt: 2e9,
    };
    expect(await cases.markMessagesRead(reference, 2, auditEntry)).toBe(false);
    expect((await unread(tokens.officer!.access)).find((i) => i.reference === reference)?.unreadMessages).toBe(1);
    const asOfficer = await callApi<{ messages?: { about: string; text: string }[]; timeline: { text: string }[] }>(
      stack,
      tokens.officer!.access,
      `/api/officer/reports/${reference}`,
    );
    expect(asOfficer.body.messages).toEqual([{ at: expect.any(String), about: 'I have more information', text: words }]);
    expect((await unread(tokens.officer!.access)).map((i) => i.reference)).not.toContain(reference);
    expect(await unreadCount(tokens.officer!.access)).toBe(before! - 1);
    const reread = await callApi<{ timeline: { text: string }[] }>(stack, tokens.officer!.access, `/api/officer/reports/${reference}`);
    expect(reread.body.timeline.map((t) => t.text)).toContain('Read a message from the resident');
    const asPolice = await callApi<{ messages?: unknown; timeline: { text: string }[] }>(
      stack,
      tokens.police!.access,
      `/api/officer/reports/${reference}`,
    );
    expect(asPolice.status).toBe(200);
    expect(asPolice.body.messages).toBeUndefined();
    expect(asPolice.text).not.toContain('AB12');
    expect(asPolice.body.timeline.map((t) => t.text)).toContain('The resident sent the partnership a message');
  });

  it('suggests to officers, never to partners, other reports with the same contact or place as possibly the same problem', async () => {
    const email = `same-${Date.now()}@example.com`;
    const first = await submit({ ...hateCrime, contact: { ...hateCrime.contact, email }, description: `First (${Date.now()})` });
    const second = await submit({
      ...hateCrime,
      contact: { ...hateCrime.contact, email },
      location: { ...hateCrime.location, street: `Another Street ${Date.now()}` },
      description: `Second (${Date.now()})`,
    });
    const view = await callApi<{ related?: { reference: string; same: string[] }[] }>(
      stack,
      tokens.officer!.access,
      `/api/officer/reports/${second}`,
    );
    expect(view.body.related?.find((r) => r.reference === first)?.same).toEqual(['contact']);
    expect(view.body.related?.map((r) => r.reference)).not.toContain(second);
    const partner = await callApi<{ related?: unknown }>(stack, tokens.police!.access, `/api/officer/reports/${second}`);
    expect(partner.status).toBe(200);
    expect(partner.body.related).toBeUndefined();
  });

  it('counts the incidents a resident adds toward the repeat-victim and Case Review flags', async () => {
    const { repeatVictim, caseReview } = defaultProfile().flags;
    expect(repeatVictim.reports).toBe(caseReview.reports);
    const stamp = Date.now();
    const reference = await submit({
      ...hateCrime,
      type: 'asb',
      asbCategory: 'personal',
      hateMotivations: undefined,
      contact: { ...hateCrime.contact, email: `diary-${stamp}@example.com` },
      location: { ...hateCrime.location, street: `Diary Close ${stamp}` },
      description: `Threats from next door (${stamp})`,
    });
    const link = await linkFromEmail(reference);
    const flagsNow = async () => {
      await stack.streamIdle();
      return (await callApi<{ flags: string[] }>(stack, tokens.officer!.access, `/api/officer/reports/${reference}`)).body.flags;
    };
    expect(await flagsNow()).toEqual([]);
    for (let i = 1; i < repeatVictim.reports; i++) {
      const added = await fetch(`${stack.url}${link}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ description: `Threats again, time ${i}`, ongoing: true }),
      });
      expect(added.status).toBe(201);
      // One short of the threshold, no flag; at it, both.
      expect(await flagsNow()).toEqual(i + 1 < repeatVictim.reports ? [] : ['case-review', 'repeat-victim']);
    }
  });

  it('gives one plain page, the same each time, for a wrong key, a key for another report, a replaced link and an expired report', async () => {
    const reference = await submit({ ...hateCrime, description: `Wrong keys (${Date.now()})` });
    const other = await submit({ ...hateCrime, description: `Another report (${Date.now()})` });
    const link = await linkFromEmail(reference);
    const otherLink = await linkFromEmail(other);
    const key = link.split('/').at(-1)!;
    const wrong = [
      link.replace(/.$/, key.endsWith('A') ? 'B' : 'A'),
      `/api/reports/${reference}/private/${otherLink.split('/').at(-1)}`,
      `/api/reports/${reference}/private/short`,
      `/api/reports/ZZZZZZZZ/private/${key}`,
      `/api/reports/${reference}/private/${'%3Cscript%3E'.repeat(4)}`,
    ];
    const pages = await Promise.all(wrong.map(async (path) => ({ path, res: await open(path) })));
    const bodies = new Set<string>();
    for (const { path, res } of pages) {
      expect([path, res.status]).toEqual([path, 404]);
      const body = await res.text();
      expect(body).toContain('This link does not work');
      expect(body).not.toContain('Wrong keys');
      bodies.add(body.replace(reference, 'REF').replace('ZZZZZZZZ', 'REF'));
    }
    expect(bodies.size).toBe(1);

    // An officer replacing the link (a new version) ends the old one; so does the end of retention.
    const client = localDynamoClient(stack.dynamoDbEndpoint);
    const set = (expression: string, values: Record<string, unknown>) =>
      client.send(
        new UpdateItemCommand({
          TableName: stack.tableName,
          Key: marshall(keys.report(reference)),
          UpdateExpression: expression,
          ExpressionAttributeValues: marshall(values),
        }),
      );
    expect((await open(link)).status).toBe(200);
    await set('SET privateLink = :v', { ':v': { version: 2 } });
    expect((await open(link)).status).toBe(404);
    await set('SET privateLink = :v, expiresAt = :gone', { ':v': { version: 1 }, ':gone': Math.floor(Date.now() / 1000) - 60 });
    const expired = await open(link);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain('This link does not work');
    client.destroy();
  });

  it('is on the confirmation page for an anonymous reporter who asks for one, and for no one who does not', async () => {
    const post = (fields: Record<string, string>) =>
      fetch(`${stack.url}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams({
          type: 'asb',
          asbCategory: 'environmental',
          reporterRole: 'witness',
          description: `Fly-tipping again (${Date.now()}, ${JSON.stringify(fields)})`,
          ongoing: 'true',
          'location.area': asbAnon.location.area,
          anonymous: 'true',
          ...fields,
        }).toString(),
        redirect: 'manual',
      });
    const asked = await post({ privateLink: 'true' });
    expect(asked.status).toBe(303);
    const confirmation = await (await open(asked.headers.get('location')!)).text();
    const link = /href="(\/api\/reports\/[A-Z0-9]{8}\/private\/[A-Za-z0-9_-]{43})"/.exec(confirmation)?.[1];
    expect(link, 'the confirmation page shows the link').toBeDefined();
    const page = await (await open(link!)).text();
    expect(page).toContain('Fly-tipping again');
    expect(page).toContain('The reporter chose to stay anonymous');

    const notAsked = await post({});
    expect(notAsked.status).toBe(303);
    expect(await (await open(notAsked.headers.get('location')!)).text()).not.toContain('/private/');
  });

  it('limits how many links that do not work one address tries in an hour, then says to wait', async () => {
    const ip = from();
    const statuses: number[] = [];
    for (let i = 0; i < PRIVATE_LINK_LIMIT.limit; i++)
      statuses.push((await open(`/api/reports/ABCD2345/private/${'x'.repeat(43)}`, ip)).status);
    expect(statuses.every((s) => s === 404)).toBe(true);
    const limited = await open(`/api/reports/ABCD2345/private/${'x'.repeat(43)}`, ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Too many attempts');
    // Another address is not held back by it, and a working link still opens from this one.
    expect((await open(`/api/reports/ABCD2345/private/${'x'.repeat(43)}`)).status).toBe(404);
    const reference = await submit({ ...hateCrime, description: `Still mine (${Date.now()})` });
    expect((await open(await linkFromEmail(reference), ip)).status).toBe(200);
  });
});
