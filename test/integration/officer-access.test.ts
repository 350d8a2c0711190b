/**
 * Officer sign-in against cognito-local, and the attacks the API must refuse: no token,
 * garbage, an ID token, an expired token, a token forged with another key, a token for
 * another client, a user in no group, and a partner user asking for another partner's report.
 * Also: SES bounce feedback marked on the delivery it belongs to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { LocalStack } from '../../infra/local/local-stack';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import { startTestStack } from '../support/local-stack';
import { callApi, signInDemoUsers } from '../support/officer';
import { claimsOf, cognitoLocalKey, signJwt, strangerKey } from '../support/jwt';
import hateCrime from '../fixtures/reports/hate-crime-victim.json' with { type: 'json' };
import asbAnon from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };
import bounce from '../fixtures/events/ses-bounce.json' with { type: 'json' };

let stack: LocalStack;
let hateRef: string;
let asbRef: string;
const tokens: Record<string, { access: string; id: string }> = {};

async function submit(body: unknown): Promise<string> {
  const res = await fetch(`${stack.url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await res.json()) as { reference: string }).reference;
}

beforeAll(async () => {
  stack = await startTestStack();
  hateRef = await submit(hateCrime);
  asbRef = await submit(asbAnon);
  Object.assign(tokens, await signInDemoUsers(stack));
});
afterAll(async () => stack?.stop());

const getReport = (reference: string, authorization?: string) =>
  fetch(`${stack.url}/api/officer/reports/${reference}`, { headers: authorization ? { authorization } : {} });

describe('signing in and reading a report', () => {
  it('gives an officer the whole report and audits the read', async () => {
    // A report of this test's own (an identical one would be the same report), so the one
    // audit entry counted is this read's, whatever the other tests have read.
    const reference = await submit({ ...hateCrime, description: `${hateCrime.description} (read once)` });
    await stack.streamIdle();
    const res = await getReport(reference, `Bearer ${tokens.officer!.access}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      dataLevel: string;
      report: { contact?: { email?: string } };
      timeline: { kind: string; text: string }[];
    };
    expect(body.dataLevel).toBe('full');
    expect(body.report.contact?.email).toBe('amira@example.com');
    // Officers see every email on the timeline: both partners and the resident.
    const emails = body.timeline.filter((t) => t.kind === 'email').map((t) => t.text);
    expect(emails.some((t) => t.includes('Weald Constabulary'))).toBe(true);
    expect(emails.some((t) => t.includes('the resident'))).toBe(true);

    const out = await localDynamoClient(stack.dynamoDbEndpoint).send(
      new QueryCommand({
        TableName: stack.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: { ':pk': { S: `REPORT#${reference}` }, ':a': { S: 'AUDIT#' } },
      }),
    );
    const audit = (out.Items ?? []).map((i) => unmarshall(i));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'read-report', groups: ['officer'], userId: claimsOf(tokens.officer!.access).sub });
    expect(audit[0]!.expiresAt).toBeGreaterThan(Date.now() / 1000);
  });

  it('gives a partner user a report routed to their partner, with that partner data level', async () => {
    const res = await getReport(hateRef, `Bearer ${tokens.police!.access}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { dataLevel: string; timeline: { kind: string; text: string }[] };
    expect(body.dataLevel).toBe('full');
    // A partner user sees only its own organisation's emails.
    const emails = body.timeline.filter((t) => t.kind === 'email').map((t) => t.text);
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.every((t) => t.includes('Weald Constabulary'))).toBe(true);
  });

  it("keeps officers' notes from partner users unless shared, and shows a partner its own notes", async () => {
    const reference = await submit(hateCrime);
    const post = (token: string, body: unknown) => callApi(stack, token, `/api/officer/reports/${reference}/actions`, { body });
    expect((await post(tokens.officer!.access, { action: 'note', text: 'Internal: rang Amira Test on 01632 960 001' })).status).toBe(201);
    expect(
      (await post(tokens.officer!.access, { action: 'note', text: 'Shared: patrols agreed for Market Street', shareWithPartners: true }))
        .status,
    ).toBe(201);
    expect((await post(tokens.police!.access, { action: 'note', text: 'Police: officer visited', shareWithPartners: true })).status).toBe(
      201,
    );
    expect((await post(tokens.officer!.access, { action: 'note', text: 'x', shareWithPartners: 'yes' })).status).toBe(400);

    const asPolice = await callApi<{ notes: { text: string; shared: boolean }[]; timeline: { kind: string; text: string }[] }>(
      stack,
      tokens.police!.access,
      `/api/officer/reports/${reference}`,
    );
    expect(asPolice.body.notes.map((n) => n.text)).toEqual(['Shared: patrols agreed for Market Street', 'Police: officer visited']);
    expect(asPolice.text).not.toContain('Internal: rang');
    expect(asPolice.body.timeline.filter((t) => t.kind === 'note')).toHaveLength(2);
    const asOfficer = await callApi<{ notes: { text: string; shared: boolean }[] }>(
      stack,
      tokens.officer!.access,
      `/api/officer/reports/${reference}`,
    );
    expect(asOfficer.body.notes.map((n) => [n.text.slice(0, 8), n.shared])).toEqual([
      ['Internal', false],
      ['Shared: ', true],
      ['Police: ', false],
    ]);
  });

  it('answers 404 to a partner user for a report not routed to them, as for one that does not exist', async () => {
    const other = await getReport(asbRef, `Bearer ${tokens.police!.access}`);
    const missing = await getReport('ZZZZ2222', `Bearer ${tokens.police!.access}`);
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await other.text()).toBe(await missing.text());
  });

  it('answers 403 to a signed-in user in no portal group', async () => {
    expect((await getReport(hateRef, `Bearer ${tokens.nobody!.access}`)).status).toBe(403);
  });
});

describe('refusing bad tokens with 401', () => {
  const expect401 = async (authorization: string | undefined) => {
    const res = await getReport(hateRef, authorization);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const body = (await res.json()) as { message: string };
    expect(body.message).toMatch(/sign/i);
  };

  it('no token, a malformed header, garbage', async () => {
    await expect401(undefined);
    await expect401(`Token ${tokens.officer!.access}`);
    await expect401('Bearer not.a.jwt');
  });

  it('an ID token instead of an access token', async () => {
    await expect401(`Bearer ${tokens.officer!.id}`);
  });

  it('an expired token, even with the right key', async () => {
    const claims = {
      ...claimsOf(tokens.officer!.access),
      exp: Math.floor(Date.now() / 1000) - 60,
      iat: Math.floor(Date.now() / 1000) - 3600,
    };
    await expect401(`Bearer ${signJwt(claims, cognitoLocalKey())}`);
  });

  it('a token forged with another key', async () => {
    await expect401(`Bearer ${signJwt(claimsOf(tokens.officer!.access), strangerKey())}`);
  });

  it('a token for another app client, or from another issuer', async () => {
    await expect401(`Bearer ${signJwt({ ...claimsOf(tokens.officer!.access), client_id: 'someone-elses-client' }, cognitoLocalKey())}`);
    await expect401(`Bearer ${signJwt({ ...claimsOf(tokens.officer!.access), iss: 'http://localhost:1/local_other' }, cognitoLocalKey())}`);
  });

  it('a token that claims groups it was not given cannot be made without the key', async () => {
    const claims = { ...claimsOf(tokens.nobody!.access), 'cognito:groups': ['admin'] };
    await expect401(`Bearer ${signJwt(claims, strangerKey())}`);
  });
});

describe('bounces and complaints from SES', () => {
  it('marks a bounce on the partner delivery it belongs to, shows it to officers, and ignores an event for another message', async () => {
    const { handleFeedback } = await import('../../functions/delivery-feedback/handler');
    const { createReportStore } = await import('../../functions/adapters/dynamodb/report-store');
    const store = createReportStore(localDynamoClient(stack.dynamoDbEndpoint), stack.tableName);
    await stack.streamIdle();
    const sent = (await store.getOutbox(hateRef, 'police'))!;
    expect(sent.state).toBe('sent');
    const event = (messageId: string) => ({
      detail: {
        ...bounce.detail,
        mail: { ...bounce.detail.mail, messageId, tags: { ...bounce.detail.mail.tags, reference: [hateRef], delivery: ['police'] } },
      },
    });
    const deps = { store, now: () => new Date() };

    // A stray event (another message id) changes nothing.
    expect(await handleFeedback(deps, event('another-message'))).toMatchObject({ outcome: 'unmatched' });
    expect((await store.get(hateRef))!.deliveries.police!.feedback).toBeUndefined();

    expect(await handleFeedback(deps, event(sent.messageId!))).toMatchObject({ outcome: 'recorded' });
    expect((await store.get(hateRef))!.deliveries.police!.feedback).toEqual({
      kind: 'bounce',
      at: bounce.detail.bounce.timestamp,
      detail: 'Permanent (NoEmail)',
    });
    expect((await store.getOutbox(hateRef, 'police'))!.feedback).toMatchObject({ kind: 'bounce' });

    const res = await getReport(hateRef, `Bearer ${tokens.officer!.access}`);
    const body = (await res.json()) as { timeline: { kind: string; text: string }[] };
    const bounced = body.timeline.find((t) => t.text.includes('bounced'));
    expect(bounced?.text).toContain('Weald Constabulary');
    expect(bounced?.text).toContain('Permanent (NoEmail)');
    // The recipient's address and the mail server's diagnostic never reach the case.
    expect(JSON.stringify(await store.get(hateRef))).not.toContain('user unknown');
  });
});
