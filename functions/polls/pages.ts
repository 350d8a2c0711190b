/** Pages the poll functions render, loaded only when a page is needed (cold start budget). */
import type { Poll } from '../../shared/contracts/poll';
import { html, type HttpResult } from '../adapters/http/responses';
import { escapeHtml } from '../../shared/ui/escape';
import { renderPage } from '../../shared/ui/layout';

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
  const body = `<h1 class="govuk-heading-l">${escapeHtml(heading)}</h1>
<p class="govuk-body">${escapeHtml(message)}</p>
${all.map((l) => `<p class="govuk-body"><a class="govuk-link" href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a></p>`).join('\n')}`;
  return html(status, renderPage({ title: heading, partnershipName, body }));
}
