/** Pages the poll functions render, loaded only when a page is needed (cold start budget). */
import { h } from 'preact';
import type { Poll } from '../../shared/contracts/poll';
import { html, type HttpResult } from '../adapters/http/responses';
import { renderPage } from '../../shared/ui/layout';
import { Message } from '../../shared/ui/result-pages';

/** A short page: what happened, and where to go next. */
export function messagePage(
  status: number,
  partnershipName: string,
  heading: string,
  message: string,
  poll?: Poll,
  links: { href: string; text: string }[] = [],
): HttpResult {
  const all = [
    ...links,
    ...(poll ? [{ href: `/polls/${poll.id}/`, text: 'Go back to the poll' }] : []),
    { href: '/polls/', text: 'See all polls' },
  ];
  return html(status, renderPage({ title: heading, partnershipName, body: h(Message, { heading, paragraphs: [message], links: all }) }));
}

/** The page for a poll address that names no published poll. */
export const pollNotFoundPage = (partnershipName: string): HttpResult =>
  messagePage(404, partnershipName, 'Poll not found', 'There is no poll at this address. Check the link, or choose a poll from the list.');
