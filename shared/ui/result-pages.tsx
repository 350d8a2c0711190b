/** Pages the API renders after a form submission: the confirmation and plain error pages. */

/** The page after a report is sent; `privateLink` is the path of the resident's private link, if they have one. */
export function Confirmation({
  reference,
  privateLink,
  evidenceLink,
}: {
  reference: string;
  privateLink?: string | undefined;
  /** The page for adding photos, recordings or documents to the report (its token lasts 2 hours). */
  evidenceLink?: string | undefined;
}) {
  return (
    <>
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title">Report sent</h1>
        <div class="govuk-panel__body">
          Your reference is
          <br />
          <strong class="portal-reference" id="reference">
            {reference}
          </strong>
        </div>
      </div>
      <p class="govuk-body">Write this reference down or take a screenshot. Quote it if you contact us about this report.</p>
      {evidenceLink && <EvidenceInvitation href={evidenceLink} />}
      {privateLink && (
        <>
          <h2 class="govuk-heading-m">Your private link to this report</h2>
          <p class="govuk-body">
            <a class="govuk-link portal-private-link" href={privateLink}>
              Follow your report online
            </a>
          </p>
          <p class="govuk-body">
            It shows what you told us, who is dealing with it and every update we send. Bookmark it or save it somewhere safe: anyone with
            the link can see your report, and we will not show it again on this page after today. If you gave an email address, it is in
            your confirmation email too.
          </p>
        </>
      )}
      <p class="govuk-body">
        If you gave us an email address, we have sent the reference to it, and you can{' '}
        <a class="govuk-link" href="/report/status/">
          check your report's progress
        </a>{' '}
        with the reference and that address.
      </p>
      <h2 class="govuk-heading-m">What happens next</h2>
      <p class="govuk-body">
        We have passed your report to the partner organisations that deal with it, such as the council's anti-social behaviour team or the
        police. They will contact you if you said they could and they need more information.
      </p>
      <div class="govuk-inset-text">
        If you are in danger or a crime is happening now, call 999. For anything else that needs the police, call 101.
      </div>
      <p class="govuk-body">
        <a class="govuk-link" href="/report/">
          Make another report
        </a>
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href="/">
          Go to the home page
        </a>
      </p>
    </>
  );
}

interface Link {
  href: string;
  text: string;
}

/** A short page for errors that are not about a field (too large, service unavailable): what happened, and where to go next. */
export function Message({
  heading,
  paragraphs,
  links = [{ href: '/report/', text: 'Go back to the report form' }],
}: {
  heading: string;
  paragraphs: string[];
  links?: Link[];
}) {
  return (
    <>
      <h1 class="govuk-heading-l">{heading}</h1>
      {paragraphs.map((p) => (
        <p class="govuk-body">{p}</p>
      ))}
      {links.map((l) => (
        <p class="govuk-body">
          <a class="govuk-link" href={l.href}>
            {l.text}
          </a>
        </p>
      ))}
    </>
  );
}

/** Where a resident adds photos, recordings or documents to their report (the confirmation and their private page). */
export function EvidenceInvitation({ href, files = 0 }: { href: string; files?: number }) {
  return (
    <>
      <h2 class="govuk-heading-m">Add photos, recordings or documents</h2>
      <p class="govuk-body">
        {files
          ? `You have added ${files === 1 ? '1 file' : `${files} files`} to this report. `
          : 'If you have photos, recordings, videos or documents that show what happened, you can add up to 5 to your report. '}
        Location and camera details are removed from photos before anyone sees them.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href={href} id="add-evidence">
          {files ? 'Add or check files' : 'Add photos, recordings or documents'}
        </a>
      </p>
    </>
  );
}
