/**
 * The polls residents see, as the functions see them: the polls table's definitions,
 * read in one query and kept for a short while per container, so a page costs no read
 * but a poll an officer publishes is on every page within a minute (with CloudFront's
 * own short cache on top). Drafts are never in it.
 */
import type { Poll } from '../../shared/contracts/poll';
import type { PollCatalogue, PollRecord } from './ports';

/** How long a container trusts its copy: half of the minute a new poll may take to appear. */
export const CATALOGUE_TTL_MS = 30_000;

/** Finds a published poll by its id. */
export interface PollLookup {
  get(id: string): Promise<Poll | undefined>;
}

export interface PublishedPolls extends PollLookup {
  /** A published poll with what the workspace added to it (its response). */
  record(id: string): Promise<PollRecord | undefined>;
  /** Every published poll (coming up, open or closed), with its record. */
  list(): Promise<PollRecord[]>;
}

export function publishedPolls(
  store: PollCatalogue,
  /** Epoch ms, by the functions' clock (which the local stack can move, so a test steps over the wait). */
  clock: () => number,
  ttlMs = CATALOGUE_TTL_MS,
): PublishedPolls {
  let cached: { at: number; records: Promise<Map<string, PollRecord>> } | undefined;
  const read = () => {
    const at = clock();
    if (!cached || at - cached.at >= ttlMs || at < cached.at) {
      const records = store.list().then((all) => new Map(all.filter((r) => r.status === 'scheduled').map((r) => [r.poll.id, r])));
      // A failed read is not kept: the next request tries again.
      records.catch(() => (cached = undefined));
      cached = { at, records };
    }
    return cached.records;
  };
  // Not in this container's copy: published since it was read, perhaps by a minute, and
  // already listed by another container. Asked of the table before saying there is no such poll.
  const record = async (id: string) => {
    const found = (await read()).get(id);
    if (found) return found;
    const stored = await store.get(id);
    return stored?.status === 'scheduled' ? stored : undefined;
  };
  return {
    get: async (id) => (await record(id))?.poll,
    record,
    list: async () => [...(await read()).values()],
  };
}

/** The definition as stored this moment, for counting a ballot against it (never a copy that may be stale). */
export function asStoredNow(store: PollCatalogue): PollLookup {
  return {
    async get(id) {
      const record = await store.get(id);
      return record?.status === 'scheduled' ? record.poll : undefined;
    },
  };
}
