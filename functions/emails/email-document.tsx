/** The frame of every HTML email: one column of plain text styles that mail clients keep inline. */
import type { ComponentChildren } from 'preact';
import { toDocument } from '../../shared/ui/render';

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
