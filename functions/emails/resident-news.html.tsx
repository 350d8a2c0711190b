/** HTML half of the news a resident gets when it matters (pair: resident-news.text.ts). */
import { Lines } from '../../shared/ui/lines';
import { emailDocument } from './email-document';
import { newsParagraphs, newsSubject, type ResidentNewsModel } from './resident-news.text';

export function residentNewsHtml(m: ResidentNewsModel): string {
  return emailDocument(
    newsSubject(m),
    <>
      <p>
        Dear <Lines text={m.name} />,
      </p>
      {newsParagraphs(m).map((p) => (
        <p>{p}</p>
      ))}
      {m.news.event === 'closed' && m.type === 'asb' ? (
        <p>
          <a href={`${m.siteUrl}/case-review/`}>Find out about the ASB Case Review</a>
        </p>
      ) : null}
      {m.privateLink ? (
        <p>
          See your report and every update at <a href={m.privateLink}>your private link</a> (keep it private).
        </p>
      ) : null}
      <p>If you are in danger or a crime is happening now, call 999. For anything else that needs the police, call 101.</p>
      <p>{m.partnershipName}</p>
    </>,
  );
}
