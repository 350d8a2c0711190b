/**
 * Reading a pack's optional demonstration file (`<pack>/demo/*.json`) against its schema:
 * undefined when the pack has none; otherwise the data, or an error naming the file and
 * every problem in it, as the rest of the pack check names them.
 */
import { existsSync, readFileSync } from 'node:fs';
import type * as z from 'zod/mini';
import { describeIssue } from './load-profile';
import { shown } from './partnership-pack';

/** An error naming the file, with one line per problem. */
export const demoFileError = (file: string, lines: string[]) => new Error(`${shown(file)}:\n${lines.map((l) => `  - ${l}`).join('\n')}`);

export function readDemoFile<S extends z.ZodMiniType>(file: string, schema: S): z.output<S> | undefined {
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw demoFileError(file, [`not valid JSON (${(error as Error).message})`]);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw demoFileError(file, result.error.issues.map(describeIssue));
  return result.data;
}
