/**
 * An officer's working session in Chromium against the real local stack: a resident
 * reports, the officer signs in with the demo account, filters the inbox, grades,
 * assigns (the partner email arrives), notes and closes the report; links reports into
 * one case and reads it. axe checks every workspace page with its data loaded.
 */
import { describe, expect, it } from 'vitest';
import { waitForEmails } from '../support/local-stack';
import { callApi } from '../support/officer';
import { axeViolations, reflowProblems, signInWorkspace, useStackAndBrowser } from '../support/browser';
import asb from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };
import hateCrime from '../fixtures/reports/hate-crime-victim.json' with { type: 'json' };

const env = useStackAndBrowser();
/** Each action waits on the API and a reload: allow for a busy CI machine. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe('the officer workspace', () => {
  it('signs in, filters, grades, assigns, notes and closes a report, with no axe violations', async () => {
    const report = await callApi<{ reference: string }>(env.stack, undefined, '/api/reports', {
      body: { ...asb, description: 'Bins set alight behind the shops', location: { ...asb.location, area: 'east-weald' } },
    });
    const reference = report.body.reference;
    const officer = env.stack.cognito.users.find((u) => u.username.startsWith('officer@'))!;
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    const check = async (name: string) => violations.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));

    await page.goto(`${env.stack.url}/officer/`);
    await page.waitForURL(/\/officer\/sign-in\//);
    await check('sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => page.locator('.govuk-error-summary').textContent()).toContain('Enter your work email address and password');
    await page.getByLabel('Work email address').fill(officer.username);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => page.locator('.govuk-error-summary').textContent()).toContain('not right');
    await signInWorkspace(page, env.stack.url, officer.username, officer.password);

    // Filter: new ASB reports in East Weald.
    await page.getByLabel('Status', { exact: true }).selectOption('new');
    await page.getByLabel('Area', { exact: true }).selectOption('east-weald');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=new/);
    await page.getByRole('link', { name: reference }).waitFor();
    await check('inbox');
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: `Report ${reference}` }).waitFor();
    // An ASB report shows the Case Review threshold checked against the portal's complaints.
    await poll(() => page.locator('#case-review-summary').textContent()).toContain('This is a check, not a decision.');
    await check('report');

    await page.getByLabel('High').check();
    await page.getByRole('button', { name: 'Save grade' }).click();
    await poll(() => page.locator('#case-status').textContent()).toBe('Triaged');
    await poll(() => page.locator('#workspace-message').textContent()).toContain('Risk graded high');

    await page.getByLabel('Assign to a partner').selectOption('brookside-homes');
    await page.getByRole('button', { name: 'Assign and email them' }).click();
    await poll(() => page.locator('#case-status').textContent()).toBe('Assigned');
    await waitForEmails(env.stack, (emails) =>
      emails.some(
        (e) =>
          e.subject.startsWith('Assigned') &&
          e.subject.includes(reference) &&
          e.destination.to.includes('tenancy-team@brookside-homes.example'),
      ),
    );

    await page.getByLabel('Add a note').fill('Spoke to the caretaker; CCTV requested.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await poll(() => page.locator('#timeline').textContent()).toContain('CCTV requested');

    await page.getByLabel('Close with outcome').selectOption('resolved');
    await page.getByRole('button', { name: 'Close the report' }).click();
    await poll(() => page.locator('#case-status').textContent()).toBe('Closed');
    await poll(() => page.locator('#case-actions').isHidden()).toBe(true);
    await check('closed report');

    await page.goto(`${env.stack.url}/officer/tasking/`);
    await page.locator('#tasking-total').waitFor();
    // Periods are written as people write dates, not as 2026-11-28.
    expect(await page.locator('#tasking-total').textContent()).toMatch(
      /reports from \d{1,2} [A-Z][a-z]+ \d{4} to \d{1,2} [A-Z][a-z]+ \d{4}, against/,
    );
    await check('tasking');
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows admins the partners and audit pages without axe violations, and tells a stale editor to reload', async () => {
    const admin = env.stack.cognito.users.find((u) => u.username.startsWith('admin@'))!;
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await signInWorkspace(page, env.stack.url, admin.username, admin.password);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Partners' }).click();
    await page.getByRole('button', { name: /Save Weald Fire and Rescue Service/ }).waitFor();
    const violations = (await axeViolations(page)).map((v) => `partners: ${v}`);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Audit' }).click();
    await page.locator('#audit table, #audit p').first().waitFor();
    violations.push(...(await axeViolations(page)).map((v) => `audit: ${v}`));
    expect(violations).toEqual([]);

    // Two tabs open the same report; the second's change is refused with a way forward.
    const reference = (
      await callApi<{ reference: string }>(env.stack, undefined, '/api/reports', {
        body: { ...asb, description: 'Graffiti on the bus shelter' },
      })
    ).body.reference;
    const other = await context.newPage();
    await page.goto(`${env.stack.url}/officer/report/?ref=${reference}`);
    // Each tab keeps its own session (sessionStorage), so the second tab signs in too.
    await signInWorkspace(other, env.stack.url, admin.username, admin.password, `/officer/report/?ref=${reference}`);
    await other.getByRole('heading', { name: `Report ${reference}` }).waitFor();
    await page.getByLabel('Medium').check();
    await page.getByRole('button', { name: 'Save grade' }).click();
    await poll(() => page.locator('#case-status').textContent()).toBe('Triaged');
    await other.getByLabel('Standard').check();
    await other.getByRole('button', { name: 'Save grade' }).click();
    await poll(() => other.locator('#workspace-message').textContent()).toContain('Someone else changed this report');
    await context.close();
  }, 120_000);
});

describe('one case per problem', () => {
  it('links a suggested report in one click, links another by reference, reads the case and unlinks, with no axe violations', async () => {
    const email = `link-${Date.now()}@example.com`;
    const submit = async (description: string, occurredAt: string, contactEmail = email) =>
      (
        await callApi<{ reference: string }>(env.stack, undefined, '/api/reports', {
          body: { ...hateCrime, description, occurredAt, contact: { ...hateCrime.contact, email: contactEmail } },
        })
      ).body.reference;
    const first = await submit('Abuse shouted at my door', '2026-11-02T19:00:00Z');
    const second = await submit('The same men shouted again and kicked the door', '2026-11-09T19:00:00Z');
    const third = await submit('A neighbour saw the men at the door too', '2026-11-16T19:00:00Z', `witness-${Date.now()}@example.com`);
    const officer = env.stack.cognito.users.find((u) => u.username.startsWith('officer@'))!;
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    const check = async (name: string) => violations.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
    await signInWorkspace(page, env.stack.url, officer.username, officer.password, `/officer/report/?ref=${second}`);

    // The router's suggestion, linked with one action.
    await page.getByRole('button', { name: `Link ${first} as the same problem` }).click();
    await poll(() => page.locator('#workspace-message').textContent()).toContain('the case now has 2 reports');
    await poll(() => page.locator('#case-heading').textContent()).toBe('Case of 2 reports');
    expect(await page.locator('#case-members').textContent()).toContain(`${first}`);
    await check('case of two');

    // Another report, by its reference, as seen by the same victim.
    await page.getByLabel('Link this report to another report').fill(third.toLowerCase());
    await page.getByLabel('The same victim').check();
    await page.getByRole('button', { name: 'Link the reports' }).click();
    await poll(() => page.locator('#case-heading').textContent()).toBe('Case of 3 reports');
    // Every incident, in the order it happened, with who reported it.
    await poll(() => page.locator('#case-incidents > li').count()).toBe(3);
    const told = await page.locator('#case-incidents h4').allTextContents();
    expect(told.map((t) => t.split(' ')[2])).toEqual([first, second, third]);
    expect(told[0]).toContain(`by ${hateCrime.contact.name}`);
    await check('case of three');

    // The inbox lists the case once, with its figures.
    await page.goto(`${env.stack.url}/officer/`);
    await page.locator('#inbox-results table').waitFor();
    const rows = page.locator('#inbox-results tbody tr').filter({ hasText: /Case of 3 reports/ });
    expect(await rows.count()).toBe(1);
    expect(await rows.textContent()).toContain('3 incidents');
    await check('inbox with a case');

    // The report that joined first leaves; the case carries on.
    await page.goto(`${env.stack.url}/officer/report/?ref=${first}`);
    await page.getByRole('button', { name: 'Unlink this report from the case' }).click();
    await poll(() => page.locator('#workspace-message').textContent()).toContain('the case carries on with 2 reports');
    await poll(() => page.locator('#case').count()).toBe(0);

    // The case page reflows on a phone.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${env.stack.url}/officer/report/?ref=${second}`);
    await page.locator('#case-heading').waitFor();
    expect(await reflowProblems(page)).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('the workspace on a phone', () => {
  it('reflows at 320 CSS px on every page, with its data loaded (WCAG 1.4.10)', async () => {
    const reference = (
      await callApi<{ reference: string }>(env.stack, undefined, '/api/reports', {
        body: { ...asb, description: 'Shopping trolleys dumped in the brook' },
      })
    ).body.reference;
    const admin = env.stack.cognito.users.find((u) => u.username.startsWith('admin@'))!;
    const context = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await signInWorkspace(page, env.stack.url, admin.username, admin.password);
    const failures: string[] = [];
    for (const path of [
      '/officer/',
      `/officer/report/?ref=${reference}`,
      '/officer/tasking/',
      '/officer/partners/',
      '/officer/audit/',
      '/officer/polls/',
      '/officer/poll-setup/',
      '/officer/poll-setup/edit/?id=2027-28-priorities',
    ]) {
      await page.goto(`${env.stack.url}${path}`);
      await page.waitForFunction(() => !/Loading/.test(document.querySelector('main')?.textContent ?? ''), undefined, { timeout: 15_000 });
      for (const problem of await reflowProblems(page)) failures.push(`${path}: ${problem}`);
    }
    await context.close();
    expect(failures).toEqual([]);
  });
});

describe('an officer who is not an administrator', () => {
  it('reads the partner list without being told it failed to load', async () => {
    const officer = env.stack.cognito.users.find((u) => u.username.startsWith('officer@'))!;
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await signInWorkspace(page, env.stack.url, officer.username, officer.password, '/officer/partners/');
    await page.locator('#partner-list').waitFor();
    expect(await page.locator('#partner-list tbody tr').count()).toBeGreaterThan(1);
    expect(await page.locator('.govuk-error-summary').count()).toBe(0);
    expect(await page.locator('#history-section').isHidden()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('a partner user in the workspace', () => {
  it('is offered only what their role allows, and told plainly about a page they cannot use', async () => {
    const hate = await callApi<{ reference: string }>(env.stack, undefined, '/api/reports', {
      body: {
        type: 'hate-crime',
        hateMotivations: ['race'],
        reporterRole: 'witness',
        description: 'Shouting at the bus stop',
        ongoing: true,
        location: { area: 'oakridge' },
        anonymous: true,
      },
    });
    const police = env.stack.cognito.users.find((u) => u.username.startsWith('police@'))!;
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await signInWorkspace(page, env.stack.url, police.username, police.password, `/officer/report/?ref=${hate.body.reference}`);
    await page.locator('#case-status').waitFor();
    // Routed to the police, not assigned to them: notes only.
    for (const id of ['grade-form', 'assign-form', 'start-form', 'close-form', 'note-share-group', 'update-form'])
      expect(await page.locator(`#${id}`).isHidden(), id).toBe(true);
    expect(await page.locator('#note-form').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Tasking' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Event tallies' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Polls', exact: true }).count()).toBe(0);
    for (const [path, text] of [
      ['/officer/polls/', 'cannot record event tallies'],
      ['/officer/poll-setup/', 'cannot make or change polls'],
      ['/officer/poll-setup/edit/', 'cannot make or change polls'],
      ['/officer/tasking/', 'cannot see the tasking figures'],
    ] as const) {
      await page.goto(`${env.stack.url}${path}`);
      await poll(() => page.locator('#not-for-role').textContent()).toContain(text);
      expect(await page.getByText('Loading…').count()).toBe(0);
    }
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('the workspace across tabs', () => {
  it('keeps an officer signed in in a new tab of the workspace, and raises no error while sending a stranger to sign in', async () => {
    const report = await callApi<{ reference: string }>(env.stack, undefined, '/api/reports', {
      body: { ...asb, description: 'Opened in a new tab' },
    });
    const officer = env.stack.cognito.users.find((u) => u.username.startsWith('officer@'))!;
    const context = await env.browser.newContext();
    const first = await context.newPage();
    await signInWorkspace(first, env.stack.url, officer.username, officer.password);
    const second = await context.newPage();
    await second.goto(`${env.stack.url}/officer/report/?ref=${report.body.reference}`);
    await poll(() => second.locator('#report-heading').textContent()).toBe(`Report ${report.body.reference}`);
    expect(new URL(second.url()).pathname).toBe('/officer/report/');
    await context.close();

    // A browser with no workspace tab open is sent to sign in, with nothing thrown on the way.
    const fresh = await env.browser.newContext();
    const page = await fresh.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${env.stack.url}/officer/`);
    await page.waitForURL(/\/officer\/sign-in\//);
    expect(errors).toEqual([]);
    await fresh.close();
  });
});
