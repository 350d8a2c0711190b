/**
 * The polls feature's ports: what its use cases need from storage, declared here so the
 * use cases own them and the DynamoDB adapter implements them.
 */
import type { Allocation } from '../../shared/domain/poll-rules';
import type { TallyEntry } from '../../shared/domain/poll-results';
import type { Poll } from '../../shared/contracts/poll';

export interface StoredBallot {
  pollId: string;
  voterId: string;
  /** The counter shard this ballot was added to (checked shard by shard at close). */
  shard: number;
  /** What the ballot adds to each option. */
  counts: Allocation;
  /** Follow-up choice answers (counted) and free-text answers (never published). */
  followUps: Record<string, string>;
  postcodeDistrict?: string | undefined;
  /** Salted hash of the sender's network address: finds bursts, never identifies anyone. */
  ipHash: string;
  castAt: string;
  expiresAt: number;
}

export interface OnlineCounts {
  counts: Allocation;
  ballots: number;
  /** Follow-up choice counts, keyed `<question>#<option>`. */
  followUps: Record<string, number>;
}

export interface FinalTotals extends OnlineCounts {
  pollId: string;
  computedAt: string;
  /** Did the live counters agree with the ballots? The ballots are what is published either way. */
  matched: boolean;
  counters: OnlineCounts;
  expiresAt: number;
}

type CastResult = { outcome: 'counted'; shard: number } | { outcome: 'already-voted'; existing: StoredBallot };

type TallyResult = 'recorded' | 'unknown-entry' | 'already-corrected';

/** An event where an officer will count pots for a poll, planned beforehand. */
export interface PlannedEvent {
  pollId: string;
  eventId: string;
  name: string;
  /** The event's day, YYYY-MM-DD. */
  date: string;
  place: string;
  addedBy: string;
  addedAt: string;
}

export interface PollStore {
  /** Stores the ballot and adds it to a counter shard, once per voter and poll. */
  /**
   * `giveUpAt` (epoch ms): no conflict retry starts after it, so the answer comes before the
   * function's time limit. An error whose outcome is unknown (a lost response) is settled by
   * reading the ballot back: a stored ballot is reported as counted, never as failed.
   */
  castBallot(
    ballot: Omit<StoredBallot, 'shard'>,
    followUpChoices: Record<string, string>,
    options?: { giveUpAt?: number },
  ): Promise<CastResult>;
  getBallot(pollId: string, voterId: string): Promise<StoredBallot | undefined>;
  /** The live totals: every counter shard read in one batch. */
  liveCounts(pollId: string): Promise<OnlineCounts>;
  /** Every ballot of one shard, from the ballots-by-shard index. */
  ballotsOfShard(pollId: string, shard: number): AsyncGenerator<StoredBallot>;
  counterOfShard(pollId: string, shard: number): Promise<OnlineCounts>;
  getFinal(pollId: string): Promise<FinalTotals | undefined>;
  /** False if another run already wrote the final totals. */
  putFinal(final: FinalTotals): Promise<boolean>;
  appendTally(entry: TallyEntry, expiresAt: number): Promise<TallyResult>;
  listTallies(pollId: string): Promise<TallyEntry[]>;
  /** Adds an event planned for a poll (its id is new, so nothing is overwritten). */
  addEvent(event: PlannedEvent, expiresAt: number): Promise<void>;
  /** The events planned for a poll, earliest first. */
  listEvents(pollId: string): Promise<PlannedEvent[]>;
  /** The key that signs voter cookies: made once, with a conditional write, then read. */
  voterSecret(make: () => string): Promise<string>;
}

/**
 * draft: only officers see it, and may change anything. scheduled: published; residents
 * see it from its opening time (open and closed follow from its times, with no one present).
 */
type PollStatus = 'draft' | 'scheduled';

/** What the partnership did about a closed poll's results, shown with them. */
export interface PollResponse {
  weDid: string[];
  /** Plan actions the results led to, as the workspace listed them. */
  actions: { id: string; title: string; href: string }[];
  publishedBy: string;
  publishedAt: string;
}

/** A poll's definition as the polls table keeps it: the one source every page and function reads. */
export interface PollRecord {
  poll: Poll;
  status: PollStatus;
  /** pack: imported from the partnership pack's poll files; workspace: made by an officer. */
  source: 'pack' | 'workspace';
  /** Raised by every change; who made each one, and when, is in its change (`PollChange`). */
  version: number;
  response?: PollResponse | undefined;
}

/** One change to a definition, kept with who made it and when. */
export interface PollChange {
  pollId: string;
  version: number;
  changedBy: string;
  changedAt: string;
  /** What changed: "created", "scheduled", field names, "response". */
  what: string[];
}

export interface PollCatalogue {
  get(id: string): Promise<PollRecord | undefined>;
  /** Every definition, drafts included. */
  list(): Promise<PollRecord[]>;
}

type DefinitionWrite = 'written' | 'version-conflict' | 'has-ballots' | 'exists';

export interface PollDefinitionStore extends PollCatalogue {
  /** Stores a new definition; `exists` if its id is taken. */
  create(record: PollRecord, change: PollChange, expiresAt: number): Promise<DefinitionWrite>;
  /**
   * Replaces a definition made from `record.version - 1`, with its change, in one
   * transaction. `lockedWhenVoted`: refused (`has-ballots`) if any ballot was counted, checked
   * in the same transaction as the write, so a ballot and a change of options cannot cross.
   */
  replace(record: PollRecord, change: PollChange, expiresAt: number, options: { lockedWhenVoted: boolean }): Promise<DefinitionWrite>;
  changes(pollId: string): Promise<PollChange[]>;
}
