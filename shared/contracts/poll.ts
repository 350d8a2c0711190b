/**
 * A consultation poll: one schema for a pack's poll files (<pack>/content/polls/<id>.json,
 * checked by `npm run partnership -- check` and when `npm start` or a deploy imports them
 * into the polls table) and for the polls officers make in the workspace, checked by the
 * officer API before a definition is stored. zod/mini, so the officer functions can carry
 * it within their cold-start budget.
 */
import * as z from 'zod/mini';

const id = z
  .string()
  .check(
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id such as "no-concern"'),
    z.maxLength(60, 'must be 60 characters or fewer'),
  );
const text = (max?: number) =>
  z.string().check(z.trim(), z.minLength(1, 'must not be empty'), ...(max ? [z.maxLength(max, `must be ${max} characters or fewer`)] : []));
const instant = z.iso.datetime({ offset: true, error: 'must be a date and time with its offset, such as 2027-02-28T23:59:59Z' });
/** The first half of a postcode (outward code): CM9, SW1A, B1. */
const POSTCODE_DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

const POLL_TYPES = ['charity-pot', 'single-choice'] as const;
const RESULT_VISIBILITY = ['live', 'after-close'] as const;
const TOKEN_RULES = ['exactly', 'up-to'] as const;

const optionSchema = z.strictObject({ id, label: text(80) });
const options = z
  .array(optionSchema)
  .check(z.minLength(2, 'must have at least 2 options'), z.maxLength(20, 'must have 20 options or fewer'));

const followUpSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id, kind: z.literal('choice'), question: text(), hint: z.optional(text()), options }),
  z.strictObject({
    id,
    kind: z.literal('text'),
    question: text(),
    hint: z.optional(text()),
    maxLength: z._default(z.number().check(z.int(), z.minimum(10), z.maximum(1000)), 500),
  }),
]);

/** A poll's fields but its id: what an officer sends to make or change one (the id is the portal's). */
const pollFields = {
  title: text(120),
  question: text(),
  description: text(),
  type: z.enum(POLL_TYPES),
  /** Charity pots only: how many tokens each resident places, and whether all must be used. */
  tokens: z.optional(
    z.strictObject({
      count: z.number().check(z.int('must be a whole number'), z.minimum(1, 'must be at least 1'), z.maximum(20, 'must be 20 or fewer')),
      rule: z.enum(TOKEN_RULES),
    }),
  ),
  options,
  opensAt: instant,
  closesAt: instant,
  /** Leave out to let anyone vote; otherwise the postcode districts that may. */
  eligibility: z.optional(
    z.strictObject({
      postcodeDistricts: z
        .array(z.string().check(z.regex(POSTCODE_DISTRICT, 'must be a postcode district in capitals, such as CM9')))
        .check(z.minLength(1)),
    }),
  ),
  results: z.enum(RESULT_VISIBILITY),
  followUps: z._default(z.array(followUpSchema).check(z.maxLength(5, 'must have 5 follow-up questions or fewer')), []),
};

/** The rules across fields, for a pack's poll file and an officer's poll alike. */
const pollRules = <T extends z.output<z.ZodMiniObject<typeof pollFields>>>() =>
  z.superRefine<T>((poll, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.issues.push({ code: 'custom', input: poll, path, message });
    if (poll.type === 'charity-pot' && !poll.tokens) issue(['tokens'], 'a charity-pot poll must say how many tokens each resident places');
    if (poll.type === 'single-choice' && poll.tokens) issue(['tokens'], 'a single-choice poll has no tokens; remove this field');
    if (Date.parse(poll.closesAt) <= Date.parse(poll.opensAt)) issue(['closesAt'], 'must be after opensAt');
    const duplicate = (ids: string[]) => ids.find((v, i) => ids.indexOf(v) !== i);
    const option = duplicate(poll.options.map((o) => o.id));
    if (option) issue(['options'], `option "${option}" is listed twice: give each option a different name`);
    const followUp = duplicate(poll.followUps.map((f) => f.id));
    if (followUp) issue(['followUps'], `follow-up id "${followUp}" is used twice`);
  });

export const pollSchema = z.strictObject({ id, ...pollFields }).check(pollRules());
/** The body of a poll an officer makes or changes in the workspace. */
export const pollInputSchema = z.strictObject(pollFields).check(pollRules());

export type Poll = z.output<typeof pollSchema>;

/** Validates a list of polls (one per file), naming the file and field of every problem. */
export function parsePolls(files: { source: string; raw: unknown }[]): Poll[] {
  const problems: string[] = [];
  const polls: Poll[] = [];
  for (const file of files) {
    const result = pollSchema.safeParse(file.raw);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`  - ${file.source}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      continue;
    }
    const expected = file.source.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
    if (file.source.endsWith('.json') && result.data.id !== expected)
      problems.push(`  - ${file.source}: id: must match the file name ("${expected}")`);
    polls.push(result.data);
  }
  if (problems.length) throw new Error(`Invalid poll content:\n${problems.join('\n')}`);
  return polls;
}
