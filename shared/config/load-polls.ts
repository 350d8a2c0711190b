/**
 * Reads and validates the site's poll files (site/src/content/polls/*.json) for the
 * functions: the bundler writes the result beside each bundle that reads polls, and
 * `npm start` writes it to a temporary file. Same schema as the Astro collection.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolls, type Poll } from '../contracts/poll';

const POLLS_DIR = join(import.meta.dirname, '..', '..', 'site', 'src', 'content', 'polls');

export function loadPolls(dir = process.env.CONTENT_DIR ? join(process.env.CONTENT_DIR, 'polls') : POLLS_DIR): Poll[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return parsePolls(
    files.map((f) => {
      const source = join(dir, f);
      try {
        return { source, raw: JSON.parse(readFileSync(source, 'utf8')) as unknown };
      } catch (error) {
        throw new Error(`Invalid poll content:\n  - ${source}: not valid JSON (${(error as Error).message})`);
      }
    }),
  );
}
