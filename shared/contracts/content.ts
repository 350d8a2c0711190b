/**
 * Schemas for the site's published content (Astro content collections). Every file in a
 * partnership pack's content is checked against these at build time, and by
 * `npm run partnership -- check`; a file that breaks one names the file, the field and
 * what was expected.
 * Full zod is fine here: this never ships in a Lambda bundle.
 */
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id such as "youth-asb"');
// YAML front matter turns an unquoted 2025-03-31 into a Date; accept it as the same day.
const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.iso.date({ error: 'must be a date written as YYYY-MM-DD' }),
);
const text = z.string().trim().min(1, 'must not be empty');

const ACTION_STATUSES = ['not-started', 'on-track', 'at-risk', 'delayed', 'complete'] as const;
export const PAPER_PURPOSES = ['decision', 'discussion', 'information'] as const;
const PRIORITY_TIERS = ['county', 'local'] as const;

export const partnershipSchema = z
  .object({
    name: text,
    summary: text,
    areas: z.array(z.object({ id, name: text, description: text }).strict()).min(1),
    members: z
      .array(
        z
          .object({
            name: text,
            kind: z.enum(['responsible-authority', 'partner', 'voluntary', 'business']),
            role: text,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

const actionSchema = z
  .object({
    id,
    title: text,
    leadPartner: text,
    due: isoDate,
    status: z.enum(ACTION_STATUSES),
    measure: text,
    progress: z.string().optional(),
  })
  .strict();

export const planSchema = z
  .object({
    title: text,
    period: z.object({ start: isoDate, end: isoDate }).strict(),
    summary: text,
    strategicAssessment: z.object({ title: text, published: isoDate, findings: z.array(text).min(1) }).strict(),
    priorities: z
      .array(
        z
          .object({
            id,
            title: text,
            tier: z.enum(PRIORITY_TIERS),
            why: text,
            actions: z.array(actionSchema).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .refine((p) => p.period.start < p.period.end, { message: 'period.start must be before period.end', path: ['period'] });

export const prioritiesYearSchema = z
  .object({
    year: z.string().regex(/^\d{4}-\d{2}$/, 'must be a financial year such as 2025-26'),
    plan: id,
    priorities: z
      .array(
        z
          .object({
            title: text,
            tier: z.enum(PRIORITY_TIERS),
            summary: text,
            /** Action ids from the plan named above. */
            actions: z.array(id).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export const paperSchema = z
  .object({
    title: text,
    meetingDate: isoDate,
    preparedBy: text,
    leadingPartners: z.array(text).min(1),
    purpose: z.enum(PAPER_PURPOSES),
    summary: text,
    recommendations: z.array(text).min(1),
    financialImplications: text,
    equalityImplications: text,
  })
  .strict();

export const datasetSchema = z
  .object({
    title: text,
    description: text,
    unit: text,
    period: z.enum(['quarter', 'year']),
    source: text,
    notes: z.array(text).default([]),
    points: z
      .array(z.object({ label: text, value: z.number().nonnegative(), target: z.number().nonnegative().optional() }).strict())
      .min(1),
  })
  .strict();

export const youSaidWeDidSchema = z
  .object({
    title: text,
    date: isoDate,
    consultation: text,
    question: text,
    results: z.array(z.object({ concern: text, tokens: z.number().int().nonnegative() }).strict()).min(1),
    weDid: z.array(text).min(1),
    /** Plan action ids the results led to. */
    actions: z.array(id).default([]),
  })
  .strict();

export const eventSchema = z
  .object({
    title: text,
    kind: z.enum(['meeting', 'event']),
    start: z.iso.datetime({ offset: true, error: 'must be a date and time such as 2026-12-03T19:00:00Z' }),
    end: z.iso.datetime({ offset: true }).optional(),
    place: text,
    area: id.optional(),
    description: text,
  })
  .strict();

/**
 * The partnership's own part of a page the portal writes (the privacy notice, the
 * accessibility statement): its data protection officer, its own commitments. The
 * portal's part describes what the code does, so it stays the portal's.
 */
export const PACK_PAGES = ['privacy', 'accessibility'] as const;
export const pageSectionSchema = z.object({ heading: text }).strict();

export type Action = z.infer<typeof actionSchema>;
