/**
 * The kinds of content a partnership pack publishes: each collection's folder under
 * `<pack>/content`, its file type and its schema. The site's content collections and the
 * pack check both read this list, so they can never disagree about what a file must be.
 */
import {
  datasetSchema,
  eventSchema,
  pageSectionSchema,
  paperSchema,
  partnershipSchema,
  planSchema,
  prioritiesYearSchema,
  youSaidWeDidSchema,
} from './content';
import { pollSchema } from './poll';

export const CONTENT_COLLECTIONS = {
  partnership: { folder: 'partnership', ext: '.json', schema: partnershipSchema },
  plans: { folder: 'plans', ext: '.md', schema: planSchema },
  priorities: { folder: 'priorities', ext: '.json', schema: prioritiesYearSchema },
  papers: { folder: 'papers', ext: '.md', schema: paperSchema },
  performance: { folder: 'performance', ext: '.json', schema: datasetSchema },
  youSaidWeDid: { folder: 'you-said-we-did', ext: '.json', schema: youSaidWeDidSchema },
  events: { folder: 'events', ext: '.json', schema: eventSchema },
  polls: { folder: 'polls', ext: '.json', schema: pollSchema },
  /** privacy.md, accessibility.md: the partnership's section of those pages. */
  pages: { folder: 'pages', ext: '.md', schema: pageSectionSchema },
} as const;

export type ContentCollection = keyof typeof CONTENT_COLLECTIONS;
