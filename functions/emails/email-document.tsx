/** The frame of every HTML email: one column of plain text styles that mail clients keep inline. */
import type { ComponentChildren } from 'preact';
import type { Row } from '../../shared/domain/describe-report';
import { Lines } from '../../shared/ui/lines';
import { toDocument } from '../../shared/ui/render';

/** Labelled answers as a two-column table (mail clients drop the site's stylesheets). */
export function EmailRows({ rows }: { rows: readonly Row[] }) {
  return (
    <table>
      {rows.map((r) => (
        <tr>
          <th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0">
            {r.label}
          </th>
          <td style="padding:4px 0">
            <Lines text={r.value} />
          </td>
        </tr>
      ))}
    </table>
  );
}

export function emailDocument(title: string, body: ComponentChildren): string {
  return toDocument(
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>{title}</title>
      </head>
      <body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c">{body}</body>
    </html>,
  );
}
