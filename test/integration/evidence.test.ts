/**
 * Residents' files on the local stack: posted with the browser's form encoding straight to
 * the local S3 under the upload policy, scanned by ClamAV's engine, cleaned and kept, or
 * refused with a message naming the file. Whatever a file does, the report is kept and
 * nothing is stored outside quarantine.
 */
import { GetObjectCommand, GetObjectTaggingCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { LOCAL_S3_KEYS } from '../../functions/adapters/s3/object-links';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/local-stack';
import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { keys } from '../../functions/adapters/dynamodb/table-definition';
import { FILE_NAME_PLACEHOLDER } from '../../functions/evidence/records';
import { createS3EvidenceFiles } from '../../functions/adapters/s3/evidence-files';
import { localDynamoClient } from '../../infra/local/dynamodb-local';
import { defaultProfile } from '../../shared/config/load-profile';
import { EVIDENCE_LIMITS } from '../../shared/contracts/evidence-types';
import { EICAR, openEvidencePage, photoWithLocation, postFile, reportWithEvidencePage, scanGate, uploadFormOf } from '../support/evidence';
import { startTestStack, waitForEmails } from '../support/local-stack';
import { callApi, signInDemoUsers } from '../support/officer';

interface CaseView {
  routes: { partnerId: string; dataLevel: string }[];
  evidence?: { id: string; name: string; mediaType: string; kind: string; scan: string; cleaned: string }[];
  evidenceWithheld?: number;
  timeline: { text: string }[];
}

let stack: LocalStack;
let tokens: Awaited<ReturnType<typeof signInDemoUsers>>;
const scans = scanGate();
beforeAll(async () => {
  stack = await startTestStack({ beforeScan: scans.beforeScan });
  tokens = await signInDemoUsers(stack);
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
  // Held before its scan until the page it comes back to has been read.
  const releaseScans = scans.hold();
  let back: URL;
  let checking: string;
  try {
    const sent = await postFile(form!, file);
    expect(sent.status).toBe(303);
    back = new URL(sent.headers.get('location')!);
    checking = await (await fetch(back)).text();
  } finally {
    releaseScans();
  }
  await stack.evidenceIdle();
  // The page again, as "Refresh this page" asks for it: with the file just sent in view.
  const after = await openEvidencePage(stack, `${back.pathname}${back.search}`);
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

    // An officer sees it listed with what was done to it, and opens it through an address made for them.
    const officerCase = await callApi<CaseView>(stack, tokens.officer!.access, `/api/officer/reports/${reference}`);
    expect(officerCase.status).toBe(200);
    const [file] = officerCase.body.evidence!;
    expect(file).toMatchObject({ name: 'bins on fire.jpg', mediaType: 'image/jpeg', kind: 'photo', scan: 'No threats found' });
    expect(file!.cleaned).toMatch(/Location \(GPS\), camera/);
    const opened = await callApi<{ url: string }>(
      stack,
      tokens.officer!.access,
      `/api/officer/reports/${reference}/evidence/${file!.id}?download=true`,
    );
    expect(opened.status).toBe(200);
    const served = await fetch(opened.body.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-disposition')).toMatch(/^attachment; filename="bins on fire\.jpg"/);
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(clean))).toBe(true);
    // The address is signed: changed, it opens nothing.
    expect((await fetch(opened.body.url.replace(/X-Amz-Signature=[0-9a-f]{4}/, 'X-Amz-Signature=0000'))).status).toBe(403);
    // The opening is in the report's audit trail, as it happened.
    const admin = await callApi<CaseView>(stack, tokens.admin!.access, `/api/officer/reports/${reference}`);
    expect(admin.body.timeline.map((t) => t.text)).toContain(`Downloaded file ${file!.id} (JPEG photo)`);

    // Partners: one whose access includes files opens it; one at a lower data level is told only how many there are.
    const routes = officerCase.body.routes;
    const full = routes.find((r) => r.dataLevel === 'full')!.partnerId;
    const lower = routes.find((r) => r.dataLevel !== 'full')!.partnerId;
    const partnerFull = await callApi<CaseView>(stack, tokens[full]!.access, `/api/officer/reports/${reference}`);
    expect(partnerFull.body.evidence).toHaveLength(1);
    const partnerLower = await callApi<CaseView>(stack, tokens[lower]!.access, `/api/officer/reports/${reference}`);
    expect(partnerLower.body.evidence).toBeUndefined();
    expect(partnerLower.body.evidenceWithheld).toBe(1);
    expect(partnerLower.text).not.toContain('bins on fire');
    const refused = await callApi(stack, tokens[lower]!.access, `/api/officer/reports/${reference}/evidence/${file!.id}`);
    expect(refused.status).toBe(403);

    // Only partners who may open files are emailed, with the count and the workspace's address, never the file.
    const fullEmail = defaultProfile().partners.find((p) => p.id === full)!.email;
    const lowerEmail = defaultProfile().partners.find((p) => p.id === lower)!.email;
    const emails = await waitForEmails(stack, (all) =>
      all.some((e) => e.subject.startsWith('New evidence') && e.subject.includes(reference)),
    );
    const about = emails.filter((e) => e.subject.startsWith('New evidence') && e.subject.includes(reference));
    expect(about.map((e) => e.destination.to[0])).toContain(fullEmail);
    expect(about.map((e) => e.destination.to[0])).not.toContain(lowerEmail);
    expect(about[0]!.body.text).toContain('The report now has 1 file.');
    expect(about[0]!.body.text).toContain(`/officer/report/?ref=${reference}`);
    expect(about[0]!.body.text).not.toContain('bins on fire');
  });

  it("deletes the kept file when its record is removed at the end of the report's retention", async () => {
    const { reference, evidencePage } = await freshReport();
    await upload(evidencePage, { name: 'graffiti.jpg', bytes: await photoWithLocation() });
    const [kept] = await keysIn(stack.s3.evidence, `reports/${reference}/`);
    expect(kept).toBeDefined();
    // DynamoDB's TTL removes every item of the report in the days after its retention ends: here, the file's record.
    const client = localDynamoClient(stack.dynamoDbEndpoint);
    await client.send(new DeleteItemCommand({ TableName: stack.tableName, Key: marshall(keys.evidence(reference, kept!.split('/')[2]!)) }));
    await stack.streamIdle();
    expect(await keysIn(stack.s3.evidence, `reports/${reference}/`)).toEqual([]);
    client.destroy();
  });
});

describe('what storage refuses before anything is kept', () => {
  it('enforces the upload policy: size, the token, the key and no unchecked fields', async () => {
    const { reference, form } = await freshReport();
    const photo = await photoWithLocation();
    const swap = (name: string, value: string) => (fields: [string, string][]) =>
      fields.map(([n, v]): [string, string] => (n === name ? [n, value] : [n, v]));
    const refusals = [
      await postFile(form, { name: 'big.jpg', bytes: new Uint8Array(EVIDENCE_LIMITS.bytes + 1) }),
      await postFile(form, { name: 'a.jpg', bytes: photo }, swap('x-amz-meta-token', 'ZZZZZZZZ.1999999999.forged')),
      await postFile(form, { name: 'a.jpg', bytes: photo }, swap('key', `uploads/elsewhere/${FILE_NAME_PLACEHOLDER}`)),
      await postFile(form, { name: 'a.jpg', bytes: photo }, swap('success_action_redirect', 'https://attacker.example/')),
      await postFile(form, { name: 'a.jpg', bytes: photo }, (fields) => [...fields, ['x-amz-meta-extra', 'yes']]),
    ];
    expect(refusals.map((r) => r.status)).toEqual([400, 403, 403, 403, 403]);
    expect(await refusals[0]!.text()).toContain('<Code>EntityTooLarge</Code>');
    expect(await refusals[4]!.text()).toContain('Extra input fields: x-amz-meta-extra');
    await stack.evidenceIdle();
    expect(await keysIn(stack.s3.quarantine, `uploads/${new Map(form.fields).get('key')!.split('/')[1]}/`)).toEqual([]);
    expect(await keysIn(stack.s3.evidence, `reports/${reference}/`)).toEqual([]);
  });

  it('refuses a policy past its expiry', async () => {
    const { form } = await freshReport();
    // A policy is signed over its expiry: one signed an hour ago (the SDK's own clock offset) to last a minute, with the same keys.
    const client = new S3Client({
      region: 'eu-west-2',
      endpoint: stack.s3.endpoint,
      forcePathStyle: true,
      credentials: LOCAL_S3_KEYS,
      systemClockOffset: -3_600_000,
    });
    const token = new Map(form.fields).get('x-amz-meta-token')!;
    const past = await createPresignedPost(client, {
      Bucket: stack.s3.quarantine,
      Key: `uploads/00000000-0000-4000-8000-000000000000/${FILE_NAME_PLACEHOLDER}`,
      Fields: { 'x-amz-meta-token': token },
      Expires: 60,
    });
    client.destroy();
    const sent = await postFile(
      { action: past.url, fields: Object.entries(past.fields) },
      { name: 'a.jpg', bytes: await photoWithLocation() },
    );
    expect(sent.status).toBe(403);
    expect(await sent.text()).toContain('Policy expired');
  });
});

describe('the upload token', () => {
  it('opens only the report it was made for, and only for two hours', async () => {
    const first = await reportWithEvidencePage(stack);
    const second = await reportWithEvidencePage(stack);
    const token = new URL(first.evidencePage, stack.url).searchParams.get('token')!;
    // Reused for another report: the page and the grant both refuse it.
    const other = await fetch(`${stack.url}/api/reports/${second.reference}/evidence?token=${encodeURIComponent(token)}`);
    expect(other.status).toBe(404);
    expect(await other.text()).toContain('This page for adding files does not work');
    const grant = await callApi(stack, undefined, `/api/reports/${second.reference}/evidence/grants`, { body: { token } });
    expect(grant.status).toBe(404);
    expect((await callApi(stack, undefined, `/api/reports/${first.reference}/evidence/grants`, { body: { token } })).status).toBe(201);
    // Expired: a page that says so and how to get a new one.
    stack.advanceClock(2 * 3_600_000 + 60_000);
    const expired = await fetch(`${stack.url}${first.evidencePage}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Open your report again from its private link');
  });

  it('is refused by the processing when it does not verify, so a file reaches no report', async () => {
    const { reference } = await freshReport();
    // Signed with the local keys, but with a token the portal did not make: S3 would store it; the portal ignores it.
    const files = createS3EvidenceFiles({ region: 'eu-west-2', endpoint: stack.s3.endpoint }, stack.s3);
    const forged = await files.grantUpload({
      key: `uploads/11111111-1111-4111-8111-111111111111/${FILE_NAME_PLACEHOLDER}`,
      token: `${reference}.1999999999.${'A'.repeat(43)}`,
      expiresInSeconds: 60,
    });
    expect(
      (await postFile({ action: forged.url, fields: Object.entries(forged.fields) }, { name: 'a.jpg', bytes: await photoWithLocation() }))
        .status,
    ).toBe(201);
    await stack.evidenceIdle();
    expect(await keysIn(stack.s3.evidence, `reports/${reference}/`)).toEqual([]);
    expect(await keysIn(stack.s3.quarantine, 'uploads/11111111-1111-4111-8111-111111111111/')).toEqual([]);
    expect(uploadFormOf((await openEvidencePage(stack, (await reportWithEvidencePage(stack)).evidencePage)).html)).toBeDefined();
  });
});

describe('five files a report', () => {
  it('takes five, then offers no more, and refuses a sixth sent on an older form', async () => {
    const { reference, evidencePage } = await freshReport();
    const photo = await photoWithLocation();
    // Six forms opened before any file is sent: five files fit, the sixth does not.
    const forms = await Promise.all(Array.from({ length: 6 }, async () => (await openEvidencePage(stack, evidencePage)).form!));
    const sent = await Promise.all(forms.map((form, i) => postFile(form, { name: `photo ${i + 1}.jpg`, bytes: photo })));
    expect(sent.map((r) => r.status)).toEqual([303, 303, 303, 303, 303, 303]);
    await stack.evidenceIdle();
    const after = await openEvidencePage(stack, evidencePage);
    expect((after.html.match(/>Added</g) ?? []).length).toBe(5);
    expect(after.html).toMatch(/already has 5 files, the most one report can have, so &quot;photo \d\.jpg&quot; was not added/);
    expect(after.form).toBeUndefined();
    expect(after.html).toContain('This report has 5 files, the most one report can have.');
    expect(await keysIn(stack.s3.evidence, `reports/${reference}/`)).toHaveLength(5);
    const token = new URL(evidencePage, stack.url).searchParams.get('token')!;
    expect((await callApi(stack, undefined, `/api/reports/${reference}/evidence/grants`, { body: { token } })).status).toBe(409);
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
    // Opened later, the page lists the refusal with its reason, but no longer as a problem to fix now.
    const later = await openEvidencePage(stack, evidencePage);
    expect(later.html).toContain('Not added');
    expect(later.html).not.toContain('govuk-error-summary');
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
    const kept = quarantined[heads.findIndex((h) => h.Metadata?.token?.startsWith(`${reference}.`))];
    expect(kept).toBeDefined();
    // Tagged by the scan as GuardDuty tags it, for the runbook.
    const tags = await stack.s3.client.send(new GetObjectTaggingCommand({ Bucket: stack.s3.quarantine, Key: kept }));
    expect(tags.TagSet).toEqual([{ Key: 'GuardDutyMalwareScanStatus', Value: 'THREATS_FOUND' }]);
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

  it('refuses an empty file, and says so when the form was sent with no file chosen', async () => {
    await expectRefused({ name: 'empty.jpg', bytes: new Uint8Array() }, /&quot;empty\.jpg&quot; is empty \(0 bytes\)/);
    await expectRefused({ name: '', bytes: new Uint8Array() }, /No file was chosen\. Choose a file, then press &quot;Upload file&quot;\./);
  });

  it('refuses names with path separators, control characters or 300 characters', async () => {
    const photo = await photoWithLocation();
    await expectRefused({ name: '../../etc/passwd.jpg', bytes: photo }, /contains \/ or \\\. Rename the file/);
    await expectRefused({ name: 'a\u0007b.jpg', bytes: photo }, /contains characters that cannot be shown/);
    await expectRefused({ name: `${'x'.repeat(296)}.jpg`, bytes: photo }, /is 300 characters long\. Rename it to 200 characters or fewer/);
  });
});
