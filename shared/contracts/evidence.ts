/**
 * What the officer API says of residents' files: each file as listed, and the short-lived
 * address of one (the limits and accepted types are in evidence-types.ts, which the
 * browser script loads without zod).
 */
import * as z from 'zod/mini';

/** A file as officers and partners with evidence access see it listed (no address: that is asked for, and audited). */
export const evidenceFileSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  label: z.string(),
  kind: z.enum(['photo', 'audio', 'video', 'document']),
  bytes: z.number(),
  addedAt: z.string(),
  /** What was done to it: the scan's verdict and what was removed. */
  scan: z.string(),
  cleaned: z.string(),
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

/** A short-lived address of one file, for the officer who asked (the request is audited). */
export const evidenceLinkSchema = z.strictObject({ url: z.string(), expiresAt: z.string() });

/** Opening one file: to show it (an image in the page) or to download it. */
export const evidenceQuerySchema = z.strictObject({
  download: z.optional(z.enum(['true', 'false'], { error: 'download must be true or false' })),
});

/** The page for adding files, as its script reads it (Accept: application/json). */
export const evidencePageBody = z.strictObject({
  reference: z.string(),
  files: z.array(
    z.discriminatedUnion('status', [
      z.strictObject({ id: z.string(), name: z.string(), status: z.literal('available'), label: z.string(), bytes: z.number() }),
      z.strictObject({ id: z.string(), name: z.string(), status: z.literal('refused'), reason: z.string() }),
      z.strictObject({ id: z.string(), name: z.string(), status: z.literal('checking') }),
    ]),
  ),
  remaining: z.number(),
  closed: z.boolean(),
});

/** One file as the page lists it: added (with its type and size), not added (with why), or being checked. */
export type EvidenceRow = z.infer<typeof evidencePageBody>['files'][number];

/** The page's script asks for one more upload with the token the page gave it. */
export const evidenceGrantRequestSchema = z.strictObject({
  token: z.string({ error: 'Send the upload token the page gave you as "token"' }).check(z.maxLength(200)),
});

/** One upload's address and fields: post them with the file last, straight to storage. */
export const evidenceGrantBody = z.strictObject({ url: z.string(), fields: z.record(z.string(), z.string()), expiresAt: z.string() });
