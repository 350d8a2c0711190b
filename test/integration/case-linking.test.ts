/**
 * Officers linking reports into one case, on the local stack: version checks, the inbox
 * listing a case once with its figures, the case page, each partner's scope and data level
 * kept, the refusals (closed, another case, unknown, out of scope), unlinking, and the
 * flags counted across a case with one incident told twice counted once.
 */
import { DeleteItemCommand, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/adapters/dynamodb/table-definition';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import type { LocalStack } from '../../infra/local/local-stack';
import hateCrime from '../fixtures/reports/hate-crime-victim.json' with { type: 'json' };
import { startTestStack, waitForEmails } from '../support/local-stack';
import { callApi, signInDemoUsers } from '../support/officer';

let stack: LocalStack;
let tokens: Awaited<ReturnType<typeof signInDemoUsers>>;
const as = (user: string) => tokens[user]!.access;
beforeAll(async () => {
  stack = await startTestStack();
  tokens = await signInDemoUsers(stack);
});
afterAll(async () => stack?.stop());

let made = 0;
/**
 * A new ASB report from its own resident at its own street, so no two match by contact or
 * place, and on its own day, so no two are one incident told twice.
 */
async function report(overrides: Record<string, unknown> = {}): Promise<string> {
  const n = `${Date.now()}-${++made}`;
  const day = new Date(Date.UTC(2026, 9, 1 + made)).toISOString().slice(0, 10);
  const res = await callApi<{ reference: string }>(stack, undefined, '/api/reports', {
    body: {
      ...hateCrime,
      type: 'asb',
      asbCategory: 'nuisance',
      hateMotivations: undefined,
      description: `Loud music from the flats (${n})`,
      contact: { name: `Resident ${n}`, email: `resident-${n}@example.com` },
      location: { area: 'fernbrook-town', street: `Case Street ${n}` },
      occurredAt: `${day}T12:00:00Z`,
      ...overrides,
    },
  });
  expect(res.status).toBe(201);
  return res.body.reference;
}

interface CaseView {
  version: number;
  caseReview?: {
    met: boolean;
    metBy?: string;
    counted: number;
    needed: number;
    complaints: { reference: string; qualifies: boolean; reasons: string[] }[];
  };
  status: string;
  flags: string[];
  related?: { reference: string }[];
  timeline: { text: string }[];
  case?: {
    caseId: string;
    reports: number;
    incidents: number;
    members: { reference: string; relation?: string; linkedBy: string }[];
    happened: { reference: string; reportedBy: string; incident: { description?: string; contact?: unknown } }[];
    timeline: { reference: string; text: string }[];
  };
}
const view = (reference: string, user = 'officer') => callApi<CaseView>(stack, as(user), `/api/officer/reports/${reference}`);
const act = (reference: string, body: Record<string, unknown>, user = 'officer') =>
  callApi<{ message: string; version: number; errors?: { path: string }[] }>(stack, as(user), `/api/officer/reports/${reference}/actions`, {
    body,
  });
/** The action at the version the report has now. */
const actNow = async (reference: string, body: Record<string, unknown>, user = 'officer') =>
  act(reference, { ...body, version: (await view(reference, user)).body.version }, user);

interface InboxRow {
  reference: string;
  caseId?: string;
  case?: { reports: number; incidents: number; latestAt: string };
}
const inbox = async (query = '') =>
  (await callApi<{ items: InboxRow[] }>(stack, as('officer'), `/api/officer/reports?limit=100${query}`)).body.items;

describe('linking reports into one case', () => {
  it('links with version checks, lists the case once with its figures, shows every report in it, and unlinks', async () => {
    const [a, b, c] = [await report(), await report(), await report()];

    // The version the officer loaded is checked: a stale one changes nothing.
    const stale = await act(b, { action: 'link', version: 99, to: a, relation: 'same-problem' });
    expect(stale.status).toBe(409);
    expect((await view(b)).body.case).toBeUndefined();

    const linked = await actNow(b, { action: 'link', to: a.toLowerCase(), relation: 'same-problem' });
    expect(linked.status).toBe(200);
    expect(linked.body.message).toBe(`Linked ${b} and ${a}: the case now has 2 reports`);
    expect(linked.body.version).toBe(2);
    // Both reports changed: an officer holding either at its old version is told to reload.
    expect((await act(a, { action: 'grade', version: 1, risk: 'high' })).status).toBe(409);

    const seen = (await view(b)).body;
    expect(seen.case).toMatchObject({ reports: 2, incidents: 2 });
    expect(seen.case!.members.map((m) => [m.reference, m.relation])).toEqual([
      [a, undefined],
      [b, 'same-problem'],
    ]);
    expect(seen.case!.happened.map((h) => h.reference).sort()).toEqual([a, b].sort());
    expect(seen.case!.happened.every((h) => h.reportedBy.startsWith('Resident '))).toBe(true);
    expect(seen.case!.timeline.some((t) => t.reference === a && t.text.includes(`Linked to ${b} as the same problem`))).toBe(true);
    expect(seen.case!.timeline.some((t) => t.reference === b && t.text.includes(`Linked to ${a} as the same problem`))).toBe(true);

    // Unfiltered, the inbox lists the case once, with its figures; filtered, each report says its case.
    const caseRows = async (refs: string[]) => (await inbox()).filter((r) => refs.includes(r.reference));
    const rows = await caseRows([a, b]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.case).toMatchObject({ reports: 2, incidents: 2 });
    const filtered = await inbox('&area=fernbrook-town');
    expect(filtered.find((r) => r.reference === b)?.caseId).toBe(seen.case!.caseId);
    expect(filtered.find((r) => r.reference === a)?.caseId).toBe(seen.case!.caseId);

    // A third report joins from its own page; a duplicate adds no incident of its own.
    expect((await actNow(c, { action: 'link', to: b, relation: 'duplicate' })).body.message).toContain('the case now has 3 reports');
    expect((await caseRows([a, b, c])).map((r) => r.case)).toEqual([expect.objectContaining({ reports: 3, incidents: 2 })]);
    expect((await actNow(a, { action: 'link', to: c, relation: 'same-victim' })).body.message).toBe(
      'These reports are already in the same case.',
    );

    // The first report leaves: the case carries on, listed as the next one.
    const gone = await actNow(a, { action: 'unlink' });
    expect(gone.body.message).toBe(`Unlinked ${a}: the case carries on with 2 reports`);
    expect((await view(a)).body.case).toBeUndefined();
    expect((await caseRows([a])).map((r) => r.case)).toEqual([undefined]);
    expect((await caseRows([b, c])).map((r) => r.case)).toEqual([expect.objectContaining({ reports: 2 })]);
    // A case of one is no case: unlinking either of the last two ends it for both.
    expect((await actNow(c, { action: 'unlink' })).body.message).toBe(`Unlinked ${c}: the case has ended`);
    expect((await view(b)).body.case).toBeUndefined();
    expect((await actNow(b, { action: 'unlink' })).status).toBe(409);
    expect(await caseRows([a, b, c])).toHaveLength(3);
  });

  it("keeps each report's own retention: the case stays listed, and nothing of the newer report goes, when its oldest report is removed", async () => {
    const [older, newer] = [await report(), await report()];
    const client = localDynamoClient(stack.dynamoDbEndpoint);
    const table = stack.tableName;
    // The older report reaches the end of its retention sooner.
    await client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: marshall(keys.report(older)),
        UpdateExpression: 'SET expiresAt = :soon',
        ExpressionAttributeValues: marshall({ ':soon': Math.floor(Date.now() / 1000) + 3600 }),
      }),
    );
    expect((await actNow(older, { action: 'link', to: newer, relation: 'same-problem' })).status).toBe(200);
    const newerItems = async () =>
      (
        await client.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: marshall({ ':pk': keys.report(newer).pk }),
          }),
        )
      ).Items!.map((i) => unmarshall(i));
    // Every record about the newer report, the audit of the link included, keeps the newer report's retention.
    const items = await newerItems();
    const kept = items.find((i) => i.sk === 'REPORT')!.expiresAt as number;
    expect(items.filter((i) => String(i.sk).startsWith('AUDIT#')).map((i) => i.expiresAt)).toEqual(
      items.filter((i) => String(i.sk).startsWith('AUDIT#')).map(() => kept),
    );

    // The older report is removed, as DynamoDB's TTL would remove it: every item of it, nothing else.
    const olderItems = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': keys.report(older).pk }),
      }),
    );
    for (const item of olderItems.Items!)
      await client.send(new DeleteItemCommand({ TableName: table, Key: { pk: item.pk!, sk: item.sk! } }));

    expect((await newerItems()).length).toBe(items.length);
    const seen = (await view(newer)).body.case!;
    expect(seen.members.map((m) => m.reference)).toEqual([newer]);
    // The case still stands in the unfiltered inbox: the report kept longest stands for it.
    expect((await inbox()).find((r) => r.reference === newer)?.case).toMatchObject({ reports: 1 });
  });

  it('lets one of two officers linking the same report at the same moment through, and tells the other to reload', async () => {
    const [a, b, c] = [await report(), await report(), await report()];
    const version = (await view(a)).body.version;
    const answers = await Promise.all([
      act(a, { action: 'link', version, to: b, relation: 'same-problem' }),
      act(a, { action: 'link', version, to: c, relation: 'same-victim' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.status === 409)!.body.message).toContain('Reload it');
    expect((await view(a)).body.case!.members).toHaveLength(2);
  });

  it('refuses a closed report, a report already in another case, an unknown or malformed reference, and itself, each saying what to do', async () => {
    const [a, b, c, d, closed] = [await report(), await report(), await report(), await report(), await report()];
    await actNow(closed, { action: 'close', outcome: 'resolved' });
    const refused = await actNow(a, { action: 'link', to: closed, relation: 'same-problem' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(`Report ${closed} is closed, so it cannot join a case`);

    expect((await actNow(a, { action: 'link', to: b, relation: 'same-problem' })).status).toBe(200);
    expect((await actNow(c, { action: 'link', to: d, relation: 'same-victim' })).status).toBe(200);
    const twoCases = await actNow(c, { action: 'link', to: a, relation: 'same-problem' });
    expect(twoCases.status).toBe(409);
    expect(twoCases.body.message).toContain(`To move ${c} into the case of ${a}, unlink it from its case first`);

    const unknown = await actNow(a, { action: 'link', to: 'ZZZZ-ZZZZ', relation: 'same-problem' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('There is no report ZZZZZZZZ you can see');
    const malformed = await actNow(a, { action: 'link', to: 'not a reference', relation: 'same-problem' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ path: 'to', message: expect.stringContaining('8-character reference') }]);
    expect((await actNow(a, { action: 'link', to: a, relation: 'same-problem' })).status).toBe(400);
    const noRelation = await actNow(a, { action: 'link', to: c });
    expect(noRelation.status).toBe(400);
    expect(noRelation.body.errors?.map((e) => e.path)).toEqual(['relation']);
  });
});

describe("partners' scope after linking", () => {
  it('shows each partner only the reports that reached it, each at its own data level, and refuses links outside its scope', async () => {
    // Kingsmead personal ASB reaches the council and the police; Oakridge environmental ASB
    // reaches the council, the housing association (no contact) and fire (summary).
    const personal = await report({ asbCategory: 'personal', location: { area: 'kingsmead', street: `Scope Road ${Date.now()}` } });
    const environmental = await report({
      asbCategory: 'environmental',
      location: { area: 'oakridge', street: `Scope Lane ${Date.now()}` },
    });
    expect((await actNow(environmental, { action: 'link', to: personal, relation: 'same-victim' })).status).toBe(200);

    // The council received both, in full: it sees the whole case, names included.
    const council = (await view(environmental, 'council-asb-team')).body.case!;
    expect(council.members.map((m) => m.reference).sort()).toEqual([personal, environmental].sort());
    expect(council.happened.every((h) => h.reportedBy.startsWith('Resident '))).toBe(true);

    // Fire received only the environmental report, as a summary: the case shows it that way and nothing of the other.
    const fire = (await view(environmental, 'fire-rescue')).body;
    expect(fire.case!.members.map((m) => m.reference)).toEqual([environmental]);
    expect(fire.case!.happened).toHaveLength(1);
    expect(fire.case!.happened[0]!.incident.description).toBeUndefined();
    expect(fire.case!.happened[0]!.reportedBy).toBe('A resident');
    expect(JSON.stringify(fire)).not.toContain(personal);
    expect((await view(personal, 'fire-rescue')).status).toBe(404);

    // The housing association gets no contact details, so no names, for its report or in the case.
    const housing = (await view(environmental, 'brookside-homes')).body.case!;
    expect(housing.happened.map((h) => h.reportedBy)).toEqual(['The victim']);
    expect(housing.happened[0]!.incident.contact).toBeUndefined();

    // A partner user links only reports that both reached their organisation.
    const other = await report({ asbCategory: 'environmental', location: { area: 'oakridge', street: `Scope Way ${Date.now()}` } });
    const outside = await actNow(other, { action: 'link', to: personal, relation: 'same-problem' }, 'fire-rescue');
    expect(outside.status).toBe(404);
    expect(outside.body.message).toContain(`There is no report ${personal} you can see`);
    expect((await actNow(other, { action: 'link', to: environmental, relation: 'same-problem' }, 'fire-rescue')).status).toBe(200);
    // Officers see the partner's link in the case.
    const linkedBy = (await view(personal)).body.case!.members.find((m) => m.reference === other)!.linkedBy;
    expect(linkedBy).toContain('fire-rescue');
  });
});

describe('flags across a case', () => {
  it('counts the incidents of every linked report, one incident told by two residents once', async () => {
    const flagsOf = async (reference: string) => {
      await stack.streamIdle();
      return (await view(reference)).body.flags;
    };
    // Dates before today, so that each report is made within a month of what it is about.
    const daysAgo = (n: number, time: string) => `${new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)}T${time}Z`;
    const first = await report({ occurredAt: daysAgo(20, '12:00:00') });
    // Another resident reports the same afternoon's incident: the same incident, told twice.
    const sameNight = await report({ occurredAt: daysAgo(20, '14:30:00') });
    const later = await report({ occurredAt: daysAgo(10, '12:00:00') });
    expect((await actNow(sameNight, { action: 'link', to: first, relation: 'same-problem' })).status).toBe(200);
    expect((await actNow(later, { action: 'link', to: first, relation: 'same-problem' })).status).toBe(200);
    // Three reports, two incidents: one short of the sample thresholds (three).
    expect(await flagsOf(first)).toEqual([]);
    // Officers see the Case Review threshold checked against the portal's own complaints.
    const checked = (await view(first)).body.caseReview!;
    expect(checked).toMatchObject({ met: false, counted: 2, needed: 3 });
    expect(checked.complaints.map((c) => c.reference).sort()).toEqual([first, sameNight, later].sort());
    expect(checked.complaints.find((c) => !c.qualifies)!.reasons[0]).toMatch(/^The same incident as complaint \d: counted once\.$/);

    // The first resident adds what happened next from their private link: three incidents.
    const emails = await waitForEmails(stack, (all) => all.some((e) => e.subject === `Your report reference ${first}`));
    const text = emails.find((e) => e.subject === `Your report reference ${first}`)!.body.text ?? '';
    const link = new RegExp(`/api/reports/${first}/private/[A-Za-z0-9_-]{43}`).exec(text)![0];
    const added = await fetch(`${stack.url}${link}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'The music again, past midnight', ongoing: true }),
    });
    expect(added.status).toBe(201);
    expect(await flagsOf(first)).toEqual(['case-review', 'repeat-victim']);
    expect((await view(later)).body.caseReview).toMatchObject({ met: true, metBy: 'complaints', counted: 3 });
    // Partner users are not shown the check: they may not see every report it counts.
    expect((await view(first, 'council-asb-team')).body.caseReview).toBeUndefined();
    // Every report that made the count carries the flags.
    expect(await flagsOf(later)).toEqual(['case-review', 'repeat-victim']);
    // The inbox counts by the same rule: three reports, three incidents.
    const rows = (await inbox()).filter((r) => [first, sameNight, later].includes(r.reference));
    expect(rows.map((r) => r.case)).toEqual([expect.objectContaining({ reports: 3, incidents: 3 })]);
  });
});
