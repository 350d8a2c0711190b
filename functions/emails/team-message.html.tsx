/** HTML half of the note to the partnership's team that a resident wrote (pair: team-message.text.ts). */
import { emailDocument } from './email-document';
import { type TeamMessageModel, teamMessageSubject } from './team-message.text';

export function teamMessageHtml(m: TeamMessageModel): string {
  return emailDocument(
    teamMessageSubject(m),
    <>
      <p>
        The resident who made report <strong>{m.reference}</strong> has sent the {m.partnershipName} a message from their private link: "
        {m.about}".
      </p>
      <p>
        <a href={m.caseUrl}>Read it in the officer workspace</a>.
      </p>
    </>,
  );
}
