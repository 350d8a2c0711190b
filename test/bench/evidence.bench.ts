/**
 * A resident's 5 MB photo from upload to available, on the local stack: the browser's
 * form post to the local S3 (policy checked), ClamAV's scan, the processing function
 * (type check, decoding and encoding again without metadata, the clean copy kept, the
 * record written) until the page lists it as added. The floor is a bare PutObject of the
 * same bytes to the same local S3, in the same run: what storing the file costs at all.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { openEvidencePage, postFile, reportWithEvidencePage } from '../support/evidence';
import { startTestStack } from '../support/local-stack';
import { median, percentile } from './stats';

export interface EvidenceFigures {
  photos: number;
  photoBytes: number;
  uploadP50Ms: number;
  processP50Ms: number;
  availableP50Ms: number;
  availableP95Ms: number;
  barePutP50Ms: number;
  ratioP50: number;
  errors: number;
}

/** A JPEG of about 5 MB: noise does not compress, so its size is what a phone's photo of a busy scene weighs. */
async function fiveMegabytePhoto(): Promise<Buffer> {
  const width = 2800;
  const height = 2150;
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .withExif({ IFD0: { Make: 'PhoneCo', Model: 'Serial-XYZ-123' } })
    .toBuffer();
}

export async function benchEvidence(photos = 10, log = console.log): Promise<EvidenceFigures> {
  const stack = await startTestStack();
  try {
    const photo = await fiveMegabytePhoto();
    log(`  a ${(photo.length / 1024 / 1024).toFixed(1)} MB photo, ${photos} times, one after another…`);
    const uploads: number[] = [];
    const processing: number[] = [];
    const available: number[] = [];
    const bare: number[] = [];
    let errors = 0;
    let page = await reportWithEvidencePage(stack);
    let onPage = 0;
    for (let i = -1; i < photos; i++) {
      // Five files a report: a new report after every fifth photo.
      if (onPage === 5) {
        page = await reportWithEvidencePage(stack);
        onPage = 0;
      }
      onPage++;
      const { form } = await openEvidencePage(stack, page.evidencePage);
      const started = performance.now();
      const sent = await postFile(form!, { name: `photo ${i}.jpg`, bytes: photo });
      const uploaded = performance.now();
      await stack.evidenceIdle();
      const listed = await openEvidencePage(stack, page.evidencePage);
      const done = performance.now();
      if (sent.status !== 303 || !listed.html.includes(`photo ${i}.jpg</td>`) || listed.html.includes('Not added')) errors++;
      const putStarted = performance.now();
      await stack.s3.client.send(new PutObjectCommand({ Bucket: stack.s3.quarantine, Key: `bench/${i}`, Body: photo }));
      const put = performance.now() - putStarted;
      // The first of each is a warm-up.
      if (i < 0) continue;
      uploads.push(uploaded - started);
      processing.push(done - uploaded);
      available.push(done - started);
      bare.push(put);
    }
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      photos,
      photoBytes: photo.length,
      uploadP50Ms: round(median(uploads)),
      processP50Ms: round(median(processing)),
      availableP50Ms: round(median(available)),
      availableP95Ms: round(percentile(available, 95)),
      barePutP50Ms: round(median(bare)),
      ratioP50: round((median(available) / median(bare)) * 100) / 100,
      errors,
    };
  } finally {
    await stack.stop();
  }
}
