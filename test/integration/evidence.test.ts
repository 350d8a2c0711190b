/**
 * Residents' files on the local stack: posted with the browser's form encoding straight to
 * the local S3 under the upload policy, scanned by ClamAV's engine, cleaned and kept, or
 * refused with a message naming the file. Whatever a file does, the report is kept and
 * nothing is stored outside quarantine.
 */
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/local-stack';
import { EICAR, openEvidencePage, photoWithLocation, postFile, reportWithEvidencePage, uploadFormOf } from '../support/evidence';
import { startTestStack } from '../support/local-stack';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const keysIn = async (bucket: string, prefix: string) =>
  ((await stack.s3.client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!);

/** A report and its page for adding files, with the upload form it shows. */
async function freshReport() {
  const { reference, evidencePage } = await reportWithEvidencePage(stack);
  const page = await openEvidencePage(stack, evidencePage);
  expect(page.status).toBe(200);
  expect(page.form).toBeDefined();
  return { reference, evidencePage, form: page.form! };
}

/** Posts one file through the page's form, follows storage's redirect back, and waits for its check. */
async function upload(evidencePage: string, file: { name: string; bytes: Uint8Array | string }) {
  const { form } = await openEvidencePage(stack, evidencePage);
  const sent = await postFile(form!, file);
  expect(sent.status).toBe(303);
  const back = new URL(sent.headers.get('location')!);
  const checking = await (await fetch(back)).text();
  await stack.evidenceIdle();
  const after = await openEvidencePage(stack, evidencePage);
  return { back, checking, after };
}

describe('a resident adds a photo to their report', () => {
  it('is scanned, stripped of its location and camera details, kept beside the report, and listed', async () => {
    const { reference, evidencePage, form } = await freshReport();
    // The policy binds the upload to the report's token and a key of its own.
    const fields = new Map(form.fields);
    expect(fields.get('key')).toMatch(/^uploads\/[0-9a-f-]{36}\/\$\{filename\}$/);
    expect(fields.get('x-amz-meta-token')).toMatch(new RegExp(`^${reference}\\.`));
    const original = await photoWithLocation();
    expect((await sharp(original).metadata()).exif?.toString('latin1')).toContain('Serial-XYZ-123');

    const { back, checking, after } = await upload(evidencePage, { name: 'bins on fire.jpg', bytes: original });
    // Storage sent the browser back to the page, which shows the file while it is checked.
    expect(back.pathname).toBe(`/api/reports/${reference}/evidence`);
    expect(checking).toContain('Being checked');
    expect(checking).toContain('bins on fire.jpg');
    expect(after.html).toContain('Added');
    expect(after.html).toMatch(/bins on fire\.jpg<\/td>/);
    expect(after.html).toContain('JPEG photo');
    expect(after.html).toContain('You can add 4 more files');

    const kept = await keysIn(stack.s3.evidence, `reports/${reference}/`);
    expect(kept).toHaveLength(1);
    const object = await stack.s3.client.send(new GetObjectCommand({ Bucket: stack.s3.evidence, Key: kept[0] }));
    expect(object.ContentType).toBe('image/jpeg');
    const clean = await object.Body!.transformToByteArray();
    const metadata = await sharp(clean).metadata();
    expect(metadata.exif).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([64, 48]);
    // The upload has left quarantine.
    expect(await keysIn(stack.s3.quarantine, `uploads/${fields.get('key')!.split('/')[1]}/`)).toEqual([]);
  });
});

describe('files that are refused', () => {
  /** Each refused file: the page names it with what to do; nothing is kept for the report; the report stays. */
  async function expectRefused(file: { name: string; bytes: Uint8Array | string }, message: RegExp) {
    const { reference, evidencePage } = await freshReport();
    const { after } = await upload(evidencePage, file);
    expect(after.status).toBe(200);
    expect(after.html).toContain('Not added');
    expect(after.html).toContain('govuk-error-summary');
    expect(after.html).toMatch(message);
    expect(await keysIn(stack.s3.evidence, `reports/${reference}/`)).toEqual([]);
    // The report is still there, and can still take files.
    expect(after.html).toContain(`Report ${reference}`);
    expect(uploadFormOf(after.html)).toBeDefined();
    return { reference, after };
  }

  it('refuses the EICAR test file by the scan, and keeps it in quarantine for the runbook', async () => {
    const { reference } = await expectRefused(
      { name: 'invoice.pdf', bytes: EICAR },
      /Our virus check found something harmful in &quot;invoice\.pdf&quot;/,
    );
    const quarantined = await keysIn(stack.s3.quarantine, 'uploads/');
    const heads = await Promise.all(
      quarantined.map((key) => stack.s3.client.send(new HeadObjectCommand({ Bucket: stack.s3.quarantine, Key: key }))),
    );
    expect(heads.some((h) => h.Metadata?.token?.startsWith(`${reference}.`))).toBe(true);
  });

  it('refuses a program named .jpg by what its bytes are', async () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(120).fill(0)]);
    await expectRefused(
      { name: 'holiday.jpg', bytes: elf },
      /&quot;holiday\.jpg&quot; is not a photo, recording, video or PDF that we accept, whatever its name says/,
    );
  });

  it('refuses a zip (a zip bomb, say) named .png', async () => {
    // A zip's local file header: what a renamed archive starts with, however much it unpacks to.
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, ...new Array(200).fill(0)]);
    await expectRefused({ name: 'photo.png', bytes: zip }, /&quot;photo\.png&quot; is not a photo/);
  });

  it('refuses an empty file', async () => {
    await expectRefused({ name: 'empty.jpg', bytes: new Uint8Array() }, /&quot;empty\.jpg&quot; is empty \(0 bytes\)/);
  });

  it('refuses names with path separators, control characters or 300 characters', async () => {
    const photo = await photoWithLocation();
    await expectRefused({ name: '../../etc/passwd.jpg', bytes: photo }, /contains \/ or \\\. Rename the file/);
    await expectRefused({ name: 'a\u0007b.jpg', bytes: photo }, /contains characters that cannot be shown/);
    await expectRefused({ name: `${'x'.repeat(296)}.jpg`, bytes: photo }, /is 300 characters long\. Rename it to 200 characters or fewer/);
  });
});
