/**
 * Brings a partnership pack's poll files into the polls table, where every poll is read
 * from: run by `npm start` and, in AWS, once per deploy. A pack poll is added, or
 * replaced by the pack's newer version of it; a poll an officer made is never
 * overwritten by a pack file with the same id, and a pack poll already voted in keeps
 * its options: each is reported instead, for the person deploying to act on.
 */
import { isDeepStrictEqual } from 'node:util';
import { changedFields, LOCKED_FIELDS } from './definitions';
import type { Poll } from '../../shared/contracts/poll';
import { expiresAt } from '../../shared/domain/retention';
import type { PollDefinitionStore, PollRecord } from './ports';

export interface ImportSummary {
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Polls left as they are, with why. */
  refused: { id: string; reason: string }[];
}

const PACK_AUTHOR = 'partnership pack';

export async function importPackPolls(
  store: PollDefinitionStore,
  polls: Poll[],
  now: Date,
  keepDaysAfterClose: number,
): Promise<ImportSummary> {
  const summary: ImportSummary = { added: [], updated: [], unchanged: [], refused: [] };
  const at = now.toISOString();
  for (const poll of polls) {
    const keep = expiresAt(new Date(poll.closesAt), keepDaysAfterClose);
    const existing = await store.get(poll.id);
    if (!existing) {
      const record: PollRecord = {
        poll,
        status: 'scheduled',
        source: 'pack',
        version: 1,
      };
      const written = await store.create(
        record,
        { pollId: poll.id, version: 1, changedBy: PACK_AUTHOR, changedAt: at, what: ['created'] },
        keep,
      );
      if (written === 'written') summary.added.push(poll.id);
      else summary.refused.push({ id: poll.id, reason: 'added by someone else at the same moment; run the import again' });
      continue;
    }
    if (existing.source !== 'pack') {
      summary.refused.push({ id: poll.id, reason: 'an officer made a poll with this id in the workspace; rename the pack file' });
      continue;
    }
    if (isDeepStrictEqual(existing.poll, poll)) {
      summary.unchanged.push(poll.id);
      continue;
    }
    const next: PollRecord = { ...existing, poll, version: existing.version + 1 };
    const what = changedFields(existing.poll, poll);
    const written = await store.replace(
      next,
      { pollId: poll.id, version: next.version, changedBy: PACK_AUTHOR, changedAt: at, what },
      keep,
      { lockedWhenVoted: what.some((field) => LOCKED_FIELDS.has(field)) },
    );
    if (written === 'written') summary.updated.push(poll.id);
    else
      summary.refused.push({
        id: poll.id,
        reason:
          written === 'has-ballots'
            ? `residents have voted in it, so its ${what.filter((f) => LOCKED_FIELDS.has(f)).join(', ')} cannot change`
            : 'changed by someone else at the same moment; run the import again',
      });
  }
  return summary;
}

/** The import in one line, for the person starting or deploying the portal. */
export function describeImport(summary: ImportSummary): string {
  const count = (n: number) => `${n} ${n === 1 ? 'poll' : 'polls'}`;
  const parts = [
    `${count(summary.added.length)} added`,
    `${count(summary.updated.length)} updated`,
    `${count(summary.unchanged.length)} unchanged`,
  ];
  const refused = summary.refused.map((r) => `\n  - ${r.id} was not changed: ${r.reason}`).join('');
  return `Pack polls in the polls table: ${parts.join(', ')}${refused}`;
}
