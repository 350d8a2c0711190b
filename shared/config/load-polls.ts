/**
 * Reads and validates the chosen pack's poll files (<pack>/content/polls/*.json) for the
 * functions: the bundler writes the result beside each bundle that reads polls, and
 * `npm start` writes it to a temporary file. Same schema as the Astro collection.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolls, type Poll } from '../contracts/poll';
import { chosenContentDir } from './partnership-pack';

export function loadPolls(dir = join(chosenContentDir(), 'polls')): Poll[] {
  // A partnership that runs no polls needs no polls folder.
  if (!existsSync(dir)) return [];
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
