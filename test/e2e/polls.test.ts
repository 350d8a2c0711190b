/**
 * A resident votes in Chromium with JavaScript off (plain form, number boxes) and on
 * (token buttons, live count), an officer records an event tally in the workspace,
 * and both show in the ranked results. axe checks the poll, vote, thank-you, results
 * and event-tally pages. The site is built with polls dated around today.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, axeViolationsWithoutJs, reflowProblems, signInWorkspace, useStackAndBrowser } from '../support/browser';
import { buildSite, copyPackContent } from '../support/site-build';
import { testPolls, writeTestPolls } from '../support/test-polls';
import { takeTimeToVote } from '../support/voting';

const env = useStackAndBrowser(async () => {
  const content = copyPackContent();
  const pollsDir = writeTestPolls(content);
  // An event two hours away, first on the built pages whatever the sample's dates.
  const start = new Date(Date.now() + 2 * 3_600_000).toISOString();
  writeFileSync(
    join(content, 'events', 'test-event.json'),
    JSON.stringify({
      title: 'Test neighbourhood meeting',
      kind: 'meeting',
      start,
      place: 'Test Hall',
      description: 'A meeting for the tests.',
    }),
  );
  const build = await buildSite(content);
  if (build.code !== 0) throw new Error(`The test site did not build:\n${build.output}`);
  return { pollsDir, siteDir: build.outDir };
});
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });
const id = testPolls.open.id;

describe('a poll page', () => {
  it('says how to take part only while the poll is open', async () => {
    const open = await (await fetch(`${env.stack.url}/polls/${testPolls.open.id}/`)).text();
    const closed = await (await fetch(`${env.stack.url}/polls/${testPolls.closed.id}/`)).text();
    expect(open).toContain('You have 5 tokens');
    expect(open).toContain('Start now');
    for (const howTo of ['You have up to', 'Start now', 'It takes about 2 minutes', 'Starting sets a cookie'])
      expect(closed).not.toContain(howTo);
    expect(closed).toContain('This poll has closed');
  });
});

describe('pages built before a poll opened or closed, or an event ended', () => {
  it("list polls and events by their dates, and with JavaScript say what those dates mean by the reader's clock", async () => {
    const withoutJs = await env.browser.newContext({ javaScriptEnabled: false });
    const plain = await withoutJs.newPage();
    await plain.goto(`${env.stack.url}/`);
    const openItem = plain.getByRole('listitem').filter({ hasText: testPolls.open.title });
    await expect(openItem.textContent()).resolves.toMatch(/Taking answers from \d+ \w+ \d{4} until \d+ \w+ \d{4}/);
    expect(await plain.getByText('There are no polls open or planned').isVisible()).toBe(false);
    await expect(plain.getByText('Test neighbourhood meeting').isVisible()).resolves.toBe(true);
    // The closed test poll had closed at build time, so the home page does not list it.
    expect(await plain.getByRole('link', { name: testPolls.closed.title }).count()).toBe(0);
    await withoutJs.close();

    const today = await env.browser.newContext();
    const page = await today.newPage();
    await page.goto(`${env.stack.url}/`);
    await expect(page.getByRole('listitem').filter({ hasText: testPolls.open.title }).locator('.govuk-tag').textContent()).resolves.toBe(
      'Open now',
    );
    await expect(page.getByRole('listitem').filter({ hasText: testPolls.future.title }).locator('.govuk-tag').textContent()).resolves.toBe(
      'Opens soon',
    );
    await today.close();

    // Long after every poll has closed, the same built pages say so.
    const later = await env.browser.newContext();
    await later.clock.install({ time: new Date('2100-01-01T12:00:00Z') });
    const laterPage = await later.newPage();
    await laterPage.goto(`${env.stack.url}/`);
    await expect(laterPage.getByText('There are no polls open or planned').isVisible()).resolves.toBe(true);
    await expect(laterPage.getByRole('link', { name: testPolls.open.title }).isVisible()).resolves.toBe(false);
    await expect(laterPage.getByText('Test neighbourhood meeting').isVisible()).resolves.toBe(false);
    await expect(laterPage.getByText('No events are planned at the moment').isVisible()).resolves.toBe(true);
    await laterPage.goto(`${env.stack.url}/events/`);
    await expect(laterPage.getByText('There are no events planned at the moment').isVisible()).resolves.toBe(true);
    await laterPage.goto(`${env.stack.url}/polls/${testPolls.open.id}/`);
    await expect(laterPage.getByText('This poll has closed').isVisible()).resolves.toBe(true);
    expect(await laterPage.getByRole('button', { name: 'Start now' }).isVisible()).toBe(false);
    await expect(laterPage.getByRole('link', { name: 'See the results', exact: true }).isVisible()).resolves.toBe(true);
    await laterPage.goto(`${env.stack.url}/polls/${testPolls.open.id}/vote/`);
    await expect(laterPage.getByRole('heading', { name: `${testPolls.open.title} has closed` }).isVisible()).resolves.toBe(true);
    expect(await laterPage.getByRole('button', { name: 'Send my answers' }).isVisible()).toBe(false);
    await laterPage.goto(`${env.stack.url}/polls/`);
    await expect(
      laterPage.getByRole('listitem').filter({ hasText: testPolls.open.title }).locator('.govuk-tag').textContent(),
    ).resolves.toBe('Closed');
    await later.close();
  });
});

describe('voting in a charity-pot poll', () => {
  it('works with JavaScript off: start, a mistake kept and explained, then counted, with no axe violations', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const violations: string[] = [];
    const check = async (name: string) => violations.push(...(await axeViolationsWithoutJs(env.browser, page)).map((v) => `${name}: ${v}`));

    await page.goto(`${env.stack.url}/polls/`);
    await page.getByRole('link', { name: testPolls.open.title }).click();
    await check('poll page');
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.waitForURL(`**/polls/${id}/vote/`);
    await check('vote page');
    takeTimeToVote(env.stack);
    await page.getByLabel('Anti-social behaviour').fill('2');
    await page.getByLabel('Drug misuse').fill('2');
    await page.getByLabel('Your postcode').fill('FB1 2AB');
    await page.getByLabel('Oakridge').check();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    // 4 of 5 tokens: the form comes back with the answers kept and the problem named.
    await poll(() => page.locator('.govuk-error-summary').textContent()).toContain('Place all 5 tokens: you have 1 left to place');
    await poll(() => page.getByLabel('Drug misuse').inputValue()).toBe('2');
    await poll(() => page.getByLabel('Your postcode').inputValue()).toBe('FB1 2AB');
    await check('vote page with an error');
    await page.getByLabel('Drug misuse').fill('3');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.waitForURL(`**/api/polls/${id}/thanks`);
    await poll(async () => (await page.getByRole('heading', { level: 1 }).textContent())?.trim()).toBe('Thank you for taking part');
    await poll(() => page.locator('main').textContent()).toContain('Drug misuse: 3 tokens');
    await check('thank-you page');
    await context.close();
    expect(violations).toEqual([]);
  });

  it('works with JavaScript on, by keyboard: buttons place tokens and a status line counts them', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.stack.url}/polls/${id}/`);
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.waitForURL(`**/polls/${id}/vote/`);
    const status = page.getByRole('status');
    await poll(async () => (await status.textContent())?.trim()).toBe('5 of 5 tokens left to place.');
    await page.getByRole('button', { name: 'Add a token to Burglary' }).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    await poll(() => page.getByLabel('Burglary', { exact: true }).inputValue()).toBe('4');
    await poll(async () => (await status.textContent())?.trim()).toBe('1 of 5 token left to place.');
    await page.getByRole('button', { name: 'Add a token to No concern' }).press('Enter');
    await poll(async () => (await status.textContent())?.trim()).toBe('All 5 tokens placed.');
    await page.getByRole('button', { name: 'Add a token to Drug misuse' }).press('Enter');
    await poll(async () => (await status.textContent())?.trim()).toBe('No tokens left. Take one from another concern first.');
    await poll(() => page.getByLabel('Drug misuse', { exact: true }).inputValue()).toBe('');
    const violations = await axeViolations(page);
    takeTimeToVote(env.stack);
    await page.getByLabel('Your postcode').fill('fb3');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.waitForURL(`**/api/polls/${id}/thanks`);
    await poll(() => page.locator('main').textContent()).toContain('Burglary: 4 tokens');
    await context.close();
    expect(violations).toEqual([]);
  });

  it("keeps the count of tokens left in view on a small phone while pressing the top row's buttons", async () => {
    const context = await env.browser.newContext({ viewport: { width: 320, height: 360 } });
    const page = await context.newPage();
    await page.goto(`${env.stack.url}/polls/${id}/`);
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.waitForURL(`**/polls/${id}/vote/`);
    const add = page.getByRole('button', { name: 'Add a token to Anti-social behaviour' });
    await add.evaluate((button) => button.scrollIntoView({ block: 'start' }));
    await add.press('Enter');
    await poll(async () => (await page.getByRole('status').textContent())?.trim()).toBe('4 of 5 tokens left to place.');
    const box = await page.getByRole('status').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(360);
    // The count never hides the button being pressed (WCAG 2.4.11).
    const button = (await add.boundingBox())!;
    expect(button.y + button.height).toBeLessThanOrEqual(box!.y);
    await context.close();
  });
});

describe('event tallies and results', () => {
  it('an officer plans an event, and on a phone records its pots in one tap, saying when they were counted early', async () => {
    const officer = env.stack.cognito.users.find((u) => u.username.startsWith('officer@'))!;
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const future = testPolls.future.id;
    await signInWorkspace(page, env.stack.url, officer.username, officer.password, `/officer/polls/?poll=${future}`);
    await poll(() => page.locator('#events').textContent()).toContain('No events planned for this poll yet.');
    const day = new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Event name').fill('Summer show');
    await page.getByLabel('Event date').fill(day);
    await page.getByLabel('Event place').fill('Kingsmead showground');
    await page.getByRole('button', { name: 'Add event' }).click();
    await page.getByRole('button', { name: 'Record the tally for Summer show' }).click();
    // The event is after today: the form says so and asks before recording.
    expect(await page.locator('#early-group').isVisible()).toBe(true);
    expect(await page.getByLabel('Event', { exact: true }).inputValue()).toBe('Summer show');
    await page.getByLabel('Burglary').fill('7');
    await page.getByRole('button', { name: 'Record tally' }).click();
    await poll(() => page.locator('.govuk-error-summary').textContent()).toContain(
      'Record its pots early only if they have already been counted',
    );
    await page.getByLabel('The pots have already been counted').check();
    await page.getByRole('button', { name: 'Record tally' }).click();
    await poll(() => page.locator('#tally-total').textContent()).toContain('Summer show, Kingsmead showground');
    expect(await axeViolations(page)).toEqual([]);
    expect(await reflowProblems(page)).toEqual([]);
    await context.close();
  });

  it('an officer records a tally and corrects it; the ranked results show it beside the online ballots', async () => {
    const officer = env.stack.cognito.users.find((u) => u.username.startsWith('officer@'))!;
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await signInWorkspace(page, env.stack.url, officer.username, officer.password, `/officer/polls/?poll=${id}`);
    await poll(() => page.locator('#tallies').textContent()).toContain('No tallies recorded for this poll yet.');
    await page.getByLabel('Event', { exact: true }).fill('Oakridge open day');
    await page.getByLabel('Date of the event').fill('2026-11-14');
    await page.getByLabel('Place', { exact: true }).fill('Oakridge fire station');
    await page.getByLabel('Anti-social behaviour').fill('30');
    await page.getByLabel('Burglary').fill('12');
    await page.getByRole('button', { name: 'Record tally' }).click();
    await poll(() => page.locator('#tally-total').textContent()).toContain(
      'Oakridge open day, Oakridge fire station (14 November 2026) 42',
    );
    await page.getByRole('button', { name: /^Correct Oakridge open day/ }).click();
    await page.getByLabel('Burglary').fill('21');
    await page.getByLabel('Why is it being corrected?').fill('Burglary pot was 21');
    await page.getByRole('button', { name: 'Record correction' }).click();
    await poll(() => page.locator('#tally-total').textContent()).toContain('(14 November 2026) 51');
    await poll(async () => (await page.locator('#tallies .govuk-tag--grey').textContent())?.trim()).toBe('Corrected');
    const workspaceViolations = await axeViolations(page);

    await page.goto(`${env.stack.url}/api/polls/${id}/results`);
    const table = page.getByRole('table', { name: testPolls.open.question });
    await poll(() => table.getByRole('row').nth(1).textContent()).toContain('Anti-social behaviour');
    await poll(() => table.getByRole('row').nth(1).textContent()).toContain('32');
    await poll(() => page.getByRole('table', { name: /counted online and at each event/ }).textContent()).toContain('Oakridge open day');
    expect(await page.getByRole('img', { name: /for each concern/ }).isVisible()).toBe(true);
    const resultsViolations = await axeViolations(page);
    await context.close();
    expect([...workspaceViolations, ...resultsViolations]).toEqual([]);
  });
});
