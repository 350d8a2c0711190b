/**
 * A pack's demonstration event tallies (`<pack>/demo/event-tallies.json`, optional): the
 * charity-pot counts of an event, recorded once by `npm start` for one of the pack's polls
 * so a fresh local portal shows results with an event channel and a correction. Local
 * only: nothing here is deployed. Checked like the rest of the pack: the poll must exist,
 * every pot must be one of its options, and a correction must follow what it corrects.
 */
import { join } from 'node:path';
import * as z from 'zod/mini';
import { tallyRequestSchema } from '../contracts/officer';
import type { Poll } from '../contracts/poll';
import { demoFileError, readDemoFile } from './demo-file';

const entrySchema = z.extend(tallyRequestSchema, {
  entryId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,60}$/, 'must be letters, digits, - or _')),
  recordedAt: z.iso.datetime({ offset: true }),
});
const demoTalliesSchema = z.strictObject({ pollId: z.string(), entries: z.array(entrySchema).check(z.minLength(1)) });
export type DemoTallies = z.infer<typeof demoTalliesSchema>;

const demoTalliesFile = (packDir: string) => join(packDir, 'demo', 'event-tallies.json');

/** The pack's demonstration tallies, or undefined if it has none; throws naming the file and field of every problem. */
export function readDemoTallies(packDir: string, polls: readonly Pick<Poll, 'id' | 'options'>[]): DemoTallies | undefined {
  const file = demoTalliesFile(packDir);
  const tallies = readDemoFile(file, demoTalliesSchema);
  if (!tallies) return undefined;
  const fail = (lines: string[]) => demoFileError(file, lines);
  const poll = polls.find((p) => p.id === tallies.pollId);
  if (!poll)
    throw fail([
      `pollId: no poll "${tallies.pollId}" in the pack's content/polls; polls: ${polls.map((p) => p.id).join(', ') || '(none)'}`,
    ]);
  const options = new Set(poll.options.map((o) => o.id));
  const problems: string[] = [];
  const earlier = new Set<string>();
  for (const [i, entry] of tallies.entries.entries()) {
    for (const pot of Object.keys(entry.counts))
      if (!options.has(pot)) problems.push(`entries.${i}.counts.${pot}: not an option of ${poll.id}; options: ${[...options].join(', ')}`);
    if (entry.corrects && !earlier.has(entry.corrects))
      problems.push(`entries.${i}.corrects: "${entry.corrects}" is not an earlier entry's entryId`);
    earlier.add(entry.entryId);
  }
  if (problems.length) throw fail(problems);
  return tallies;
}
