/** A resident's side of a poll over HTTP: "Start now" (the voter cookie), then a ballot. */
import type { LocalStack } from '../../infra/local/local-stack';
import { defaultProfile } from '../../shared/config/load-profile';

/** Presses "Start now" and returns the voter cookie (`voter=…`). */
export async function startVoting(
  stack: LocalStack,
  pollId: string,
  cookie?: string,
): Promise<{ status: number; location: string | null; cookie: string | undefined }> {
  const response = await fetch(`${stack.url}/api/polls/${pollId}/start`, {
    method: 'POST',
    redirect: 'manual',
    headers: cookie ? { cookie } : {},
  });
  await response.arrayBuffer();
  const set = response.headers.getSetCookie().find((c) => c.startsWith('voter='));
  return { status: response.status, location: response.headers.get('location'), cookie: set?.split(';')[0] };
}

export async function sendBallot(
  stack: LocalStack,
  pollId: string,
  cookie: string | undefined,
  body: unknown,
): Promise<{
  status: number;
  body: { errors?: { path: string; message: string }[]; message?: string; counts?: Record<string, number> };
  replayed: boolean;
}> {
  const response = await fetch(`${stack.url}/api/polls/${pollId}/ballots`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as never,
    replayed: response.headers.get('idempotent-replayed') === 'true',
  };
}

export async function sendBallotForm(
  stack: LocalStack,
  pollId: string,
  cookie: string | undefined,
  fields: Record<string, string>,
): Promise<{ status: number; location: string | null; html: string }> {
  const response = await fetch(`${stack.url}/api/polls/${pollId}/ballots`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

export interface ResultsJson {
  total: number;
  onlineBallots: number;
  final: boolean;
  rows: { optionId: string; count: number; rank: number; share: number }[];
  channels: { channel: string; label: string; total: number; counts: Record<string, number> }[];
  followUps: { id: string; counts: { optionId: string; count: number }[] }[];
}

export async function results(
  stack: LocalStack,
  pollId: string,
  accept = 'application/json',
): Promise<{ status: number; json?: ResultsJson; text: string }> {
  const response = await fetch(`${stack.url}/api/polls/${pollId}/results`, { headers: { accept } });
  const text = await response.text();
  return {
    status: response.status,
    text,
    ...(response.headers.get('content-type')?.includes('json') && response.status === 200 ? { json: JSON.parse(text) as ResultsJson } : {}),
  };
}

/**
 * Steps the functions' clock past the profile's minimum time between "Start now" and
 * the ballot: what a resident who took their time would send, without the test waiting.
 */
export const takeTimeToVote = (stack: Pick<LocalStack, 'advanceClock'>) =>
  stack.advanceClock((defaultProfile().polls.minimumSecondsToVote + 1) * 1000);

/** Runs `work` for each item with at most `limit` at once. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!, i);
      }
    }),
  );
  return out;
}
