/**
 * Debian's Chromium (nothing is downloaded at run time) and the flags every headless run
 * uses: the browser tests through playwright-core, Lighthouse through chrome-launcher.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error("Chromium not found: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH");
  return found;
}
