/** HTML half of the ASB Case Review emails (pair: case-review.text.ts). */
import { Lines } from '../../shared/ui/lines';
import type { CaseReviewEmailModel } from './case-review.text';
import { emailDocument } from './email-document';

export function caseReviewHtml(m: CaseReviewEmailModel): string {
  return emailDocument(
    m.subject,
    <>
      {m.name ? (
        <p>
          Dear <Lines text={m.name} />,
        </p>
      ) : null}
      {m.paragraphs.map((p) => (
        <p>
          <Lines text={p} />
        </p>
      ))}
      {m.recommendations.length ? (
        <>
          <p>Recommendations:</p>
          <ul>
            {m.recommendations.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {m.workspaceUrl ? (
        <p>
          <a href={m.workspaceUrl}>Read it in the officer workspace</a>
        </p>
      ) : null}
      {m.name ? <p>If you are in danger or a crime is happening now, call 999.</p> : null}
      <p>{m.partnershipName}</p>
    </>,
  );
}
