/** Debian's Chromium driven by playwright-core (no browser download), and axe for WCAG 2.2 AA. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll } from 'vitest';
import type { LocalStack } from '../../infra/local/local-stack';
import { startTestStack } from './local-stack';
import { CHROMIUM_FLAGS, testChromiumPath } from './chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: testChromiumPath(), args: CHROMIUM_FLAGS });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const withAxe = new WeakSet<Page>();

/**
 * axe violations at WCAG 2.0/2.1/2.2 A and AA, as readable lines (empty when clean).
 * axe-core runs in the page itself, loaded once per tab as an init script, asked for
 * violations only. @axe-core/playwright's AxeBuilder gives the same answers but injects
 * axe into the page on every call and finishes each run in a new blank page: measured
 * here at about 1,050 ms a page against 350 ms this way, which is most of the browser
 * tests' time. The portal's pages have no frames, the one thing AxeBuilder adds.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!withAxe.has(page)) {
    withAxe.add(page);
    await page.addInitScript(AXE_SOURCE);
  }
  // The document already open when the tab was first checked has not run the init script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, WCAG_AA);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`);
}

/**
 * axe needs JavaScript; a page seen with JavaScript off is checked by serving its exact
 * HTML, at its own URL, to a JavaScript-enabled page (stylesheets load from the server).
 */
export async function axeViolationsWithoutJs(browser: Browser, page: Page): Promise<string[]> {
  return axeViolationsOfHtml(browser, page.url(), await page.content());
}

interface Checker {
  page: Page;
  serve: { url: string; html: string };
}

/** A page that checks pages: reused page after page (a new context for each costs seconds). */
async function newChecker(browser: Browser): Promise<Checker> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  const serve = { url: '', html: '' };
  // The page's own scripts stay off (axe is injected by Playwright, not by a script file),
  // so what is checked is the page as served, and no script can navigate away mid-check.
  await page.route(/\.m?js(\?|$)/, (route) => route.abort());
  await page.route(
    (url) => url.href === serve.url,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: serve.html }),
  );
  return { page, serve };
}

/** One checker per browser for the checks one at a time. */
const checkers = new WeakMap<Browser, Promise<Checker>>();

function checkerFor(browser: Browser): Promise<Checker> {
  let checker = checkers.get(browser);
  if (!checker) {
    checker = newChecker(browser);
    checkers.set(browser, checker);
  }
  return checker;
}

type ServedPageCheck = { status: number | undefined; heading: string; violations: string[] };

/**
 * A page as served, with its scripts kept from running (as with JavaScript off), in the
 * reused checker page: its status, its main heading and its axe violations. One
 * navigation per page, where loading it JavaScript-off and then re-serving it takes two.
 */
async function checkServedPage(browser: Browser, url: string, checker?: Checker): Promise<ServedPageCheck> {
  const { page, serve } = checker ?? (await checkerFor(browser));
  serve.url = '';
  const response = await page.goto(url);
  const heading = (
    (await page
      .locator('main h1')
      .first()
      .textContent({ timeout: 5_000 })
      .catch(() => '')) ?? ''
  ).trim();
  return { status: response?.status(), heading, violations: await axeViolations(page) };
}

/**
 * checkServedPage for many pages, two at a time in tabs of their own: a page's checks
 * wait on the server and on Chromium's renderer as much as on the test's own core.
 * Answers in the order of `urls`.
 */
export async function checkServedPages(browser: Browser, urls: readonly string[], lanes = 2): Promise<ServedPageCheck[]> {
  const results: ServedPageCheck[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      const checker = await newChecker(browser);
      for (let i = next++; i < urls.length; i = next++) results[i] = await checkServedPage(browser, urls[i]!, checker);
      await checker.page.context().close();
    }),
  );
  return results;
}

/** axe on a given HTML document served at `url` (for pages that answer a POST). */
export async function axeViolationsOfHtml(browser: Browser, url: string, html: string): Promise<string[]> {
  const { page, serve } = await checkerFor(browser);
  serve.url = new URL(url).href;
  serve.html = html;
  await page.goto(serve.url);
  return axeViolations(page);
}

/**
 * For a browser test file: starts the local stack and Chromium before its tests and
 * stops both after. Read `.stack` and `.browser` inside tests.
 */
export function useStackAndBrowser(options: () => Promise<Parameters<typeof startTestStack>[0]> = async () => ({})): {
  readonly stack: LocalStack;
  readonly browser: Browser;
} {
  const state = {} as { stack: LocalStack; browser: Browser };
  beforeAll(async () => {
    [state.stack, state.browser] = await Promise.all([options().then(startTestStack), launchChromium()]);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.stack?.stop();
  });
  return state;
}

/** Signs in on the workspace's sign-in page and waits to arrive at `next`. */
export async function signInWorkspace(page: Page, baseUrl: string, username: string, password: string, next = '/officer/'): Promise<void> {
  await page.goto(`${baseUrl}/officer/sign-in/?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Work email address').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/**
 * What breaks WCAG 1.4.10 (Reflow) on the page as shown: the page scrolling sideways,
 * an element running past the right edge (outside a region that scrolls on its own),
 * or text cut off by its box; and chart text smaller than the body text.
 */
export async function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    if (root.scrollWidth > root.clientWidth)
      problems.push(`the page scrolls sideways (${root.scrollWidth}px wide in ${root.clientWidth}px)`);
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== root; e = e.parentElement) if (/(auto|scroll)/.test(getComputedStyle(e).overflowX)) return true;
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      // Visually hidden text is 1px wide on purpose; hidden elements have no box.
      if (box.width <= 1 || box.height <= 1) continue;
      // Only the outermost element past the edge: its contents go with it.
      const past = (e: Element | null) => !!e && e.getBoundingClientRect().right > root.clientWidth + 1;
      if (past(el) && !past(el.parentElement) && !scrolls(el.parentElement))
        problems.push(`${name(el)} runs ${Math.round(box.right - root.clientWidth)}px past the right edge`);
      const style = getComputedStyle(el);
      if (/(hidden|clip)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? '').trim())
        problems.push(`${name(el)} cuts off its text`);
    }
    const bodySize = parseFloat(getComputedStyle(document.querySelector('.govuk-body') ?? document.body).fontSize);
    for (const label of document.querySelectorAll('.portal-chart__label, .portal-chart__value')) {
      if (parseFloat(getComputedStyle(label).fontSize) < bodySize) problems.push(`${name(label)} is smaller than the body text`);
    }
    // Text drawn in an SVG shrinks with it: its size on screen is its font size times the scale.
    for (const text of document.querySelectorAll<SVGTextElement>('svg text')) {
      const scale = text.getScreenCTM()?.a ?? 1;
      if (parseFloat(getComputedStyle(text).fontSize) * scale < bodySize)
        problems.push(`${name(text)} is drawn smaller than the body text`);
      const svg = text.ownerSVGElement!.getBoundingClientRect();
      const box = text.getBoundingClientRect();
      if (box.left < svg.left - 1 || box.right > svg.right + 1) problems.push(`${name(text)} is cut off by its chart`);
    }
    return [...new Set(problems)];
  });
}

/** `reflowProblems` at 320 CSS px for a given HTML document served at `url` (pages that answer a POST). */
export async function reflowProblemsOfHtml(browser: Browser, url: string, html: string): Promise<string[]> {
  const { page, serve } = await checkerFor(browser);
  serve.url = new URL(url).href;
  serve.html = html;
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    await page.goto(serve.url);
    return await reflowProblems(page);
  } finally {
    await page.setViewportSize({ width: 1280, height: 720 });
  }
}
