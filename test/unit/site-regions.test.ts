// The published polls' copy, the live-regions job with its files in memory, and the S3 adapter with fake clients (the one place a mocked AWS client is allowed).
import { describe, expect, it } from 'vitest';
import { NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { createS3SiteFiles } from '../../functions/adapters/s3/site-files';
import { refreshSiteRegions } from '../../functions/site-regions/refresh';
import { CATALOGUE_TTL_MS, publishedPolls } from '../../functions/polls/catalogue';
import type { SiteFiles } from '../../functions/site-regions/ports';
import type { PollRecord } from '../../functions/polls/ports';
import { fillLiveRegion, liveRegion } from '../../shared/ui/live-region';
import { pollSchema } from '../../shared/contracts/poll';
import { testPolls } from '../support/test-polls';

const NOW = new Date('2026-12-01T12:00:00Z');
const record = (overrides: Record<string, unknown>, response?: PollRecord['response']): PollRecord => ({
  poll: pollSchema.parse({ ...testPolls.open, ...overrides }),
  status: 'scheduled',
  source: 'workspace',
  version: 1,
  response,
});

function memoryFiles(initial: Record<string, string>, failing?: string) {
  const files = new Map(Object.entries(initial));
  const writes: string[] = [];
  const site: SiteFiles = {
    read: async (path) => files.get(path),
    write: async (path, body) => {
      if (path === failing) throw new Error('S3 down');
      writes.push(path);
      files.set(path, body);
    },
  };
  return { site, files, writes };
}

describe('live regions', () => {
  it('fills only between their markers, and leaves a page without them alone', () => {
    const page = `<main>${liveRegion('a', 'old')}<p>kept</p></main>`;
    expect(fillLiveRegion(page, 'a', '<b>new</b>')).toBe(`<main>${liveRegion('a', '<b>new</b>')}<p>kept</p></main>`);
    expect(fillLiveRegion('<main></main>', 'a', 'x')).toBeUndefined();
  });

  it('list the polls open and coming on the home page and the responses to closed ones, rewriting a page only when it changes', async () => {
    const { site, files, writes } = memoryFiles({
      'index.html': `<main>${liveRegion('home-polls', 'At build')}</main>`,
      'you-said-we-did/index.html': `<main>${liveRegion('poll-responses', '')}</main>`,
    });
    const polls = [
      record({ id: 'open-one', title: 'Open <one>', opensAt: '2026-11-01T00:00:00Z', closesAt: '2027-01-01T00:00:00Z' }),
      record({ id: 'coming', title: 'Coming', opensAt: '2026-12-10T00:00:00Z', closesAt: '2027-01-01T00:00:00Z' }),
      record(
        { id: 'closed', title: 'Closed poll', opensAt: '2026-10-01T00:00:00Z', closesAt: '2026-11-01T00:00:00Z' },
        { weDid: ['More patrols & <lights>'], actions: [], publishedBy: 'o', publishedAt: NOW.toISOString() },
      ),
    ];
    const deps = { files: site, polls: async () => polls, now: () => NOW };
    expect(await refreshSiteRegions(deps)).toEqual({ changed: ['index.html', 'you-said-we-did/index.html'], failed: [] });
    const home = files.get('index.html')!;
    expect(home).toContain('Open &lt;one>');
    expect(home).toContain('Open now');
    expect(home).toContain('Opens soon');
    expect(home).not.toContain('Closed poll');
    expect(files.get('you-said-we-did/index.html')).toContain('More patrols &amp; &lt;lights>');
    // Nothing changed: nothing is written again.
    expect(await refreshSiteRegions(deps)).toEqual({ changed: [], failed: [] });
    expect(writes).toHaveLength(2);
    // No polls at all: the home page says so.
    await refreshSiteRegions({ ...deps, polls: async () => [] });
    expect(files.get('index.html')).toContain('There are no polls open or planned at the moment.');
  });

  it('keep a page that fails to publish as it was, and still publish the others', async () => {
    const { site, files } = memoryFiles(
      {
        'index.html': `<main>${liveRegion('home-polls', 'At build')}</main>`,
        'you-said-we-did/index.html': `<main>${liveRegion('poll-responses', 'Before')}</main>`,
      },
      'index.html',
    );
    const result = await refreshSiteRegions({ files: site, polls: async () => [], now: () => NOW });
    expect(result).toEqual({ changed: ['you-said-we-did/index.html'], failed: ['index.html'] });
    expect(files.get('index.html')).toContain('At build');
  });
});

describe('the S3 adapter for the published site', () => {
  it('reads a page, publishes a new one with a short cache time, and invalidates both of its addresses', async () => {
    const s3Calls: { name: string; input: Record<string, unknown> }[] = [];
    const s3 = {
      send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
        s3Calls.push({ name: command.constructor.name, input: command.input });
        if (command.constructor.name === 'GetObjectCommand' && command.input.Key === 'missing.html')
          throw new NoSuchKey({ message: 'no', $metadata: {} });
        return { Body: { transformToString: async () => '<p>page</p>' } };
      },
    } as unknown as S3Client;
    const invalidations: Record<string, unknown>[] = [];
    const cloudFront = {
      send: async (command: { input: Record<string, unknown> }) => void invalidations.push(command.input),
    } as unknown as CloudFrontClient;
    const files = createS3SiteFiles(s3, 'site-bucket', { client: cloudFront, distributionId: 'E123' });
    expect(await files.read('you-said-we-did/index.html')).toBe('<p>page</p>');
    expect(await files.read('missing.html')).toBeUndefined();
    await files.write('you-said-we-did/index.html', '<p>new</p>');
    expect(s3Calls.at(-1)).toEqual({
      name: 'PutObjectCommand',
      input: expect.objectContaining({ Bucket: 'site-bucket', Key: 'you-said-we-did/index.html', CacheControl: 'public, max-age=60' }),
    });
    expect(invalidations[0]).toMatchObject({
      DistributionId: 'E123',
      InvalidationBatch: { Paths: { Quantity: 2, Items: ['/you-said-we-did/index.html', '/you-said-we-did/'] } },
    });
  });
});

describe('the published polls a page reads', () => {
  it('keep a copy for half a minute, but ask the table about a poll the copy does not have yet', async () => {
    const stored = new Map<string, PollRecord>();
    let lists = 0;
    const store = {
      list: async () => {
        lists++;
        return [...stored.values()];
      },
      get: async (id: string) => stored.get(id),
    };
    let now = 0;
    const polls = publishedPolls(store, () => now);
    expect(await polls.list()).toEqual([]);
    stored.set('new', record({ id: 'new' }));
    stored.set('draft', { ...record({ id: 'draft' }), status: 'draft' });
    // Published since the copy was made: found all the same; a draft never is.
    expect((await polls.get('new'))?.id).toBe('new');
    expect(await polls.get('draft')).toBeUndefined();
    expect(await polls.list()).toEqual([]);
    expect(lists).toBe(1);
    now = CATALOGUE_TTL_MS;
    expect((await polls.list()).map((r) => r.poll.id)).toEqual(['new']);
    expect(lists).toBe(2);
  });
});
