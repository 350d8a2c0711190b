/**
 * The partnership profile: who the partnership is, its areas and the partners that
 * receive reports. One JSON file per partnership, validated here at load time so a
 * typo in an email address or an unknown area id fails loudly before anything runs.
 */
import * as z from 'zod/mini';
import { REPORT_TYPES, ASB_CATEGORIES, HATE_MOTIVATIONS } from '../contracts/report-vocabulary';

const id = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id'));

/** Postcode district, the outward half of a UK postcode (e.g. "AV1", "SW1A"). */
const postcodeDistrict = z.string().check(z.regex(/^[A-Z]{1,2}[0-9][A-Z0-9]?$/, 'must be an upper-case postcode district such as AV1'));

/**
 * How much personal data a partner receives (UK GDPR data minimisation, Art. 5(1)(c)):
 * - `full`: everything, including the reporter's contact details;
 * - `no-contact`: everything except who reported it and how to reach them;
 * - `summary`: what, where and when only: no description of people, no contact details.
 */
export const DATA_LEVELS = ['full', 'no-contact', 'summary'] as const;

export const areaSchema = z.strictObject({
  id,
  name: z.string().check(z.minLength(1)),
  postcodeDistricts: z.array(postcodeDistrict).check(z.minLength(1)),
});

export const partnerSchema = z.strictObject({
  id,
  name: z.string().check(z.minLength(1)),
  email: z.email(),
  dataLevel: z.enum(DATA_LEVELS),
  handles: z.strictObject({
    types: z.array(z.enum(REPORT_TYPES)).check(z.minLength(1)),
    /** Only these ASB categories; absent means every category. */
    asbCategories: z.optional(z.array(z.enum(ASB_CATEGORIES)).check(z.minLength(1))),
    /** Only these hate motivations; absent means every motivation. */
    hateMotivations: z.optional(z.array(z.enum(HATE_MOTIVATIONS)).check(z.minLength(1))),
    /** Area ids this partner covers, or "*" for the whole district. */
    areas: z.union([z.literal('*'), z.array(id).check(z.minLength(1))]),
  }),
});

export const profileSchema = z
  .strictObject({
    id,
    name: z.string().check(z.minLength(1)),
    /** Address partner and resident emails come from (an SES verified identity in AWS). */
    senderEmail: z.email(),
    areas: z.array(areaSchema).check(z.minLength(1)),
    partners: z.array(partnerSchema).check(z.minLength(1)),
    retention: z.strictObject({
      /** Days a report and everything attached to it is kept before DynamoDB's TTL removes it. */
      reportDays: z.number().check(z.int(), z.minimum(30), z.maximum(3650)),
    }),
  })
  .check(
    z.superRefine((profile, ctx) => {
      const areaIds = new Set(profile.areas.map((a) => a.id));
      profile.partners.forEach((partner, index) => {
        if (partner.handles.areas === '*') return;
        for (const area of partner.handles.areas) {
          if (!areaIds.has(area)) {
            ctx.issues.push({
              code: 'custom',
              input: area,
              path: ['partners', index, 'handles', 'areas'],
              message: `unknown area "${area}"; known areas: ${[...areaIds].join(', ')}`,
            });
          }
        }
      });
      const seen = new Set<string>();
      for (const [index, partner] of profile.partners.entries()) {
        if (seen.has(partner.id)) {
          ctx.issues.push({ code: 'custom', input: partner.id, path: ['partners', index, 'id'], message: `duplicate partner id "${partner.id}"` });
        }
        seen.add(partner.id);
      }
    }),
  );

export type Profile = z.infer<typeof profileSchema>;
export type Partner = z.infer<typeof partnerSchema>;
export type Area = z.infer<typeof areaSchema>;
export type DataLevel = (typeof DATA_LEVELS)[number];
