/** HTML half of the resident's confirmation (pair: resident-confirmation.text.ts). */
import { Lines } from '../../shared/ui/lines';
import { EmailRows, emailDocument } from './email-document';
import type { ResidentEmailModel } from './resident-confirmation.text';

export function residentConfirmationHtml(m: ResidentEmailModel): string {
  return emailDocument(
    'Your report reference',
    <>
      <p>
        Dear <Lines text={m.name} />,
      </p>
      <p>Thank you for your report to the {m.partnershipName}.</p>
      <p style="font-size:24px">
        <strong>Your reference is {m.reference}</strong>
      </p>
      <p>Keep this reference. Quote it if you contact us about this report.</p>
      <p>
        We have passed your report to the partner organisations that deal with it. Someone will contact you if they need more information.
      </p>
      {m.privateLink ? (
        <p>
          <a href={m.privateLink}>Follow your report online</a>: what you told us, who is dealing with it and every update we send. Keep
          this link private, as anyone with it can see your report. Or <a href={`${m.siteUrl}/report/status/`}>check its progress</a> with
          your reference and this email address.
        </p>
      ) : (
        <p>
          See how far your report has got, and any updates we send: <a href={`${m.siteUrl}/report/status/`}>check your report's progress</a>{' '}
          with your reference and this email address.
        </p>
      )}
      {m.answers?.length ? (
        <>
          <h2 style="font-size:19px">A copy of your answers</h2>
          <EmailRows rows={m.answers} />
        </>
      ) : null}
      <p>If you are in danger or a crime is happening now, call 999. For anything else that needs the police, call 101.</p>
      <p>
        <a href={m.siteUrl}>{m.siteUrl}</a>
      </p>
    </>,
  );
}
