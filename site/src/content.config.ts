/**
 * Content collections. Schemas come from shared/contracts/content.ts; Astro validates
 * every file against them and stops the build on the first file that breaks one.
 * The content is the chosen partnership pack's (shared/config/partnership-pack.ts);
 * CONTENT_DIR lets benchmarks build the same site from other content.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import {
  datasetSchema,
  eventSchema,
  paperSchema,
  partnershipSchema,
  planSchema,
  prioritiesYearSchema,
  youSaidWeDidSchema,
} from '../../shared/contracts/content';
import { pollSchema } from '../../shared/contracts/poll';
import { chosenContentDir } from '../../shared/config/partnership-pack';

const base = chosenContentDir();
const from = (folder: string, pattern = '**/*.{json,md}') => glob({ pattern, base: `${base}/${folder}` });

export const collections = {
  partnership: defineCollection({ loader: from('partnership', '*.json'), schema: partnershipSchema }),
  plans: defineCollection({ loader: from('plans', '*.md'), schema: planSchema }),
  priorities: defineCollection({ loader: from('priorities', '*.json'), schema: prioritiesYearSchema }),
  papers: defineCollection({ loader: from('papers', '*.md'), schema: paperSchema }),
  performance: defineCollection({ loader: from('performance', '*.json'), schema: datasetSchema }),
  youSaidWeDid: defineCollection({ loader: from('you-said-we-did', '*.json'), schema: youSaidWeDidSchema }),
  events: defineCollection({ loader: from('events', '*.json'), schema: eventSchema }),
  polls: defineCollection({ loader: from('polls', '*.json'), schema: pollSchema }),
};
