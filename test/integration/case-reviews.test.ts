/**
 * The ASB Case Review on the local stack: applying (as JSON and as a form with JavaScript
 * off, with and without a private report link), the refusals, the officers' steps with
 * their version checks and emails, due times across a bank holiday, the partners named and
 * their data level, and the published figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/local-stack';
import { defaultProfile } from '../../shared/config/load-profile';
import { addWorkingDays } from '../../shared/domain/working-days';
import { clockNow } from '../../functions/adapters/clock/clock';
import { createCaseReviewStore } from '../../functions/adapters/dynamodb/case-review-store';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import hateCrime from '../fixtures/reports/hate-crime-victim.json' with { type: 'json' };
import { capturedEmails, startTestStack, waitForEmails } from '../support/local-stack';
import { callApi, signInDemoUsers } from '../support/officer';

const profile = defaultProfile();
const partnerName = (id: string) => profile.partners.find((p) => p.id === id)!.name;
let stack: LocalStack;
let tokens: Awaited<ReturnType<typeof signInDemoUsers>>;
const as = (user: string) => tokens[user]!.access;
beforeAll(async () => {
  // One test stops and starts SES local (an outage): the stack runs one of its own.
  stack = await startTestStack({ ownSes: true });
  tokens = await signInDemoUsers(stack);
});
afterAll(async () => stack?.stop());

let made = 0;
/** An application from its own victim, with its own email address, so no test reads another's emails. */
function application(overrides: Record<string, unknown> = {}) {
  const n = `${Date.now()}-${++made}`;
  return {
    applicant: { role: 'victim' },
    victim: { name: `Victim ${n}`, email: `victim-${n}@example.com`, area: 'fernbrook-town' },
    problem: `Parties every weekend at the flat above (${n})`,
    complaints: [
      { incidentOn: '2026-10-02', madeOn: '2026-10-03', to: 'police', reference: 'WP-1' },
      { incidentOn: '2026-10-09', madeOn: '2026-10-10', to: 'other', organisation: 'Fernbrook Housing Trust' },
    ],
    ...overrides,
  };
}

interface Receipt {
  reference: string;
  steps: { state: string; dueAt?: string }[];
}
const apply = (body: unknown) =>
  callApi<Receipt & { errors?: { path: string; message: string }[] }>(stack, undefined, '/api/case-reviews', { body });

interface ReviewView {
  summary: { version: number; state: string; next?: { state: string; dueAt?: string }; partners: string[] };
  dataLevel: string;
  applicant: { role: string; email?: string };
  victim: { name?: string; email?: string; area: string };
  problem?: string;
  threshold: { met: boolean; counted: number; needed: number; complaints: { to: string; qualifies: boolean; reference?: string }[] };
  decision?: { met: boolean; reasons?: string; at: string; by: string };
  recommendations: { owner: string; text: string }[];
  contacts: { partner: string; text: string }[];
  trail: { who: string; what: string }[];
}
const view = (reference: string, user = 'officer') => callApi<ReviewView>(stack, as(user), `/api/officer/case-reviews/${reference}`);
const act = (reference: string, body: Record<string, unknown>, user = 'officer') =>
  callApi<{ version: number; state: string; message: string }>(stack, as(user), `/api/officer/case-reviews/${reference}/actions`, { body });
const actNow = async (reference: string, body: Record<string, unknown>) =>
  act(reference, { ...body, version: (await view(reference)).body.summary.version });
const emailTo = async (to: string, subject: string) =>
  (await waitForEmails(stack, (all) => all.some((e) => e.destination.to.includes(to) && e.subject === subject))).find(
    (e) => e.destination.to.includes(to) && e.subject === subject,
  )!;

describe('applying for an ASB Case Review', () => {
  it('stores the application with its own reference and the dates to hear by, and emails the applicant and each partner named', async () => {
    const body = application();
    const res = await apply(body);
    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(/^CR-[2-9A-Z]{8}$/);
    const acknowledge = res.body.steps.find((s) => s.state === 'acknowledged')!;
    expect(Date.parse(acknowledge.dueAt!)).toBeGreaterThan(Date.now());

    const toApplicant = await emailTo(body.victim.email, 'We have received your ASB Case Review application');
    expect(toApplicant.body.text).toContain(res.body.reference);
    expect(toApplicant.body.text).toMatch(/acknowledge it by/);
    // The partner named hears that it exists and where to read it: never who or what.
    const police = profile.partners.find((p) => p.id === 'police')!;
    const toPolice = await emailTo(police.email, `ASB Case Review application ${res.body.reference} names ${police.name}`);
    expect(toPolice.body.text).toContain(`/officer/case-review/?ref=${res.body.reference}`);
    expect(toPolice.body.text).not.toContain(body.victim.name);
    expect(toPolice.body.text).not.toContain('Parties every weekend');
    // "Another organisation" is no partner: nobody else is emailed.
    const about = (await capturedEmails(stack)).filter((e) => e.subject.includes(res.body.reference));
    expect(about.map((e) => e.destination.to[0]).sort()).toEqual([police.email]);
  });

  it('accepts an application with no complaints at all: an officer decides it', async () => {
    const res = await apply(application({ complaints: [] }));
    expect(res.status).toBe(201);
    const seen = await view(res.body.reference);
    expect(seen.body.threshold).toMatchObject({ met: false, counted: 0, needed: profile.caseReview.threshold.complaints });
  });

  it('refuses an application made for the victim without their consent, saying what is needed, and stores nothing', async () => {
    const before = (await callApi<{ reviews: unknown[] }>(stack, as('officer'), '/api/officer/case-reviews')).body.reviews.length;
    const res = await apply(application({ applicant: { role: 'councillor', name: 'Cllr Jo Bloggs', email: 'cllr@example.com' } }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'applicant.consent', message: expect.stringMatching(/consent/) })]);
    const victimless = await apply(application({ victim: { name: 'A', area: 'fernbrook-town' } }));
    expect(victimless.body.errors?.map((e) => e.path)).toEqual(['victim.email']);
    const badDates = await apply(application({ complaints: [{ incidentOn: '2026-02-30', madeOn: 'yesterday', to: 'nobody' }] }));
    expect(badDates.body.errors?.map((e) => e.path).sort()).toEqual(['complaints.0.incidentOn', 'complaints.0.madeOn', 'complaints.0.to']);
    expect((await callApi<{ reviews: unknown[] }>(stack, as('officer'), '/api/officer/case-reviews')).body.reviews).toHaveLength(before);
  });

  it('stores the same application sent twice once, answering with the first reference', async () => {
    const body = application();
    const first = await apply(body);
    const again = await apply(body);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.reference).toBe(first.body.reference);
  });

  it('works as a plain form: the acknowledgement page, or the form again with each problem beside its field and the answers kept', async () => {
    const post = (fields: Record<string, string>) =>
      fetch(`${stack.url}/api/case-reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams(fields),
      });
    const wrong = await post({
      'applicant.role': 'relative',
      'applicant.name': 'Sam <b>Relative</b>',
      'victim.area': 'oakridge',
      problem: 'Noise',
    });
    expect(wrong.status).toBe(400);
    const page = await wrong.text();
    expect(page).toContain('Someone applying for the victim needs their consent');
    expect(page).toContain('href="#applicant-consent"');
    expect(page).toContain('value="Sam &lt;b>Relative&lt;/b>"');
    expect(page).not.toContain('<b>Relative</b>');

    const n = Date.now();
    const ok = await post({
      'applicant.role': 'relative',
      'applicant.name': 'Sam Relative',
      'applicant.email': `sam-${n}@example.com`,
      'applicant.consent': 'true',
      'victim.name': 'Pat Victim',
      'victim.phone': '01632 960 123',
      'victim.area': 'oakridge',
      problem: 'Motorbikes on the green every night',
      'complaints.0.incidentOn': '2026-10-01',
      'complaints.0.madeOn': '2026-10-02',
      'complaints.0.to': 'council-asb-team',
      // A blank row (as the page sends four of them) is no complaint.
      'complaints.1.incidentOn': '',
      'complaints.1.to': '',
    });
    expect(ok.status).toBe(200);
    const received = await ok.text();
    const reference = /id="reference">(CR-[2-9A-Z]{8})</.exec(received)?.[1];
    expect(reference).toBeDefined();
    expect(received).toContain(profile.caseReview.escalation.to);
    // The emails go to the applicant, the one who applied for the victim.
    await emailTo(`sam-${n}@example.com`, 'We have received your ASB Case Review application');
    const seen = await view(reference!);
    expect(seen.body.threshold.complaints).toHaveLength(1);
    expect(seen.body.applicant).toMatchObject({ role: 'relative', email: `sam-${n}@example.com` });
  });
});

describe('applying from a private report link', () => {
  it("adds the portal's own complaints to those listed, and counts an incident told to two organisations once", async () => {
    const n = Date.now();
    const email = `linked-${n}@example.com`;
    const submitted = await callApi<{ reference: string }>(stack, undefined, '/api/reports', {
      body: {
        ...hateCrime,
        type: 'asb',
        asbCategory: 'nuisance',
        hateMotivations: undefined,
        description: `Shouting in the stairwell (${n})`,
        contact: { name: `Linked ${n}`, email },
        location: { area: 'kingsmead', street: `Linked Street ${n}` },
        occurredAt: '2026-11-20T21:00:00Z',
      },
    });
    const reference = submitted.body.reference;
    const confirmation = await emailTo(email, `Your report reference ${reference}`);
    const link = new RegExp(`(/api/reports/${reference}/private/[A-Za-z0-9_-]{43})`).exec(confirmation.body.text ?? '')![1]!;

    const form = await fetch(`${stack.url}${link}/case-review`);
    expect(form.status).toBe(200);
    const page = await form.text();
    expect(page).toContain(`about report ${reference}: 1 complaint`);
    expect(page).toContain(`value="${email}"`);

    // The same incident also told to the police by phone: one incident, counted once.
    const res = await callApi<Receipt>(stack, undefined, `${link}/case-review`, {
      body: application({
        victim: { name: `Linked ${n}`, email, area: 'kingsmead' },
        complaints: [{ incidentOn: '2026-11-20', madeOn: '2026-11-21', to: 'police' }],
      }),
    });
    expect(res.status).toBe(201);
    const seen = await view(res.body.reference);
    // The phone call to the police was made first, so it is the one counted.
    expect(seen.body.threshold.complaints.map((c) => [c.to, c.reference ?? null, c.qualifies])).toEqual([
      [profile.partners.find((p) => p.id === 'police')!.name, null, true],
      ['this website', reference, false],
    ]);
    expect(seen.body.threshold.counted).toBe(1);
    // The partners the report went to are named too.
    expect(seen.body.summary.partners).toEqual(expect.arrayContaining(['police', 'council-asb-team']));
    // The officer reading the report sees the application it came with; a partner user is not told.
    const report = await callApi<{ caseReviews?: { reference: string; state: string }[] }>(
      stack,
      as('officer'),
      `/api/officer/reports/${reference}`,
    );
    expect(report.body.caseReviews).toEqual([{ reference: res.body.reference, state: 'received' }]);
    expect(
      (await callApi<{ caseReviews?: unknown }>(stack, as('police'), `/api/officer/reports/${reference}`)).body.caseReviews,
    ).toBeUndefined();
    // A partner named sees the complaint counted, not the reference of a report that may not have reached it.
    const asPolice = await view(res.body.reference, 'police');
    expect(asPolice.body.threshold.complaints.map((c) => c.reference ?? null)).toEqual([null, null]);

    const bad = await fetch(`${stack.url}/api/reports/${reference}/private/${'x'.repeat(43)}/case-review`);
    expect(bad.status).toBe(404);
    // A JSON client is answered in JSON, as the report's own link answers it.
    const badJson = await callApi(stack, undefined, `/api/reports/${reference}/private/${'x'.repeat(43)}/case-review`, {
      body: application(),
    });
    expect(badJson.status).toBe(404);
    expect(badJson.body).toEqual({ message: 'This link does not work' });

    // The same form sent from the link page with JavaScript off: the acknowledgement, with the portal's complaint added.
    const posted = await fetch(`${stack.url}${link}/case-review`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({
        'applicant.role': 'victim',
        'victim.name': `Linked ${n}`,
        'victim.email': email,
        'victim.area': 'kingsmead',
        problem: 'Still shouting in the stairwell',
      }),
    });
    expect(posted.status).toBe(200);
    const formReference = /id="reference">(CR-[2-9A-Z]{8})</.exec(await posted.text())![1]!;
    expect((await view(formReference)).body.threshold.complaints.map((c) => c.reference)).toEqual([reference]);
  });
});

describe('the officers’ Case Review queue', () => {
  it('takes each step in order with version checks, and emails the applicant at each', async () => {
    const body = application();
    const { reference } = (await apply(body)).body;
    const to = body.victim.email;

    expect((await act(reference, { action: 'decide', version: 1, met: true, reasons: 'x' })).status).toBe(409);
    const acknowledged = await act(reference, { action: 'acknowledge', version: 1 });
    expect(acknowledged.body).toMatchObject({ version: 2, state: 'acknowledged' });
    const stale = await act(reference, { action: 'acknowledge', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/Reload it/);
    await emailTo(to, 'Your ASB Case Review application is acknowledged');

    await actNow(reference, { action: 'decide', met: true, reasons: 'Three complaints in six months <script>' });
    const decided = await emailTo(to, 'Our decision on your ASB Case Review application');
    expect(decided.body.text).toContain('meets the threshold');
    expect(decided.body.html).toContain('&lt;script>');

    const early = await actNow(reference, { action: 'send-outcome', summary: 'Done', recommendations: [] });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/review meeting/);
    await actNow(reference, { action: 'hold-review', heldOn: clockNow().toISOString().slice(0, 10) });
    const outcome = await actNow(reference, {
      action: 'send-outcome',
      summary: 'The housing association will install a door entry system.',
      recommendations: [{ text: 'Install door entry', owner: 'brookside-homes', dueOn: '2027-03-31' }],
    });
    expect(outcome.body.state).toBe('outcome-sent');
    const outcomeEmail = await emailTo(to, 'The outcome of your ASB Case Review');
    expect(outcomeEmail.body.text).toContain(`Install door entry (${partnerName('brookside-homes')}, by 31 March 2027)`);
    expect(outcomeEmail.body.text).toContain(profile.caseReview.escalation.email);

    // The recommendation's owner sees the application from now on, and says when it is done; a partner that does not own it cannot.
    const owned = await view(reference, 'brookside-homes');
    expect(owned.status).toBe(200);
    const byPolice = await act(reference, { action: 'complete-recommendation', version: owned.body.summary.version, index: 0 }, 'police');
    expect(byPolice.status).toBe(403);
    expect((await act(reference, { action: 'complete-recommendation', version: 1, index: 0 }, 'brookside-homes')).status).toBe(409);
    const done = await act(
      reference,
      { action: 'complete-recommendation', version: owned.body.summary.version, index: 0 },
      'brookside-homes',
    );
    expect(done.status).toBe(200);
    expect((await actNow(reference, { action: 'complete-recommendation', index: 0 })).body.message).toBe(
      'This recommendation is already done.',
    );
    expect((await actNow(reference, { action: 'complete-recommendation', index: 5 })).status).toBe(409);
    await actNow(reference, { action: 'request-escalation', reason: 'Not enough was done' });
    await emailTo(to, 'Your request to look at your ASB Case Review again');
    await actNow(reference, { action: 'decide-escalation', summary: 'The review was sound.' });
    await emailTo(to, 'The outcome of your request to look at your ASB Case Review again');

    const seen = await view(reference);
    expect(seen.body.summary.state).toBe('escalation-decided');
    expect(seen.body.recommendations).toEqual([
      {
        text: 'Install door entry',
        owner: partnerName('brookside-homes'),
        ownerId: 'brookside-homes',
        dueOn: '2027-03-31',
        doneAt: expect.any(String),
        doneBy: 'brookside-homes@fernbrook-csp.example',
        overdue: false,
      },
    ]);
    expect(seen.body.trail.map((t) => t.what)).toEqual(
      expect.arrayContaining([
        'Application acknowledged',
        'Threshold decided: met',
        'Outcome sent with 1 recommendation',
        'Escalation requested',
        'Escalation outcome recorded',
        'Recommendation 1 done',
        'Viewed the application',
      ]),
    );
  });

  it('ends at the decision when the threshold is not met: no review meeting, an escalation may follow', async () => {
    const { reference } = (await apply(application())).body;
    await actNow(reference, { action: 'acknowledge' });
    await actNow(reference, { action: 'decide', met: false, reasons: 'One complaint only' });
    const meeting = await actNow(reference, { action: 'hold-review', heldOn: '2027-01-10' });
    expect(meeting.status).toBe(409);
    expect(meeting.body.message).toMatch(/not met/);
    expect((await actNow(reference, { action: 'request-escalation', reason: 'I disagree' })).body.state).toBe('escalation-requested');
  });

  it('shows partners named the application at their data level, lets them add their record of contact, and nothing to others', async () => {
    const body = application({
      complaints: [
        { incidentOn: '2026-10-02', madeOn: '2026-10-03', to: 'brookside-homes' },
        { incidentOn: '2026-10-05', madeOn: '2026-10-06', to: 'fire-rescue' },
      ],
    });
    const { reference } = (await apply(body)).body;
    const housing = await view(reference, 'brookside-homes');
    expect(housing.status).toBe(200);
    expect(housing.body.dataLevel).toBe('no-contact');
    expect(housing.body.victim).toEqual({ area: 'fernbrook-town' });
    expect(housing.body.problem).toBe(body.problem);
    const fire = await view(reference, 'fire-rescue');
    expect(fire.body.dataLevel).toBe('summary');
    expect(fire.body.problem).toBeUndefined();
    expect(JSON.stringify(fire.body)).not.toContain(body.victim.email);
    // What was decided reaches every level; the words written about the case do not reach summary.
    await actNow(reference, { action: 'acknowledge' });
    await actNow(reference, { action: 'decide', met: false, reasons: 'Pat Victim told us on 2 October' });
    expect((await view(reference, 'fire-rescue')).body.decision).toEqual({ met: false, at: expect.any(String), by: expect.any(String) });
    expect((await view(reference, 'brookside-homes')).body.decision?.reasons).toBe('Pat Victim told us on 2 October');

    expect((await view(reference, 'police')).status).toBe(404);
    const policeList = await callApi<{ reviews: { reference: string }[] }>(stack, as('police'), '/api/officer/case-reviews');
    expect(policeList.body.reviews.map((r) => r.reference)).not.toContain(reference);

    const added = await act(reference, { action: 'record-contact', text: 'Tenancy warning issued 12 October' }, 'brookside-homes');
    expect(added.status).toBe(200);
    expect((await act(reference, { action: 'acknowledge', version: 1 }, 'brookside-homes')).status).toBe(403);
    expect((await act(reference, { action: 'record-contact', text: 'x' }, 'police')).status).toBe(404);
    const officer = await view(reference);
    expect(officer.body.contacts).toEqual([
      {
        at: expect.any(String),
        partner: partnerName('brookside-homes'),
        by: expect.any(String),
        text: 'Tenancy warning issued 12 October',
      },
    ]);
    expect(officer.body.victim.email).toBe(body.victim.email);
    expect((await view(reference, 'fire-rescue')).body.contacts).toEqual([]);
  });
});

describe('the published figures', () => {
  it('counts applications, thresholds met, reviews held and recommendations per April–March year, as a page and as CSV', async () => {
    const csv = async () => {
      const res = await fetch(`${stack.url}/api/case-reviews/statistics?format=csv`);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = (await res.text()).trim().split('\r\n');
      const now = clockNow();
      const start = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
      const year = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
      const row = lines.find((l) => l.startsWith(`"${year}"`));
      return {
        header: lines[0]!,
        figures: row
          ? row
              .split(',')
              .slice(1, 6)
              .map((c) => Number(JSON.parse(c)))
          : [0, 0, 0, 0, 0],
      };
    };
    const before = await csv();
    expect(before.header).toContain('"Reviews with recommendations"');
    const { reference } = (await apply(application())).body;
    await actNow(reference, { action: 'acknowledge' });
    await actNow(reference, { action: 'decide', met: true, reasons: 'Met' });
    await actNow(reference, { action: 'hold-review', heldOn: clockNow().toISOString().slice(0, 10) });
    await actNow(reference, {
      action: 'send-outcome',
      summary: 'Done',
      recommendations: [{ text: 'Patrols', owner: 'police', dueOn: '2027-02-01' }],
    });
    const after = await csv();
    expect(after.figures.map((f, i) => f - before.figures[i]!)).toEqual([1, 1, 1, 1, 0]);
    // Counted from when each step was done: nobody's details, nor anyone's words, are read to count.
    const read = JSON.stringify(await createCaseReviewStore(localDynamoClient(stack.dynamoDbEndpoint), stack.tableName).listings());
    expect(read).toContain('receivedAt');
    for (const word of ['Victim ', 'Parties every weekend', 'Patrols', 'Met"', '@example.com']) expect(read).not.toContain(word);

    const page = await fetch(`${stack.url}/api/case-reviews/statistics`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<table class="govuk-table" id="case-review-figures">');
    expect(html).toContain('role="img"');
    expect(html).not.toContain(reference);
    expect((await fetch(`${stack.url}/api/case-reviews/statistics?format=pdf`)).status).toBe(400);
  });
});

describe('an email outage', () => {
  it('loses no application: it is stored, its emails wait, and the sweeper sends each once when email is back', async () => {
    const reviews = createCaseReviewStore(localDynamoClient(stack.dynamoDbEndpoint), stack.tableName);
    await stack.stopSes();
    const body = application();
    const res = await apply(body);
    expect(res.status).toBe(201);
    await stack.streamIdle();
    const waiting = await reviews.get(res.body.reference);
    expect(Object.values(waiting!.deliveries).map((d) => d.state)).toEqual(['pending', 'pending']);
    expect(waiting!.deliveries['case-review-received']!.lastError).toBe('Email service unavailable');

    await stack.startSes();
    const { sweepOutbox } = await import('../../functions/sweep-outbox/handler');
    const { runtimeDependencies } = await import('../../functions/reports/delivery-dependencies');
    // The sweeper's clock past the back-off, as it would be a few minutes later.
    const later = () => new Date(clockNow().getTime() + 2 * 3_600_000);
    expect(await sweepOutbox({ ...runtimeDependencies(), now: later })).toMatchObject({ failed: 0 });
    await emailTo(body.victim.email, 'We have received your ASB Case Review application');
    expect(await sweepOutbox({ ...runtimeDependencies(), now: later })).toMatchObject({ examined: 0 });
    expect(
      (await capturedEmails(stack)).filter((e) => e.subject.includes(res.body.reference) || e.body.text?.includes(res.body.reference)),
    ).toHaveLength(2);
    const sent = await reviews.get(res.body.reference);
    expect(Object.values(sent!.deliveries).map((d) => d.state)).toEqual(['sent', 'sent']);
  });
});

describe('due times', () => {
  it('count working days on the UK clock, skipping the Christmas bank holidays', async () => {
    // Moves this file's clock to the coming 22 December, 10:00 UK time. The clock only moves
    // forward: the other tests read the functions' clock (clockNow), not the machine's, so
    // they pass before this one or after it.
    const now = clockNow();
    const year = now.getUTCMonth() === 11 && now.getUTCDate() >= 22 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
    stack.advanceClock(Date.parse(`${year}-12-22T10:00:00Z`) - clockNow().getTime());
    const res = await apply(application());
    const acknowledge = res.body.steps.find((s) => s.state === 'acknowledged')!.dueAt!;
    const holidays = profile.workflow.bankHolidays;
    expect(holidays.filter((d) => d.startsWith(`${year}-12-2`)).length).toBeGreaterThanOrEqual(2);
    const expected = addWorkingDays(`${year}-12-22T10:00:00Z`, profile.caseReview.timescales.acknowledgeWorkingDays, holidays);
    // Within the second the request took; and later than weekdays alone would make it.
    expect(Math.abs(Date.parse(acknowledge) - Date.parse(expected))).toBeLessThan(60_000);
    expect(acknowledge > addWorkingDays(`${year}-12-22T10:00:00Z`, profile.caseReview.timescales.acknowledgeWorkingDays, [])).toBe(true);
  });
});
