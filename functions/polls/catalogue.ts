/**
 * The polls the site publishes, as the functions see them: one JSON file of polls
 * already validated by shared/contracts/poll.ts (at bundling for AWS, at `npm start`
 * locally), read once per cold start. Ids come from URLs, so lookups go through a Map.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { config } from '../config';
import type { Poll } from '../../shared/contracts/poll';

let polls: Map<string, Poll> | undefined;

export function pollCatalogue(): ReadonlyMap<string, Poll> {
  if (!polls) {
    const file = config().POLLS_FILE ?? join(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), 'polls.json');
    polls = new Map((JSON.parse(readFileSync(file, 'utf8')) as Poll[]).map((p) => [p.id, p]));
  }
  return polls;
}
