/**
 * Use case: keeps the built site's live regions true (shared/ui/live-region.ts). The home
 * page lists the polls open now and coming up, and "You said, we did" the responses
 * officers published for closed polls: both change with no rebuild, so this runs every
 * minute (a deploy's fresh copy of each page is filled in within a minute too), rewriting a
 * page only when what it says has changed. A page
 * that fails to publish keeps its previous version, and is tried again on the next run.
 */
import { h } from 'preact';
import type { Poll } from '../../shared/contracts/poll';
import { formatLondonDate } from '../../shared/contracts/london-time';
import { pollState } from '../../shared/domain/poll-rules';
import { fillLiveRegion } from '../../shared/ui/live-region';
import { currentPolls, PollListItem } from '../../shared/ui/poll-pages';
import { PollResponse, resultsPath } from '../../shared/ui/poll-results';
import { toHtml } from '../../shared/ui/render';
import type { PollRecord } from '../polls/ports';
import type { SiteFiles } from './ports';

export interface RegionDependencies {
  files: SiteFiles;
  /** Every published poll, as stored now. */
  polls: () => Promise<PollRecord[]>;
  now: () => Date;
}

/** Where each live region is, and what it says. */
const REGIONS: { page: string; name: string; render: (records: PollRecord[], now: Date) => string }[] = [
  {
    page: 'index.html',
    name: 'home-polls',
    render: (records, now) =>
      homePolls(
        records.map((r) => r.poll),
        now,
      ),
  },
  { page: 'you-said-we-did/index.html', name: 'poll-responses', render: (records, now) => pollResponses(records, now) },
];

/** The published files the job rewrites: nothing else. */
export const LIVE_REGION_PAGES = [...new Set(REGIONS.map((r) => r.page))];

function homePolls(polls: Poll[], now: Date): string {
  const current = currentPolls(polls, now);
  if (current.length === 0) return toHtml(h('p', { class: 'govuk-body' }, 'There are no polls open or planned at the moment.'));
  return toHtml(
    h(
      'ul',
      { class: 'govuk-list portal-poll-list' },
      current.map((poll) => h(PollListItem, { poll, now })),
    ),
  );
}

function pollResponses(records: PollRecord[], now: Date): string {
  const answered = records
    .filter((r) => r.response && pollState(r.poll, now) === 'closed')
    .sort((a, b) => b.poll.closesAt.localeCompare(a.poll.closesAt));
  return toHtml(
    answered.map(({ poll, response }) =>
      h(
        'section',
        null,
        h('h2', { class: 'govuk-heading-m' }, poll.title),
        h(
          'p',
          { class: 'govuk-body-s' },
          `Online poll, closed ${formatLondonDate(poll.closesAt)}. `,
          h('a', { class: 'govuk-link', href: resultsPath(poll.id) }, 'See the results'),
        ),
        h(PollResponse, { response: response!, headingLevel: 3 }),
      ),
    ),
  );
}

export async function refreshSiteRegions(deps: RegionDependencies): Promise<{ changed: string[]; failed: string[] }> {
  const records = await deps.polls();
  const now = deps.now();
  const changed: string[] = [];
  const failed: string[] = [];
  for (const page of LIVE_REGION_PAGES) {
    try {
      const before = await deps.files.read(page);
      if (before === undefined) continue;
      let after: string = before;
      for (const region of REGIONS.filter((r) => r.page === page))
        after = fillLiveRegion(after, region.name, region.render(records, now)) ?? after;
      if (after === before) continue;
      await deps.files.write(page, after);
      changed.push(page);
    } catch {
      failed.push(page);
    }
  }
  return { changed, failed };
}
