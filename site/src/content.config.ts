/**
 * Content collections. Folders, file types and schemas come from
 * shared/contracts/content-collections.ts, which the pack check reads too; Astro validates
 * every file against them and stops the build on the first file that breaks one.
 * The content is the chosen partnership pack's (shared/config/partnership-pack.ts);
 * CONTENT_DIR lets benchmarks build the same site from other content.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CONTENT_COLLECTIONS } from '../../shared/contracts/content-collections';
import { chosenContentDir } from '../../shared/config/partnership-pack';

const base = chosenContentDir();
const C = CONTENT_COLLECTIONS;
/** A collection's files: its folder's files of its type. */
const files = ({ folder, ext }: { folder: string; ext: string }) => glob({ pattern: `*${ext}`, base: `${base}/${folder}` });

export const collections = {
  partnership: defineCollection({ loader: files(C.partnership), schema: C.partnership.schema }),
  plans: defineCollection({ loader: files(C.plans), schema: C.plans.schema }),
  priorities: defineCollection({ loader: files(C.priorities), schema: C.priorities.schema }),
  papers: defineCollection({ loader: files(C.papers), schema: C.papers.schema }),
  performance: defineCollection({ loader: files(C.performance), schema: C.performance.schema }),
  youSaidWeDid: defineCollection({ loader: files(C.youSaidWeDid), schema: C.youSaidWeDid.schema }),
  events: defineCollection({ loader: files(C.events), schema: C.events.schema }),
  polls: defineCollection({ loader: files(C.polls), schema: C.polls.schema }),
};
