/**
 * The ASB Case Review in Chromium: a resident applies with JavaScript off (a mistake
 * first, answers kept), the published figures, and an officer acknowledging the
 * application in the workspace; axe on every page each of them sees, and the workspace's
 * pages at 320 CSS px.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, axeViolationsWithoutJs, reflowProblems, signInWorkspace, useStackAndBrowser } from '../support/browser';
import { waitForEmails } from '../support/local-stack';
import { callApi } from '../support/officer';
import asbReport from '../fixtures/reports/asb-environmental-anonymous.json' with { type: 'json' };

const env = useStackAndBrowser();

describe('the ASB Case Review', () => {
  it('takes an application with JavaScript off, an officer acknowledges and decides it, a partner adds its record, and the figures count it', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.stack.url}/case-review/`);
    await page.getByRole('link', { name: 'Apply online' }).click();
    await page.waitForURL(/\/case-review\/apply\/$/);
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);

    // Applying for a neighbour without saying they agreed: refused, answers kept.
    const email = `applicant-${Date.now()}@example.com`;
    await page.getByLabel('A relative or friend of the victim').check();
    await page.getByLabel('Your name').fill('Sam Neighbour');
    await page.getByLabel('Your email address').fill(email);
    await page.getByLabel('Full name').fill('Pat Victim');
    await page.getByLabel('Phone number', { exact: true }).fill('01632 960 321');
    await page.getByLabel('Kingsmead').check();
    await page.getByLabel('What is the problem, and what has been done about it?').fill('Youths gather outside the flats every night.');
    // Within the threshold's window whenever the test runs.
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#complaints-0-incidentOn').fill(daysAgo(9));
    await page.locator('#complaints-0-madeOn').fill(daysAgo(8));
    await page.locator('#complaints-0-to').selectOption({ label: 'Another organisation' });
    await page.locator('#complaints-1-incidentOn').fill(daysAgo(5));
    await page.locator('#complaints-1-madeOn').fill(daysAgo(5));
    await page.locator('#complaints-1-to').selectOption({ label: 'Brookside Homes housing association' });
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.waitForLoadState();
    expect(await page.title()).toMatch(/^Error: Apply for an ASB Case Review/);
    const summary = await page.locator('.govuk-error-summary').textContent();
    expect(summary).toContain('needs their consent');
    expect(summary).toContain('Enter the name of the organisation');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Sam Neighbour');
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);

    await page.getByLabel('The victim agrees to me applying for them').check();
    await page.locator('#complaints-0-organisation').fill('Kingsmead Housing Trust');
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('heading', { name: 'Application received' }).isVisible()).resolves.toBe(true);
    const reference = (await page.locator('#reference').textContent())!.trim();
    expect(reference).toMatch(/^CR-/);
    expect(await page.locator('#due-dates').textContent()).toMatch(/acknowledge your application by/);
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);
    await waitForEmails(env.stack, (all) => all.some((e) => e.destination.to.includes(email) && e.body.text?.includes(reference)));

    // From a private report link: the same form, with what the resident told us listed.
    const reported = await callApi<{ reference: string }>(env.stack, undefined, '/api/reports', {
      body: { ...asbReport, anonymous: false, contact: { name: 'Lee Resident', email: `lee-${Date.now()}@example.com` } },
    });
    const confirmation = await waitForEmails(env.stack, (all) =>
      all.some((e) => e.subject === `Your report reference ${reported.body.reference}`),
    );
    const linkEmail = confirmation.find((e) => e.subject === `Your report reference ${reported.body.reference}`)!;
    const link = /(\/api\/reports\/[A-Z0-9]{8}\/private\/[A-Za-z0-9_-]{43})/.exec(linkEmail.body.text ?? '')![1]!;
    await page.goto(`${env.stack.url}${link}/case-review`);
    expect(await page.locator('.govuk-inset-text').textContent()).toContain(`about report ${reported.body.reference}: 1 complaint`);
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);

    await page.goto(`${env.stack.url}/api/case-reviews/statistics`);
    expect(await page.locator('#case-review-figures').textContent()).toContain('Applications');
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);
    await context.close();

    // The officer's queue and the application, at a phone's width.
    const officerContext = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
    const officerPage = await officerContext.newPage();
    const officer = env.stack.cognito.users.find((u) => u.username.startsWith('officer@'))!;
    await signInWorkspace(officerPage, env.stack.url, officer.username, officer.password, '/officer/case-reviews/');
    await officerPage.getByRole('link', { name: reference }).waitFor();
    expect(await axeViolations(officerPage)).toEqual([]);
    expect(await reflowProblems(officerPage)).toEqual([]);
    await officerPage.getByRole('link', { name: reference }).click();
    await officerPage.getByRole('heading', { name: `ASB Case Review ${reference}` }).waitFor();
    expect(await officerPage.locator('#threshold-summary').textContent()).toContain('2 of 3 qualifying complaints');
    expect(await axeViolations(officerPage)).toEqual([]);
    expect(await reflowProblems(officerPage)).toEqual([]);
    await officerPage.getByRole('button', { name: 'Acknowledge and email the applicant' }).click();
    await officerPage.getByRole('heading', { name: 'Decide whether the threshold is met' }).waitFor();
    expect(await officerPage.locator('#review-trail').textContent()).toContain('Application acknowledged');
    await officerPage.getByLabel('Not met').check();
    await officerPage
      .getByLabel('Reasons (the applicant is sent them)')
      .fill('Two complaints in six months, against a threshold of three.');
    await officerPage.getByRole('button', { name: 'Record the decision and email the applicant' }).click();
    await officerPage.getByRole('heading', { name: 'The applicant asks for it to be looked at again' }).waitFor();
    expect(await officerPage.locator('#review-decision').textContent()).toContain('Threshold not met');
    expect(await axeViolations(officerPage)).toEqual([]);
    await officerContext.close();

    // The housing association named in a complaint: its own view, without the victim's details, and its record of contact.
    const partnerContext = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
    const partnerPage = await partnerContext.newPage();
    const housing = env.stack.cognito.users.find((u) => u.username.startsWith('brookside-homes@'))!;
    await signInWorkspace(partnerPage, env.stack.url, housing.username, housing.password, `/officer/case-review/?ref=${reference}`);
    await partnerPage.getByRole('heading', { name: `ASB Case Review ${reference}` }).waitFor();
    expect(await partnerPage.locator('#review').textContent()).not.toContain('Pat Victim');
    await partnerPage.getByLabel('What your records show: dates, what was done').fill('Warning letter sent to the tenant.');
    await partnerPage.getByRole('button', { name: 'Add the record' }).click();
    await partnerPage.locator('#review-contacts').waitFor();
    expect(await partnerPage.locator('#review-contacts').textContent()).toContain('Warning letter sent to the tenant.');
    expect(await axeViolations(partnerPage)).toEqual([]);
    expect(await reflowProblems(partnerPage)).toEqual([]);
    await partnerContext.close();
  });
});
