/**
 * The page frame (head, header, footer) shared by the Astro site and the pages the API
 * renders (form errors, confirmation), so both look and behave the same.
 */
import { escapeHtml } from './escape';

export const STYLESHEET = '/assets/portal.css';

export interface NavLink {
  href: string;
  text: string;
}

export const NAV_LINKS: NavLink[] = [
  { href: '/report/', text: 'Report anti-social behaviour or hate crime' },
  { href: '/privacy/', text: 'Privacy' },
];

export function headHtml(title: string, description = ''): string {
  return `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${description ? `<meta name="description" content="${escapeHtml(description)}">` : ''}
<meta name="theme-color" content="#1d3557">
<link rel="stylesheet" href="${STYLESHEET}">`;
}

export function headerHtml(partnershipName: string): string {
  return `<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="portal-header">
  <div class="govuk-width-container">
    <a class="portal-header__name" href="/">${escapeHtml(partnershipName)}</a>
    <nav aria-label="Main">
      <ul class="portal-nav">${NAV_LINKS.map((l) => `<li><a href="${l.href}">${escapeHtml(l.text)}</a></li>`).join('')}</ul>
    </nav>
  </div>
</header>`;
}

export function footerHtml(): string {
  return `<footer class="portal-footer">
  <div class="govuk-width-container">
    <h2 class="govuk-visually-hidden">Support links</h2>
    <ul>
      <li><a class="govuk-link" href="/privacy/">Privacy notice</a></li>
      <li><a class="govuk-link" href="/report/">Report anti-social behaviour or hate crime</a></li>
    </ul>
    <p class="govuk-body-s govuk-!-margin-top-3 govuk-!-margin-bottom-0">In an emergency call 999. For non-emergencies call 101.</p>
  </div>
</footer>`;
}

/** A whole document, for pages the API renders. */
export function renderPage(options: { title: string; partnershipName: string; body: string }): string {
  return `<!doctype html>
<html lang="en-GB" class="govuk-template">
<head>
${headHtml(`${options.title} - ${options.partnershipName}`)}
</head>
<body class="govuk-template__body">
${headerHtml(options.partnershipName)}
<div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
${options.body}
</main>
</div>
${footerHtml()}
</body>
</html>
`;
}
