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
import { londonParts } from '../../shared/contracts/london-time';
import { CATALOGUE_TTL_MS } from '../../functions/polls/catalogue';

const DAY = 86_400_000;
const LATER = {
  ...testPolls.future,
  id: 'test-later',
  title: 'Later test poll',
  opensAt: new Date(Date.now() + 60 * DAY).toISOString(),
  closesAt: new Date(Date.now() + 90 * DAY).toISOString(),
};

const env = useStackAndBrowser(async () => {
  const content = copyPackContent();
  const pollsDir = writeTestPolls(content);
  // A poll that opens after every step this file moves the clock (ten days and a little):
  // the "Opens soon" a list shows holds whichever test runs first.
  writeFileSync(join(pollsDir, `${LATER.id}.json`), JSON.stringify(LATER));
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

describe('poll lists, from the polls table as they are now', () => {
  it('list open and coming polls on the home page and the polls page with what they are now, with JavaScript off', async () => {
    const withoutJs = await env.browser.newContext({ javaScriptEnabled: false });
    const plain = await withoutJs.newPage();
    await plain.goto(`${env.stack.url}/`);
    const openItem = plain.getByRole('listitem').filter({ hasText: testPolls.open.title });
    await expect(openItem.textContent()).resolves.toMatch(/Taking answers from \d+ \w+ \d{4} until \d+ \w+ \d{4}/);
    await expect(openItem.locator('.govuk-tag').textContent()).resolves.toBe('Open now');
    await expect(plain.getByRole('listitem').filter({ hasText: LATER.title }).locator('.govuk-tag').textContent()).resolves.toBe(
      'Opens soon',
    );
    expect(await plain.getByText('There are no polls open or planned').count()).toBe(0);
    // A closed poll is not on the home page; the polls page lists it with its results.
    expect(await plain.getByRole('link', { name: testPolls.closed.title }).count()).toBe(0);
    await plain.goto(`${env.stack.url}/polls/`);
    await expect(plain.getByRole('link', { name: `${testPolls.closed.title}: results` }).isVisible()).resolves.toBe(true);
    await plain.goto(`${env.stack.url}/polls/${testPolls.closed.id}/vote/`);
    await expect(plain.getByRole('heading', { name: `${testPolls.closed.title} has closed` }).isVisible()).resolves.toBe(true);
    expect(await plain.getByRole('button', { name: 'Send my answers' }).count()).toBe(0);
    await withoutJs.close();
  });

  it('hide events that have ended since the site was built, by the reader’s clock', async () => {
    const withoutJs = await env.browser.newContext({ javaScriptEnabled: false });
    const plain = await withoutJs.newPage();
    await plain.goto(`${env.stack.url}/`);
    await expect(plain.getByText('Test neighbourhood meeting').isVisible()).resolves.toBe(true);
    await withoutJs.close();
    const later = await env.browser.newContext();
    await later.clock.install({ time: new Date('2100-01-01T12:00:00Z') });
    const laterPage = await later.newPage();
    await laterPage.goto(`${env.stack.url}/`);
    await expect(laterPage.getByText('Test neighbourhood meeting').isVisible()).resolves.toBe(false);
    await expect(laterPage.getByText('No events are planned at the moment').isVisible()).resolves.toBe(true);
    await laterPage.goto(`${env.stack.url}/events/`);
    await expect(laterPage.getByText('There are no events planned at the moment').isVisible()).resolves.toBe(true);
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
    // The online count before the tally: the other tests here vote too, before or after this one.
    const results = (await (await fetch(`${env.stack.url}/api/polls/${id}/results?format=json`)).json()) as {
      rows: { optionId: string; count: number }[];
    };
    const online = results.rows.find((r) => r.optionId === 'anti-social-behaviour')?.count ?? 0;
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
    await poll(() => table.getByRole('row').nth(1).textContent()).toContain(String(online + 30));
    await poll(() => page.getByRole('table', { name: /counted online and at each event/ }).textContent()).toContain('Oakridge open day');
    expect(await page.getByRole('img', { name: /for each concern/ }).isVisible()).toBe(true);
    const resultsViolations = await axeViolations(page);
    await context.close();
    expect([...workspaceViolations, ...resultsViolations]).toEqual([]);
  });
});

describe('a poll an officer runs', () => {
  // It moves the functions' clock forward ten days and more: the other tests here hold before
  // or after it (each poll they read is open, closed or coming on either side of that step).
  it('is made, checked and published in the workspace, voted in with JavaScript off once it opens, and tallied on a phone', async () => {
    const officer = env.stack.cognito.users.find((u) => u.username.startsWith('officer@'))!;
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    const check = async (name: string) => violations.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
    await signInWorkspace(page, env.stack.url, officer.username, officer.password, '/officer/poll-setup/');
    await poll(() => page.locator('#poll-list').textContent()).toContain(testPolls.open.title);
    await check('poll list');
    await page.getByRole('button', { name: 'Make a poll' }).click();
    await page.waitForURL('**/officer/poll-setup/edit/');

    const two = (n: number) => String(n).padStart(2, '0');
    const uk = (at: Date) => {
      const p = londonParts(at);
      return { date: `${p.year}-${two(p.month)}-${two(p.day)}`, time: `${two(p.hour)}:${two(p.minute)}` };
    };
    const opens = uk(new Date(Date.now() + 3_600_000));
    const closes = uk(new Date(Date.now() + 10 * 86_400_000));
    await page.getByLabel('Title', { exact: true }).fill('Country show concerns');
    await page.getByLabel('Question', { exact: true }).fill('What worries you most in your village?');
    await page.getByLabel('Description', { exact: true }).fill('Pots at the country show, and online.');
    await page.getByLabel('Tokens each resident places').fill('3');
    await page.getByLabel('No, up to that many').check();
    await page.locator('#opens-date').fill(opens.date);
    await page.locator('#opens-time').fill(opens.time);
    await page.getByLabel('FB1 (Fernbrook town centre)').check();
    // Mistakes: no closing date (found before sending), then one option only (found by the API's
    // schema). Each is said beside its box and in the summary by its name; nothing typed is lost.
    await page.getByLabel('Options', { exact: true }).fill('Speeding');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await poll(() => page.locator('.govuk-error-summary').textContent()).toContain('Closes: Enter the date and time the poll closes');
    await page.locator('#closes-date').fill(closes.date);
    await page.locator('#closes-time').fill(closes.time);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await poll(() => page.locator('#options').locator('xpath=..').locator('.govuk-error-message').textContent()).toContain(
      'at least 2 options',
    );
    await poll(() => page.locator('.govuk-error-summary').textContent()).toContain('Options: must have at least 2 options');
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Country show concerns');
    await check('poll form with an error');
    await page.getByLabel('Options', { exact: true }).fill('Speeding\nLitter\nNo concern');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await poll(() => page.locator('#workspace-message').textContent()).toContain('Draft saved');
    await page.getByRole('button', { name: 'Vote page' }).click();
    await poll(() => page.frameLocator('iframe.workspace-preview').locator('body').textContent()).toContain(
      'What worries you most in your village?',
    );
    await check('poll form, saved, with a preview');
    await page.getByRole('button', { name: 'Publish poll' }).click();
    await poll(() => page.locator('#workspace-message').textContent()).toContain('Scheduled. The poll opens on');
    expect(violations).toEqual([]);
    await context.close();

    // The opening time passes with no one present; a resident finds the poll and votes with JavaScript off.
    env.stack.advanceClock(3_600_000 + CATALOGUE_TTL_MS);
    await env.stack.refreshSiteNow();
    const resident = await env.browser.newContext({ javaScriptEnabled: false });
    const plain = await resident.newPage();
    await plain.goto(`${env.stack.url}/`);
    await plain.getByRole('link', { name: 'Country show concerns' }).click();
    expect((await axeViolationsWithoutJs(env.browser, plain)).map((v) => `start page: ${v}`)).toEqual([]);
    await plain.getByRole('button', { name: 'Start now' }).click();
    await plain.waitForURL('**/polls/country-show-concerns/vote/');
    expect((await axeViolationsWithoutJs(env.browser, plain)).map((v) => `vote page: ${v}`)).toEqual([]);
    await plain.getByLabel('Speeding').fill('2');
    await plain.getByLabel('Litter').fill('1');
    await plain.getByLabel(/postcode/i).fill('FB1 2AB');
    takeTimeToVote(env.stack);
    await plain.getByRole('button', { name: 'Send my answers' }).click();
    await plain.waitForURL('**/api/polls/country-show-concerns/thanks');
    expect(await plain.getByRole('heading', { name: 'Thank you for taking part' }).isVisible()).toBe(true);
    await resident.close();

    // On the day, on a phone: the tally is one tap from the planned event.
    const phone = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
    const tally = await phone.newPage();
    await signInWorkspace(tally, env.stack.url, officer.username, officer.password, '/officer/polls/?poll=country-show-concerns');
    await poll(() => tally.locator('#events').textContent()).toContain('No events planned for this poll yet.');
    await tally.getByLabel('Event name').fill('Fernbrook country show');
    await tally.getByLabel('Event date').fill(uk(new Date(Date.now() + 3_600_000)).date);
    await tally.getByLabel('Event place').fill('Showground');
    await tally.getByRole('button', { name: 'Add event' }).click();
    await tally.getByRole('button', { name: 'Record the tally for Fernbrook country show' }).click();
    await tally.getByLabel('Speeding').fill('40');
    await tally.getByRole('button', { name: 'Record tally' }).click();
    await poll(() => tally.locator('#tally-total').textContent()).toContain('43 tokens in all');
    expect(await axeViolations(tally)).toEqual([]);
    expect(await reflowProblems(tally)).toEqual([]);

    // The poll closes; the officer says what the partnership will do, and residents read it
    // beside the results and on "You said, we did".
    env.stack.advanceClock(10 * 86_400_000);
    await tally.goto(`${env.stack.url}/officer/poll-setup/edit/?id=country-show-concerns`);
    await tally.getByLabel('What the partnership will do').fill('Speed checks on the show road\nMore litter bins by the green');
    await tally.getByRole('button', { name: 'Publish what we will do' }).click();
    await poll(() => tally.locator('#workspace-message').textContent()).toContain('Published with the results');
    expect(await axeViolations(tally)).toEqual([]);
    expect(await reflowProblems(tally)).toEqual([]);
    await phone.close();
    await env.stack.refreshSiteNow();
    const reader = await env.browser.newContext({ javaScriptEnabled: false });
    const read = await reader.newPage();
    for (const path of ['/api/polls/country-show-concerns/results', '/you-said-we-did/']) {
      await read.goto(`${env.stack.url}${path}`);
      await expect(read.getByRole('heading', { name: 'What we will do' }).isVisible(), path).resolves.toBe(true);
      await expect(read.getByText('Speed checks on the show road').isVisible(), path).resolves.toBe(true);
      expect((await axeViolationsWithoutJs(env.browser, read)).map((v) => `${path}: ${v}`)).toEqual([]);
    }
    await reader.close();
  });
});
