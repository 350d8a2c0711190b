/** What the poll functions use, wired once per Lambda container. */
import { randomBytes } from 'node:crypto';
import { bundledProfile } from '../../shared/config/bundled-profile';
import type { Poll } from '../../shared/contracts/poll';
import { pollResults, type PollResults } from '../../shared/domain/poll-results';
import { dynamoDbClient } from '../adapters/dynamodb/client';
import { cachedSecret } from '../adapters/dynamodb/table-secret';
import { createPollStore } from '../adapters/dynamodb/poll-store';
import type { OnlineCounts } from './ports';
import { config, pollsTableName, perRuntime } from '../config';
import type { BallotDependencies } from './cast-ballot';
import { asStoredNow, publishedPolls, type PublishedPolls } from './catalogue';
import { createPollDefinitionStore } from '../adapters/dynamodb/poll-definitions';
import { clockNow } from '../adapters/clock/clock';

export interface PollDependencies extends Omit<BallotDependencies, 'polls'> {
  /** Published polls, as pages show them (a copy at most half a minute old). */
  polls: PublishedPolls;
  /** Published polls as stored this moment: what a ballot is counted against. */
  current: BallotDependencies['polls'];
  /** The key that signs voter cookies and salts address hashes. */
  secret: () => Promise<string>;
  /** Secure cookies everywhere but plain-http local development. */
  secureCookies: boolean;
}

export const pollDependencies = perRuntime((): PollDependencies => {
  const store = createPollStore(dynamoDbClient(), pollsTableName());
  const definitions = createPollDefinitionStore(dynamoDbClient(), pollsTableName());
  return {
    store,
    profile: bundledProfile,
    polls: publishedPolls(definitions, () => clockNow().getTime()),
    current: asStoredNow(definitions),
    now: clockNow,
    secret: cachedSecret(() => store.voterSecret(() => randomBytes(32).toString('base64url'))),
    secureCookies: config().SITE_URL.startsWith('https:'),
  };
});

/** Published results: the totals checked at close if there are any, else the live counters, plus event tallies. */
export async function readResults(
  deps: Pick<BallotDependencies, 'store'>,
  poll: Poll,
): Promise<PollResults & { followUps: OnlineCounts['followUps'] }> {
  const [final, tallies] = await Promise.all([deps.store.getFinal(poll.id), deps.store.listTallies(poll.id)]);
  const online = final ?? (await deps.store.liveCounts(poll.id));
  return {
    ...pollResults(poll, { counts: online.counts, ballots: online.ballots, final: final !== undefined }, tallies),
    followUps: online.followUps,
  };
}
