/**
 * A consultation poll as the site publishes it (<pack>/content/polls/<id>.json in a partnership pack).
 * Astro validates every poll file at build; the functions get the same files, checked
 * again by this schema when they are bundled (AWS) or loaded (`npm start`), so a
 * Lambda never sees a poll this schema refused. Full zod: never in a Lambda bundle.
 */
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id such as "no-concern"')
  .max(60);
const text = z.string().trim().min(1, 'must not be empty');
const instant = z.iso.datetime({ offset: true, error: 'must be a date and time with its offset, such as 2027-02-28T23:59:59Z' });
/** The first half of a postcode (outward code): CM9, SW1A, B1. */
const POSTCODE_DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

const POLL_TYPES = ['charity-pot', 'single-choice'] as const;
const RESULT_VISIBILITY = ['live', 'after-close'] as const;

const optionSchema = z.object({ id, label: text.max(80) }).strict();

const followUpSchema = z.discriminatedUnion('kind', [
  z
    .object({ id, kind: z.literal('choice'), question: text, hint: text.optional(), options: z.array(optionSchema).min(2).max(20) })
    .strict(),
  z
    .object({
      id,
      kind: z.literal('text'),
      question: text,
      hint: text.optional(),
      maxLength: z.number().int().min(10).max(1000).default(500),
    })
    .strict(),
]);

export const pollSchema = z
  .object({
    id,
    title: text.max(120),
    question: text,
    description: text,
    type: z.enum(POLL_TYPES),
    /** Charity pots only: how many tokens each resident places, and whether all must be used. */
    tokens: z
      .object({ count: z.number().int().min(1).max(20), rule: z.enum(['exactly', 'up-to']) })
      .strict()
      .optional(),
    options: z.array(optionSchema).min(2).max(20),
    opensAt: instant,
    closesAt: instant,
    /** Leave out to let anyone vote; otherwise the postcode districts that may. */
    eligibility: z
      .object({
        postcodeDistricts: z.array(z.string().regex(POSTCODE_DISTRICT, 'must be a postcode district in capitals, such as CM9')).min(1),
      })
      .strict()
      .optional(),
    results: z.enum(RESULT_VISIBILITY),
    followUps: z.array(followUpSchema).max(5).default([]),
  })
  .strict()
  .superRefine((poll, ctx) => {
    if (poll.type === 'charity-pot' && !poll.tokens)
      ctx.addIssue({ code: 'custom', path: ['tokens'], message: 'a charity-pot poll must say how many tokens each resident places' });
    if (poll.type === 'single-choice' && poll.tokens)
      ctx.addIssue({ code: 'custom', path: ['tokens'], message: 'a single-choice poll has no tokens; remove this field' });
    if (Date.parse(poll.closesAt) <= Date.parse(poll.opensAt))
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'must be after opensAt' });
    const duplicate = (ids: string[]) => ids.find((v, i) => ids.indexOf(v) !== i);
    const option = duplicate(poll.options.map((o) => o.id));
    if (option) ctx.addIssue({ code: 'custom', path: ['options'], message: `option id "${option}" is used twice` });
    const followUp = duplicate(poll.followUps.map((f) => f.id));
    if (followUp) ctx.addIssue({ code: 'custom', path: ['followUps'], message: `follow-up id "${followUp}" is used twice` });
  });

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
