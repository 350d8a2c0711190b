/** HTML half of an officer's update to the resident (pair: resident-update.text.ts). */
import { Lines } from '../../shared/ui/lines';
import { emailDocument } from './email-document';
import type { ResidentUpdateModel } from './resident-update.text';

export function residentUpdateHtml(m: ResidentUpdateModel): string {
  return emailDocument(
    'An update on your report',
    <>
      <p>
        Dear <Lines text={m.name} />,
      </p>
      <p>
        There is an update on your report <strong>{m.reference}</strong> to the {m.partnershipName}:
      </p>
      <blockquote style="border-left:4px solid #b1b4b6;margin:0;padding:0 0 0 12px">
        <Lines text={m.message} />
      </blockquote>
      {m.privateLink ? (
        <p>
          See your report and every update at <a href={m.privateLink}>your private link</a>.
        </p>
      ) : (
        <p>
          You can <a href={m.statusUrl}>check the status of your report</a> at any time with your reference and this email address.
        </p>
      )}
      <p>If you are in danger or a crime is happening now, call 999. For anything else that needs the police, call 101.</p>
    </>,
  );
}
