/**
 * Residents' files in tests: a report sent with the form as a browser does, the page for
 * adding files reached from its confirmation, and files posted to the upload form's own
 * address with its own fields, encoded as a browser encodes a form (multipart/form-data).
 */
import sharp from 'sharp';
import { expect } from 'vitest';
import type { LocalStack } from '../../infra/local/local-stack';
import { defaultProfile } from '../../shared/config/load-profile';

/**
 * Holds uploads before their scan while a test looks at the page saying "Being checked"
 * (a scan takes milliseconds, so the page would otherwise race it). Give `beforeScan` to the
 * test's stack; `hold()` holds every upload from then until its release is called.
 */
export function scanGate(): { beforeScan: () => Promise<void>; hold(): () => void } {
  let held: Promise<void> | undefined;
  return {
    beforeScan: async () => held,
    hold() {
      let release!: () => void;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = undefined;
        release();
      };
    },
  };
}

/** The EICAR anti-virus test file (harmless; every scanner is built to detect it). */
export const EICAR = String.raw`X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`;

/** A photo with the camera's make, serial and the place it was taken in its EXIF. */
export async function photoWithLocation(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#884422' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneCo', Model: 'Serial-XYZ-123' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '2/1 35/1 0/1' },
    })
    .toBuffer();
}

/** Sends an anonymous ASB report with the form and returns its reference and the page for adding files. */
export async function reportWithEvidencePage(
  stack: Pick<LocalStack, 'url'>,
  description = 'Fly-tipping behind the shops',
): Promise<{ reference: string; evidencePage: string }> {
  const form = new URLSearchParams({
    type: 'asb',
    asbCategory: 'environmental',
    reporterRole: 'witness',
    description: `${description} ${crypto.randomUUID()}`,
    ongoing: 'true',
    'location.area': defaultProfile().areas[0]!.id,
    anonymous: 'true',
    // Sent from the check-your-answers page, as a browser does.
    step: 'send',
  });
  const sent = await fetch(`${stack.url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: form.toString(),
    redirect: 'manual',
  });
  expect(sent.status).toBe(303);
  const confirmation = sent.headers.get('location')!;
  const reference = confirmation.split('/')[3]!;
  const page = await (await fetch(`${stack.url}${confirmation}`)).text();
  const link = /<a class="govuk-link" href="([^"]+)" id="add-evidence">/.exec(page)?.[1];
  expect(link, 'the confirmation page offers to add files').toBeDefined();
  return { reference, evidencePage: link!.replaceAll('&amp;', '&') };
}

export interface UploadForm {
  action: string;
  fields: [string, string][];
}

/** The upload form on the page for adding files: its address and hidden fields, as a browser sees them. */
export function uploadFormOf(html: string): UploadForm | undefined {
  const form = /<form method="post" action="([^"]+)" enctype="multipart\/form-data" id="evidence-form"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) return undefined;
  const decode = (value: string) =>
    value.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  const fields = [...form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(
    (m) => [decode(m[1]!), decode(m[2]!)] as [string, string],
  );
  return { action: decode(form[1]!), fields };
}

/** Opens the page for adding files, returning its HTML and upload form. */
export async function openEvidencePage(
  stack: Pick<LocalStack, 'url'>,
  path: string,
): Promise<{ status: number; html: string; form: UploadForm | undefined }> {
  const res = await fetch(`${stack.url}${path}`);
  const html = await res.text();
  return { status: res.status, html, form: uploadFormOf(html) };
}

/** Posts one file with the form's fields (the file last), as a browser does; answers without following the redirect. */
export function postFile(
  form: UploadForm,
  file: { name: string; bytes: Uint8Array | string; type?: string },
  change?: (fields: [string, string][]) => [string, string][],
): Promise<Response> {
  const body = new FormData();
  for (const [name, value] of change ? change(form.fields) : form.fields) body.append(name, value);
  body.append(
    'file',
    new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
    file.name,
  );
  return fetch(form.action, { method: 'POST', body, redirect: 'manual' });
}
