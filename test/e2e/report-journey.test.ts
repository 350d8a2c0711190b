/**
 * The resident's journey in Chromium, with JavaScript off and on: the form, the error
 * page, checking and changing the answers, the confirmation, the emails, the private link
 * with an officer's update and an added incident, and axe on every page they see.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForEmails } from '../support/local-stack';
import { callApi, signInDemoUsers } from '../support/officer';
import { axeViolations, axeViolationsOfHtml, axeViolationsWithoutJs, useStackAndBrowser } from '../support/browser';

const env = useStackAndBrowser();

async function openPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await env.browser.newContext({ javaScriptEnabled });
  return context.newPage();
}

async function fillHateCrimeReport(page: Page, description: string): Promise<void> {
  await page.getByLabel('A hate crime or hate incident').check();
  await page.getByLabel('Religion or belief').check();
  await page.getByLabel('I saw it happen').check();
  await page.getByLabel('What happened?').fill(description);
  await page.getByLabel('No, it happened on a particular day').check();
  await page.getByLabel('Day', { exact: true }).fill('14');
  await page.getByLabel('Month', { exact: true }).fill('11');
  await page.getByLabel('Year', { exact: true }).fill('2026');
  await page.getByLabel('Time it happened (optional)').fill('7.15pm');
  await page.getByLabel('Oakridge').check();
  await page.getByLabel('Street or road (optional)').fill('Chapel Row');
  await page.getByLabel('Yes, you can contact me').check();
  await page.getByLabel('Your name').fill('Jo Witness');
  await page.getByLabel('Email address').fill('jo@example.com');
}

describe('with JavaScript off', () => {
  it('submits a hate crime report, shows the reference and emails partners and the resident', async () => {
    const page = await openPage(false);
    await page.goto(`${env.stack.url}/report/`);
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);
    await fillHateCrimeReport(page, 'Graffiti insulting the mosque was sprayed on the wall (no JS)');
    // Check your answers, go back to change one (nothing lost), then send.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState();
    expect(await page.title()).toMatch(/^Check your answers before sending your report/);
    expect(await page.locator('#check-answers').textContent()).toContain('Graffiti insulting the mosque');
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);
    await page.getByRole('button', { name: 'Change your answers' }).click();
    await page.waitForLoadState();
    expect(await page.getByLabel('What happened?').inputValue()).toBe('Graffiti insulting the mosque was sprayed on the wall (no JS)');
    expect(await page.getByLabel('Email address').inputValue()).toBe('jo@example.com');
    await page.getByLabel('Street or road (optional)').fill('Chapel Row, by the bus stop');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState();
    expect(await page.locator('#check-answers').textContent()).toContain('Chapel Row, by the bus stop');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(/\/api\/reports\/[A-Z0-9]{8}\/confirmation\?receipt=/);
    const reference = (await page.locator('#reference').textContent())!.trim();
    expect(reference).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    await expect(page.getByRole('heading', { name: 'Report sent' }).isVisible()).resolves.toBe(true);
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);

    const emails = await waitForEmails(env.stack, (all) => all.filter((e) => e.subject.includes(reference)).length === 3);
    const to = emails
      .filter((e) => e.subject.includes(reference))
      .map((e) => e.destination.to[0])
      .sort();
    expect(to).toEqual(['jo@example.com', 'neighbourhood-fernbrook@weald-police.example', 'referrals@weald-hate-crime-support.example']);

    // The private link from the confirmation page: their report, then an officer's update on it.
    await page.getByRole('link', { name: 'Follow your report online' }).click();
    await page.waitForURL(/\/private\//);
    await expect(page.getByRole('heading', { name: `Report ${reference}` }).isVisible()).resolves.toBe(true);
    expect(await page.locator('#report-answers').textContent()).toContain('Graffiti insulting the mosque');
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);
    const { officer } = await signInDemoUsers(env.stack);
    const sent = await callApi(env.stack, officer!.access, `/api/officer/reports/${reference}/actions`, {
      body: { action: 'update-resident', message: 'We have asked the council to remove the graffiti today.' },
    });
    expect(sent.status).toBe(202);
    await page.reload();
    expect(await page.locator('#report-updates').textContent()).toContain('remove the graffiti today');
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);

    // Something else happened: first with a problem (answers kept), then added to the report.
    await page.getByLabel('Who was involved? (optional)').fill('The same two men');
    await page.getByRole('button', { name: 'Add to my report' }).click();
    await page.waitForLoadState();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Describe what happened');
    expect(await page.getByLabel('Who was involved? (optional)').inputValue()).toBe('The same two men');
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);
    await page.getByLabel('What happened?').fill('They sprayed the wall again overnight (no JS)');
    await page.getByLabel('Yes, it is still going on').check();
    await page.getByRole('button', { name: 'Add to my report' }).click();
    await page.waitForURL(/\?added=1/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('We have added it to your report');
    expect(await page.locator('#report-incidents').textContent()).toContain('sprayed the wall again overnight');
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);
  });

  it('shows an accessible error page that keeps the answers, and the corrected form goes through', async () => {
    const page = await openPage(false);
    await page.goto(`${env.stack.url}/report/`);
    await page.getByLabel('Anti-social behaviour', { exact: true }).check();
    await page.getByLabel('What happened?').fill('Youths throwing stones at buses');
    // 31 February with a time written as people write it: only the day is wrong.
    await page.getByLabel('Day', { exact: true }).fill('31');
    await page.getByLabel('Month', { exact: true }).fill('Feb');
    await page.getByLabel('Year', { exact: true }).fill('2026');
    await page.getByLabel('Time it happened (optional)').fill('9pm');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState();
    expect(await page.title()).toMatch(/^Error: /);
    const summary = page.locator('.govuk-error-summary');
    // In the order of the form, so the summary reads top to bottom like the page.
    expect(await summary.locator('li').allTextContents()).toEqual(
      expect.arrayContaining([
        'Select what kind of anti-social behaviour it was',
        'Select who this happened to',
        'Date it happened must be a real date: February 2026 has 28 days',
        'Select the area where it happened',
        'Select whether you want to give your contact details',
      ]),
    );
    expect(await summary.getByRole('link', { name: /February 2026 has 28 days/ }).getAttribute('href')).toBe('#occurredAt-day');
    expect(await page.locator('.govuk-input--error').evaluateAll((inputs) => inputs.map((i) => i.id))).toEqual(['occurredAt-day']);
    expect(await page.getByLabel('Month', { exact: true }).inputValue()).toBe('Feb');
    expect(await page.getByLabel('What happened?').inputValue()).toBe('Youths throwing stones at buses');
    expect(await page.getByLabel('Anti-social behaviour', { exact: true }).isChecked()).toBe(true);
    expect(await axeViolationsWithoutJs(env.browser, page)).toEqual([]);

    await page.getByLabel('A nuisance to the community').check();
    await page.getByLabel('Day', { exact: true }).fill('');
    await page.getByLabel('Month', { exact: true }).fill('');
    await page.getByLabel('Year', { exact: true }).fill('');
    await page.getByLabel('Time it happened (optional)').fill('');
    await page.getByLabel('It happened to me').check();
    await page.getByLabel('Yes, it is still going on or keeps happening').check();
    await page.getByLabel('Kingsmead').check();
    await page.getByLabel('No, I want to stay anonymous').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState();
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(/\/confirmation\?receipt=/);
    expect(await page.locator('#reference').textContent()).toMatch(/^[A-Z0-9]{8}$/);
  });

  it('starts the form with the type chosen on the home page', async () => {
    const page = await openPage(false);
    await page.goto(`${env.stack.url}/`);
    await page.getByRole('button', { name: 'Report anti-social behaviour' }).click();
    await page.waitForURL(/\/report\/asb\/$/);
    expect(await page.getByLabel('Anti-social behaviour', { exact: true }).isChecked()).toBe(true);
    await page.goto(`${env.stack.url}/`);
    await page.getByRole('button', { name: 'Report a hate crime or incident' }).click();
    expect(await page.getByLabel('A hate crime or hate incident').isChecked()).toBe(true);
  });
});

describe('pages the API renders for problems', () => {
  it('are accessible: too large, not a reference', async () => {
    const tooLarge = await fetch(`${env.stack.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `description=${'x'.repeat(40_000)}`,
    });
    expect(tooLarge.status).toBe(413);
    expect(await axeViolationsOfHtml(env.browser, `${env.stack.url}/api/reports`, await tooLarge.text())).toEqual([]);
    const notFound = await fetch(`${env.stack.url}/api/reports/NOPE/confirmation`);
    expect(notFound.status).toBe(404);
    expect(await axeViolationsOfHtml(env.browser, `${env.stack.url}/api/reports/NOPE/confirmation`, await notFound.text())).toEqual([]);
  });
});

describe('with JavaScript on', () => {
  it('checks the form in the page with the same rules before sending anything', async () => {
    const page = await openPage(true);
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
    await page.goto(`${env.stack.url}/report/`);
    // Questions that do not apply are hidden once a type is chosen.
    await page.getByLabel('A hate crime or hate incident').check();
    expect(await page.getByLabel('Damage to public spaces').isVisible()).toBe(false);
    await page.getByLabel('What happened?').fill('Abuse shouted in the street');
    await page.getByRole('button', { name: 'Continue' }).click();

    const summary = page.locator('#error-summary');
    await summary.waitFor();
    expect(posts).toEqual([]);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    expect(await summary.locator('li').allTextContents()).toContain('Select what you think the hostility was about');
    expect(await page.getByLabel('What happened?').inputValue()).toBe('Abuse shouted in the street');
    expect(await axeViolations(page)).toEqual([]);

    // The summary link takes keyboard focus to the field.
    await summary.getByRole('link', { name: 'Select what you think the hostility was about' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('hateMotivations');
  });

  it('sends the form to the server when the page cannot fetch its error renderer, and the server shows the problems', async () => {
    const page = await openPage(true);
    await page.goto(`${env.stack.url}/report/`);
    // The connection drops after the page loaded: the renderer, fetched only on a problem, fails.
    await page.route(/report-form-errors.*\.js/, (route) => route.abort());
    await page.getByLabel('A hate crime or hate incident').check();
    await page.getByLabel('What happened?').fill('Abuse shouted in the street');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/api\/reports$/);
    expect(await page.locator('#error-summary li').allTextContents()).toContain('Select what you think the hostility was about');
    expect(await page.getByLabel('What happened?').inputValue()).toBe('Abuse shouted in the street');
  });

  it('starts with the type chosen on the home page, then sends a valid report', async () => {
    const page = await openPage(true);
    await page.goto(`${env.stack.url}/`);
    await page.getByRole('button', { name: 'Report a hate crime or incident' }).click();
    await page.waitForURL(/\/report\/hate-crime\/$/);
    expect(await page.getByLabel('A hate crime or hate incident').isChecked()).toBe(true);
    await fillHateCrimeReport(page, 'Leaflets with hateful slogans pushed through doors (JS on)');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/api\/reports$/);
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(/\/confirmation\?receipt=/);
    const reference = (await page.locator('#reference').textContent())!.trim();
    await waitForEmails(env.stack, (all) => all.some((e) => e.subject.includes(reference)));
  });
});
