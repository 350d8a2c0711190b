/**
 * The one answer for a private link that opens nothing, wherever the link leads (the
 * report page, its forms, the Case Review form): the same page for a wrong key, a
 * replaced link and a deleted report, so it reveals nothing, and a wait with
 * Retry-After once the caller has tried too many. A page for browsers, a message for JSON.
 */
import { h } from 'preact';
import type { Profile } from '../../shared/config/profile-schema';
import { renderPage } from '../../shared/ui/layout';
import { Message } from '../../shared/ui/result-pages';
import { html, jsonMessage, type HttpResult } from '../adapters/http/responses';

/** Why a private link opened nothing. */
export type LinkRefusal = { kind: 'limited'; retryAfterSeconds: number } | { kind: 'not-found' };

/** Private pages are never indexed. */
export const PRIVATE = { 'X-Robots-Tag': 'noindex' };

/** What the resident can do instead, whatever the reason. */
const notWorking = (contact: Profile['contact']) => [
  'The link may be mistyped or incomplete, it may have been replaced by a newer one, or the report may have been deleted after the time we keep reports.',
  'If you gave an email address, you can check your report with its reference and that address.',
  `Otherwise contact the ${contact.team} (${contact.email}, ${contact.phone}) and quote your reference. If you are in danger, call 999.`,
];

export function refuseLink(
  refusal: LinkRefusal,
  options: { asPage: boolean; partnership: Pick<Profile, 'name' | 'contact'>; also?: { href: string; text: string }[] },
): HttpResult {
  const page = (status: number, title: string, paragraphs: string[], links: { href: string; text: string }[], headers = {}) =>
    html(
      status,
      renderPage({
        title,
        partnershipName: options.partnership.name,
        forms: true,
        body: h(Message, { heading: title, paragraphs, links }),
      }),
      { ...PRIVATE, ...headers },
    );
  if (refusal.kind === 'limited') {
    const retryAfter = { 'Retry-After': String(refusal.retryAfterSeconds) };
    if (!options.asPage) return jsonMessage(429, 'Too many attempts: wait and try again', retryAfter);
    const wait = `Please wait ${Math.ceil(refusal.retryAfterSeconds / 60)} minutes and open the link again. If you are in danger, call 999.`;
    return page(429, 'Too many attempts', [wait], [], retryAfter);
  }
  if (!options.asPage) return jsonMessage(404, 'This link does not work');
  return page(404, 'This link does not work', notWorking(options.partnership.contact), [
    { href: '/report/status/', text: 'Check a report with its reference and email address' },
    ...(options.also ?? []),
  ]);
}
