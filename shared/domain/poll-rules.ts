/**
 * The rules of a poll, pure: when it is open, who may vote, and whether a ballot
 * places its tokens correctly. The ballot Lambda, the vote page's script and the tests
 * all ask these functions, so the page and the API can never disagree.
 */
import type { Poll } from '../contracts/poll';
import type { FieldError } from '../contracts/field-errors';
import { formatLondonDate } from '../contracts/london-time';

export type PollState = 'upcoming' | 'open' | 'closed';

export function pollState(poll: Pick<Poll, 'opensAt' | 'closesAt'>, now: Date): PollState {
  if (now.getTime() < Date.parse(poll.opensAt)) return 'upcoming';
  return now.getTime() < Date.parse(poll.closesAt) ? 'open' : 'closed';
}

/** `live` results show once voting starts; `after-close` results only once it ends. */
export function resultsVisible(poll: Pick<Poll, 'opensAt' | 'closesAt' | 'results'>, now: Date): boolean {
  const state = pollState(poll, now);
  return poll.results === 'live' ? state !== 'upcoming' : state === 'closed';
}

/** Why a poll is not taking ballots, in words a resident understands (undefined if open). */
export function closedMessage(poll: Pick<Poll, 'opensAt' | 'closesAt' | 'title'>, now: Date): string | undefined {
  const state = pollState(poll, now);
  if (state === 'upcoming') return `“${poll.title}” opens on ${formatLondonDate(poll.opensAt)}. Please come back then to take part.`;
  if (state === 'closed')
    return `“${poll.title}” closed on ${formatLondonDate(poll.closesAt)}, so we cannot count new answers. Thank you for wanting to take part.`;
  return undefined;
}

/** "cm9 4lx", "CM9", " cm94lx " → "CM9"; undefined when it is not a UK postcode or district. */
export function postcodeDistrict(input: string): string | undefined {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const full = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/.exec(compact);
  if (full) return full[1];
  return /^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(compact) ? compact : undefined;
}

/** Whole tokens a charity-pot ballot places, by option id. */
export type Allocation = Record<string, number>;

/**
 * Problems with a ballot's choices, one per field (`tokens.<option>`, `tokens`,
 * `choice`), each saying what to do. An empty list means the choices are valid.
 */
export function checkChoices(poll: Poll, ballot: { allocation?: Allocation | undefined; choice?: string | undefined }): FieldError[] {
  const known = new Set(poll.options.map((o) => o.id));
  if (poll.type === 'single-choice') {
    if (ballot.allocation && Object.keys(ballot.allocation).length)
      return [{ path: 'tokens', message: 'This poll asks for one choice, not tokens' }];
    if (ballot.choice === undefined || ballot.choice === '') return [{ path: 'choice', message: 'Choose one answer' }];
    if (!known.has(ballot.choice))
      return [{ path: 'choice', message: `“${ballot.choice}” is not one of the answers in this poll; choose one of the answers listed` }];
    return [];
  }
  if (ballot.choice !== undefined) return [{ path: 'choice', message: 'This poll asks you to place tokens, not to choose one answer' }];
  const tokens = poll.tokens!;
  const allocation = ballot.allocation ?? {};
  const errors: FieldError[] = [];
  for (const [option, count] of Object.entries(allocation)) {
    if (!known.has(option)) errors.push({ path: `tokens.${option}`, message: `“${option}” is not one of the concerns in this poll` });
    else if (!Number.isInteger(count)) errors.push({ path: `tokens.${option}`, message: 'Enter a whole number of tokens, such as 2' });
    else if (count < 0) errors.push({ path: `tokens.${option}`, message: 'Tokens cannot be a negative number; enter 0 or more' });
    else if (count > tokens.count)
      errors.push({ path: `tokens.${option}`, message: `You have ${tokens.count} tokens, so you cannot place ${count} on one concern` });
  }
  if (errors.length) return errors;
  const placed = Object.values(allocation).reduce((sum, n) => sum + n, 0);
  if (tokens.rule === 'exactly' && placed !== tokens.count) {
    const diff = tokens.count - placed;
    errors.push({
      path: 'tokens',
      message:
        diff > 0
          ? `Place all ${tokens.count} tokens: you have ${diff} left to place`
          : `You placed ${placed} tokens but have only ${tokens.count}: take ${-diff} away`,
    });
  } else if (tokens.rule === 'up-to' && placed > tokens.count) {
    errors.push({
      path: 'tokens',
      message: `You placed ${placed} tokens but have only ${tokens.count}: take ${placed - tokens.count} away`,
    });
  } else if (placed === 0) {
    errors.push({ path: 'tokens', message: 'Place at least one token on the concern that matters most to you' });
  }
  return errors;
}

/** What the ballot adds to each option's count: the tokens, or 1 for the single choice. */
export function ballotCounts(
  poll: Pick<Poll, 'type'>,
  ballot: { allocation?: Allocation | undefined; choice?: string | undefined },
): Allocation {
  if (poll.type === 'single-choice') return ballot.choice ? { [ballot.choice]: 1 } : {};
  return Object.fromEntries(Object.entries(ballot.allocation ?? {}).filter(([, n]) => n > 0));
}

/** Follow-up answers are optional; a choice must be one offered, free text within its limit. */
export function checkFollowUps(poll: Poll, answers: Record<string, string>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [id, answer] of Object.entries(answers)) {
    const question = poll.followUps.find((f) => f.id === id);
    if (!question) errors.push({ path: `followUps.${id}`, message: `“${id}” is not a question in this poll` });
    else if (question.kind === 'choice' && !question.options.some((o) => o.id === answer))
      errors.push({ path: `followUps.${id}`, message: `Choose one of the answers listed for “${question.question}”` });
    else if (question.kind === 'text' && answer.length > question.maxLength)
      errors.push({
        path: `followUps.${id}`,
        message: `Your answer must be ${question.maxLength} characters or fewer; it is ${answer.length}`,
      });
  }
  return errors;
}
