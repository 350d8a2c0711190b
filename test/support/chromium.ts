/**
 * Debian's Chromium (nothing is downloaded at run time) and the flags every headless run
 * uses: the browser tests through playwright-core, Lighthouse through chrome-launcher.
 */
import { existsSync } from 'node:fs';

/** Debian's `/usr/bin` entries are shell wrappers; the binaries themselves sit under /usr/lib. */
const FULL = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
/**
 * Debian's `chromium-headless-shell`: the same Blink and V8 without the full browser's
 * shell (no GPU compositor, no zygote, no browser UI). Measured on the browser tests: 101
 * CPU-seconds of Chromium against 182 with the full browser, the project 121 s against
 * 159 s, with the same axe and reflow findings.
 */
const HEADLESS_SHELL = ['/usr/lib/chromium/chromium-headless-shell'];

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function first(candidates: readonly string[], debianPackage: string): string {
  const found = [process.env.CHROMIUM_PATH, ...candidates].find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error(
      `Chromium not found: install Debian's ${debianPackage} package (apt-get install ${debianPackage}) or set CHROMIUM_PATH`,
    );
  return found;
}

/** The full browser, as residents run it: Lighthouse's scores. */
export function chromiumPath(): string {
  return first(FULL, 'chromium');
}

/** The browser tests' Chromium: the headless shell if installed, else the full browser. */
export function testChromiumPath(): string {
  return first([...HEADLESS_SHELL, ...FULL], 'chromium-headless-shell');
}
