/**
 * Use case: count one resident's ballot. Checks, in the order a resident can act on:
 * the poll exists and is open (403), the voter started from the poll page (cookie),
 * the robot checks, the choices (400), the postcode (400 if unreadable, 403 if outside
 * the area), then stores it once per voter (409 for a different second ballot; the
 * same ballot sent again, a retry, is answered as if it were the first).
 */
import type { Profile } from '../../shared/config/profile-schema';
import { ballotRequestSchema, type BallotRequest } from '../../shared/contracts/ballot';
import { toFieldErrors, uniqueByPath, type FieldError } from '../../shared/contracts/field-errors';
import { ballotCounts, checkChoices, checkFollowUps, closedMessage, postcodeDistrict } from '../../shared/domain/poll-rules';
import { expiresAt } from '../../shared/domain/retention';
import type { PollStore, StoredBallot } from './ports';
import type { Voter } from './voter-cookie';
import type { PollLookup } from './catalogue';

/** Said, with the answers kept, when a ballot arrives within moments of "Start now". */
const TOO_FAST_MESSAGE =
  'Your answers reached us only a moment after you pressed “Start now”, so we have not counted them yet: we check this to stop answers being sent automatically. Your answers are below. Check them, then choose “Send my answers” again.';

export interface BallotDependencies {
  store: PollStore;
  profile: Profile;
  polls: PollLookup;
  now: () => Date;
}

export interface BallotSubmission {
  pollId: string;
  body: unknown;
  decodeErrors?: FieldError[];
  /** The signed voter cookie, if it was sent and is genuine. */
  voter: Voter | undefined;
  /** Salted hash of the sender's address. */
  ipHash: string;
  /** Epoch ms after which no retry starts (a little before the function's time limit). */
  giveUpAt?: number;
}

export type BallotResult =
  | { status: 201; replayed: boolean; ballot: StoredBallot }
  | { status: 400; errors: FieldError[]; kind: 'choices' | 'no-voter' | 'too-fast' | 'robot' }
  | { status: 403; message: string; kind: 'closed' | 'ineligible' }
  | { status: 404; message: string }
  | { status: 409; message: string; ballot: StoredBallot };

export async function castBallot(deps: BallotDependencies, submission: BallotSubmission): Promise<BallotResult> {
  const poll = await deps.polls.get(submission.pollId);
  if (!poll) return { status: 404, message: 'There is no poll at this address. Check the link, or see the list of polls.' };
  const now = deps.now();
  const closed = closedMessage(poll, now);
  if (closed) return { status: 403, kind: 'closed', message: closed };
  if (!submission.voter) {
    return {
      status: 400,
      kind: 'no-voter',
      errors: [
        {
          path: '',
          message:
            'We could not tell that you started from the poll page. Go back to the poll page and choose “Start now”. Your browser must accept cookies from this site to take part; the cookie only stops answers being counted twice.',
        },
      ],
    };
  }

  const parsed = ballotRequestSchema.safeParse(submission.body);
  if (!parsed.success)
    return { status: 400, kind: 'choices', errors: uniqueByPath([...(submission.decodeErrors ?? []), ...toFieldErrors(parsed.error)]) };
  const request: BallotRequest = parsed.data;
  // A field people never see: only a robot fills it. No detail, nothing to learn from.
  if (request.website)
    return {
      status: 400,
      kind: 'robot',
      errors: [{ path: '', message: 'We could not accept this form. Please go back to the poll page and try again.' }],
    };

  const errors = uniqueByPath([
    ...(submission.decodeErrors ?? []),
    ...checkChoices(poll, request),
    ...checkFollowUps(poll, request.followUps ?? {}),
  ]);
  let district: string | undefined;
  if (poll.eligibility) {
    district = request.postcode ? postcodeDistrict(request.postcode) : undefined;
    const example = poll.eligibility.postcodeDistricts[0];
    if (!request.postcode) errors.push({ path: 'postcode', message: `Enter your postcode, or just its first half, such as ${example}` });
    else if (!district) errors.push({ path: 'postcode', message: `Enter a real UK postcode, or just its first half, such as ${example}` });
  }
  if (errors.length) return { status: 400, kind: 'choices', errors };
  // Checked after the choices: a person who mistyped both fixes the choices on the same page.
  if (poll.eligibility && district && !poll.eligibility.postcodeDistricts.includes(district)) {
    const { email, phone } = deps.profile.contact;
    return {
      status: 403,
      kind: 'ineligible',
      message: `This poll is for people who live in ${listDistricts(poll.eligibility.postcodeDistricts)} postcodes, and ${district} is not one of them. Check your postcode. If you live or work in the area and think this is wrong, contact the partnership at ${email} or on ${phone}.`,
    };
  }
  // Humans read the question first. A genuine resident sent back here just sends again.
  if (now.getTime() / 1000 - submission.voter.startedAt < deps.profile.polls.minimumSecondsToVote) {
    return { status: 400, kind: 'too-fast', errors: [{ path: '', message: TOO_FAST_MESSAGE }] };
  }

  const counts = ballotCounts(poll, request);
  const followUps = request.followUps ?? {};
  const ballot: Omit<StoredBallot, 'shard'> = {
    pollId: poll.id,
    voterId: submission.voter.voterId,
    counts,
    followUps,
    postcodeDistrict: district,
    ipHash: submission.ipHash,
    castAt: now.toISOString(),
    expiresAt: expiresAt(new Date(poll.closesAt), deps.profile.polls.ballotDaysAfterClose),
  };
  const choiceAnswers = Object.fromEntries(
    Object.entries(followUps).filter(([id]) => poll.followUps.find((f) => f.id === id)?.kind === 'choice'),
  );
  const result = await deps.store.castBallot(
    ballot,
    choiceAnswers,
    submission.giveUpAt === undefined ? {} : { giveUpAt: submission.giveUpAt },
  );
  if (result.outcome === 'counted') return { status: 201, replayed: false, ballot: { ...ballot, shard: result.shard } };
  if (sameBallot(result.existing, ballot)) return { status: 201, replayed: true, ballot: result.existing };
  return {
    status: 409,
    ballot: result.existing,
    message:
      'You have already taken part in this poll from this browser, so we have kept your first answers. Each person can take part once.',
  };
}

function sameBallot(a: Pick<StoredBallot, 'counts' | 'followUps'>, b: Pick<StoredBallot, 'counts' | 'followUps'>): boolean {
  const canonical = (r: Record<string, unknown>) => JSON.stringify(Object.entries(r).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a.counts) === canonical(b.counts) && canonical(a.followUps) === canonical(b.followUps);
}

function listDistricts(districts: string[]): string {
  return districts.length === 1 ? districts[0]! : `${districts.slice(0, -1).join(', ')} and ${districts[districts.length - 1]}`;
}
