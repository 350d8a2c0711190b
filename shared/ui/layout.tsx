/**
 * The page frame (head, header, footer) shared by the Astro site and the pages the API
 * renders (form errors, confirmation), so both look and behave the same.
 */
import type { ComponentChildren } from 'preact';
import { bundledProfile } from '../config/bundled-profile';
import { toDocument } from './render';

const STYLESHEET = '/assets/portal.css';
/** Form components: only pages with a form load them. */
const FORMS_STYLESHEET = '/assets/forms.css';

const NAV_LINKS = [
  { href: '/report/', text: 'Report a problem' },
  { href: '/polls/', text: 'Have your say' },
  { href: '/plans/', text: 'Plans' },
  { href: '/priorities/', text: 'Priorities' },
  { href: '/papers/', text: 'Board papers' },
  { href: '/performance/', text: 'Performance' },
  { href: '/events/', text: 'Events' },
  { href: '/case-review/', text: 'ASB Case Review' },
  { href: '/search/', text: 'Search' },
];

/** `workspace` adds the officer workspace's stylesheet (tables, tags, filters, print). */
export function Head({
  title,
  description = '',
  forms = false,
  workspace = false,
}: {
  title: string;
  description?: string;
  forms?: boolean;
  workspace?: boolean;
}) {
  return (
    <>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      {description ? <meta name="description" content={description} /> : null}
      <meta name="theme-color" content="#1d3557" />
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href={STYLESHEET} />
      {forms ? <link rel="stylesheet" href={FORMS_STYLESHEET} /> : null}
      {workspace ? (
        <>
          <meta name="robots" content="noindex" />
          <link rel="stylesheet" href="/assets/workspace.css" />
        </>
      ) : null}
    </>
  );
}

export function Header({ partnershipName }: { partnershipName: string }) {
  return (
    <>
      <a href="#main-content" class="govuk-skip-link">
        Skip to main content
      </a>
      <header class="portal-header">
        <div class="govuk-width-container">
          <a class="portal-header__name" href="/">
            {partnershipName}
          </a>
          <nav aria-label="Main">
            <ul class="portal-nav">
              {NAV_LINKS.map((l) => (
                <li>
                  <a href={l.href}>{l.text}</a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
    </>
  );
}

/** How residents reach the partnership, as the profile gives it. */
export interface PartnershipContact {
  team: string;
  email: string;
  phone: string;
  hours: string;
}

/** The contact details as a sentence (footer, accessibility statement, pages that say "contact us"). */
export function Contact({ contact }: { contact: PartnershipContact }) {
  return (
    <>
      {contact.team}. Email{' '}
      <a class="govuk-link" href={`mailto:${contact.email}`}>
        {contact.email}
      </a>{' '}
      or phone {contact.phone} ({contact.hours}).
    </>
  );
}

export function Footer({ contact }: { contact: PartnershipContact }) {
  return (
    <footer class="portal-footer">
      <div class="govuk-width-container">
        <h2 class="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">Contact the partnership</h2>
        <p class="govuk-body-s">
          <Contact contact={contact} />
        </p>
        <h2 class="govuk-visually-hidden">Support links</h2>
        <ul>
          <li>
            <a class="govuk-link" href="/report/status/">
              Check a report's progress
            </a>
          </li>
          <li>
            <a class="govuk-link" href="/about/">
              About the partnership
            </a>
          </li>
          <li>
            <a class="govuk-link" href="/privacy/">
              Privacy notice
            </a>
          </li>
          <li>
            <a class="govuk-link" href="/accessibility/">
              Accessibility statement
            </a>
          </li>
          <li>
            <a class="govuk-link" href="/you-said-we-did/">
              You said, we did
            </a>
          </li>
          <li>
            <a class="govuk-link" href="/papers/rss.xml">
              RSS feed
            </a>
          </li>
        </ul>
        <p class="govuk-body-s portal-small-print">In an emergency call 999. For non-emergencies call 101.</p>
      </div>
    </footer>
  );
}

/** A whole document, for pages the API renders. */
export function renderPage(options: {
  title: string;
  partnershipName: string;
  body: ComponentChildren;
  forms?: boolean;
  description?: string;
  /** Module scripts (this site's own files) that enhance the page; it works without them. */
  scripts?: string[];
}): string {
  return toDocument(
    <html lang="en-GB" class="govuk-template">
      <head>
        <Head
          title={`${options.title} - ${options.partnershipName}`}
          forms={options.forms ?? true}
          description={options.description ?? ''}
        />
        {(options.scripts ?? []).map((src) => (
          <script type="module" src={src} />
        ))}
      </head>
      <body class="govuk-template__body">
        <Header partnershipName={options.partnershipName} />
        <div class="govuk-width-container">
          <main class="govuk-main-wrapper" id="main-content">
            {options.body}
          </main>
        </div>
        <Footer contact={bundledProfile.contact} />
      </body>
    </html>,
  );
}
