/** RSS feed of board papers and "you said, we did" updates, newest first. */
import rss from '@astrojs/rss';
import { getCollection } from 'astro:content';
import type { APIContext } from 'astro';
import { defaultProfile } from '../../../../shared/config/load-profile';

export async function GET(context: APIContext) {
  const papers = (await getCollection('papers')).map((p) => ({
    title: p.data.title,
    pubDate: new Date(p.data.meetingDate),
    description: p.data.summary,
    link: `/papers/${p.id}/`,
  }));
  const updates = (await getCollection('youSaidWeDid')).map((u) => ({
    title: `You said, we did: ${u.data.title}`,
    pubDate: new Date(u.data.date),
    description: u.data.weDid.join(' '),
    link: '/you-said-we-did/',
  }));
  return rss({
    title: `${defaultProfile().name}: board papers and updates`,
    description: 'New partnership board papers and reports back on consultations.',
    site: context.site ?? 'http://localhost:4321',
    items: [...papers, ...updates].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime()),
  });
}
