/**
 * Content collections. Folders, file types and schemas come from
 * shared/contracts/content-collections.ts, which the pack check reads too; the build first checks
 * the whole pack (shared/config/check-pack.ts), then Astro validates each file as it loads it.
 * The content is the chosen partnership pack's (shared/config/partnership-pack.ts);
 * CONTENT_DIR lets benchmarks build the same site from other content.
 * Polls are not built into pages: the pack's poll files are checked with the rest of the
 * pack, then imported into the polls table, which the poll pages are rendered from.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CONTENT_COLLECTIONS } from '../../shared/contracts/content-collections';
import { checkPack, describeProblems } from '../../shared/config/check-pack';
import { chosenContentDir, chosenPackDir } from '../../shared/config/partnership-pack';

const base = chosenContentDir();
// The whole pack is checked before a page is built, so `astro build` run alone stops on the
// same list of problems, file by file and field by field, as `npm run partnership -- check`.
const packReport = checkPack(chosenPackDir(), { contentDir: base });
if (packReport.problems.length) throw new Error(describeProblems(chosenPackDir(), packReport));
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
  pages: defineCollection({ loader: files(C.pages), schema: C.pages.schema }),
};
