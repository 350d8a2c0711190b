/**
 * The pure parts of residents' files: the upload token, the file-name rule, metadata
 * removed from each kind of file (built here byte by byte, or a HEIC photo made with
 * libheif's encoder: test/fixtures/evidence), GuardDuty's result event, and what the
 * processing decides for outcomes the local scanner does not produce (an unscannable file,
 * a closed report), with in-memory stores.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readScanResult, type ScanResultEvent } from '../../functions/adapters/guardduty/scan-result';
import { mediaTools } from '../../functions/adapters/media/media-tools';
import { stripMp3, stripMp4, stripWav } from '../../functions/adapters/media/strip-containers';
import type { EvidenceFiles, EvidenceStore } from '../../functions/evidence/ports';
import { processUpload } from '../../functions/evidence/process-upload';
import type { EvidenceRecord } from '../../functions/evidence/records';
import { readUploadToken, redactEvidenceQuery, uploadTokenFor } from '../../functions/evidence/upload-token';
import type { StoredReport } from '../../functions/reports/records';
import { fileNameProblem, printableName } from '../../shared/domain/evidence-problems';
import scanResult from '../fixtures/events/guardduty-scan-result.json' with { type: 'json' };

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'evidence');
const ascii = (text: string) => Buffer.from(text, 'latin1');
const u32le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const box = (type: string, ...content: Buffer[]) => {
  const body = Buffer.concat(content);
  return Buffer.concat([u32be(8 + body.length), ascii(type), body]);
};

describe('the upload token', () => {
  const secret = 'a-test-secret';
  const now = new Date('2026-11-30T10:00:00Z');

  it('names its report and expires two hours after it is made', () => {
    const token = uploadTokenFor(secret, 'ABCD2345', now);
    expect(readUploadToken(secret, token, now, 'ABCD2345')).toEqual({
      kind: 'valid',
      reference: 'ABCD2345',
      expiresAt: new Date('2026-11-30T12:00:00Z'),
    });
    expect(readUploadToken(secret, token, new Date('2026-11-30T12:00:01Z')).kind).toBe('expired');
  });

  it('is kept out of request logs, with the file name storage adds after an upload', () => {
    const path = '/api/reports/ABCD2345/evidence?token=ABCD2345.1796063900.abc&bucket=q&key=uploads%2Fid%2FJo%27s%20door.jpg&etag=%22x%22';
    expect(redactEvidenceQuery(path)).toBe('/api/reports/ABCD2345/evidence?token=…&bucket=q&key=…&etag=…');
  });

  it('opens nothing for another report, with another key, or changed in any part', () => {
    const token = uploadTokenFor(secret, 'ABCD2345', now);
    expect(readUploadToken(secret, token, now, 'WXYZ6789').kind).toBe('invalid');
    expect(readUploadToken('another-secret', token, now).kind).toBe('invalid');
    const [reference, expires, signature] = token.split('.');
    expect(readUploadToken(secret, `WXYZ6789.${expires}.${signature}`, now).kind).toBe('invalid');
    expect(readUploadToken(secret, `${reference}.${Number(expires) + 3600}.${signature}`, now).kind).toBe('invalid');
    for (const bad of [undefined, '', 'x', `${token}x`, token.replace('.', '/')])
      expect(readUploadToken(secret, bad, now).kind).toBe('invalid');
  });
});

describe("a file's name", () => {
  it('keeps plain names, in any language and with spaces', () => {
    for (const name of ['bins on fire.jpg', 'Nachbarn – Lärm 02:00.m4a', '写真.png', `${'x'.repeat(196)}.pdf`])
      expect(fileNameProblem(name)).toBeUndefined();
  });

  it('refuses paths, control and direction characters, and more than 200 characters, naming the file', () => {
    expect(fileNameProblem('../etc/passwd')).toMatch(/contains \/ or \\/);
    expect(fileNameProblem('C:\\photos\\a.jpg')).toMatch(/contains \/ or \\/);
    expect(fileNameProblem('a\u0000b.jpg')).toMatch(/"ab\.jpg" contains characters that cannot be shown/);
    expect(fileNameProblem('gpj.\u202eexe.jpg')).toMatch(/cannot be shown/);
    expect(fileNameProblem(`${'y'.repeat(296)}.jpg`)).toMatch(/is 300 characters long\. Rename it to 200 characters or fewer/);
    expect(fileNameProblem('  ')).toMatch(/has no name/);
    expect(printableName(`${'z'.repeat(100)}`)).toHaveLength(58);
  });
});

describe('metadata removed from recordings and videos', () => {
  it('MP3: ID3v2 at the start, APEv2 and ID3v1 at the end; the frames are kept', () => {
    const frames = Buffer.from([0xff, 0xfb, 0x90, 0x64, ...new Array(60).fill(7)]);
    const id3v2Body = Buffer.concat([ascii('TIT2'), u32be(11), Buffer.from([0, 0, 0]), ascii('Lat 51.5N')]);
    const id3v2 = Buffer.concat([ascii('ID3'), Buffer.from([4, 0, 0, 0, 0, 0, id3v2Body.length]), id3v2Body]);
    const apeItems = ascii('ape item: home address');
    const apeFooter = Buffer.concat([ascii('APETAGEX'), u32le(2000), u32le(apeItems.length + 32), u32le(1), u32le(0), Buffer.alloc(8)]);
    const id3v1 = Buffer.concat([ascii('TAG'), Buffer.alloc(125, 0x41)]);
    const stripped = stripMp3(Buffer.concat([id3v2, frames, apeItems, apeFooter, id3v1]));
    expect(Buffer.from(stripped).equals(frames)).toBe(true);
    expect(Buffer.from(stripMp3(frames)).equals(frames)).toBe(true);
  });

  it('WAV: only the format, fact and sound chunks are kept, and the sizes add up', () => {
    const fmt = Buffer.concat([ascii('fmt '), u32le(16), Buffer.alloc(16, 1)]);
    // An odd-sized chunk is followed by a pad byte.
    const list = Buffer.concat([ascii('LIST'), u32le(11), ascii('INFOIARTJoB'), Buffer.alloc(1)]);
    const data = Buffer.concat([ascii('data'), u32le(6), Buffer.from([1, 2, 3, 4, 5, 6])]);
    const body = Buffer.concat([ascii('WAVE'), fmt, list, data]);
    const stripped = Buffer.from(stripWav(Buffer.concat([ascii('RIFF'), u32le(body.length), body])));
    expect(stripped.includes(ascii('IART'))).toBe(false);
    expect(stripped.subarray(12).equals(Buffer.concat([fmt, data]))).toBe(true);
    expect(stripped.readUInt32LE(4)).toBe(stripped.length - 8);
    expect(() => stripWav(ascii('not a wave file at all'))).toThrow();
  });

  it("MP4: user data and metadata are blanked into free boxes of the same size, so the samples' offsets hold", () => {
    const ftyp = box('ftyp', ascii('isom'), u32be(0));
    const moov = box(
      'moov',
      box('mvhd', Buffer.alloc(20, 9)),
      box('udta', box('\u00a9xyz', ascii('+51.5074-000.1278/'))),
      box('trak', box('meta', ascii('Model: Serial-123'))),
    );
    const mdat = box('mdat', Buffer.alloc(32, 5));
    const input = Buffer.concat([ftyp, moov, mdat]);
    const stripped = Buffer.from(stripMp4(input));
    expect(stripped.length).toBe(input.length);
    expect(stripped.includes(ascii('+51.5074'))).toBe(false);
    expect(stripped.includes(ascii('Serial-123'))).toBe(false);
    expect(stripped.includes(ascii('mvhd'))).toBe(true);
    expect(stripped.subarray(stripped.length - mdat.length).equals(mdat)).toBe(true);
    expect(() => stripMp4(Buffer.concat([ftyp, u32be(999), ascii('moov')]))).toThrow(/past its parent/);
  });
});

describe('photos', () => {
  it('are encoded again without EXIF, turned the way the camera said', async () => {
    const original = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#a33' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Model: 'Serial-XYZ-123' } })
      .toBuffer();
    expect(await mediaTools.detect(original)).toBe('image/jpeg');
    const cleaned = await mediaTools.clean(original, 'image/jpeg');
    const metadata = await sharp(cleaned.bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([20, 40]);
  });

  it('HEIC is decoded and kept as JPEG, without its EXIF', async () => {
    const heic = readFileSync(join(fixtures, 'photo-with-exif.heic'));
    expect(heic.includes(ascii('Serial-HEIC-9'))).toBe(true);
    expect(await mediaTools.detect(heic)).toBe('image/heic');
    const cleaned = await mediaTools.clean(heic, 'image/heic');
    expect(cleaned.mediaType).toBe('image/jpeg');
    const metadata = await sharp(cleaned.bytes).metadata();
    expect([metadata.format, metadata.width, metadata.height, metadata.exif]).toEqual(['jpeg', 64, 48, undefined]);
    expect(Buffer.from(cleaned.bytes).includes(ascii('Serial-HEIC-9'))).toBe(false);
  });

  it('refuses an image that declares more pixels than a camera makes (a decompression bomb)', async () => {
    // A valid PNG header declaring 20000 × 20000 pixels, with almost nothing behind it.
    const bomb = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    bomb.writeUInt32BE(20_000, 16);
    bomb.writeUInt32BE(20_000, 20);
    await expect(mediaTools.clean(bomb, 'image/png')).rejects.toThrow();
  });

  it('keeps a PDF as sent, and says so', async () => {
    const pdf = ascii('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    expect(await mediaTools.detect(pdf)).toBe('application/pdf');
    const cleaned = await mediaTools.clean(pdf, 'application/pdf');
    expect(Buffer.from(cleaned.bytes).equals(pdf)).toBe(true);
    expect(cleaned.removed).toMatch(/^Nothing removed/);
  });
});

describe("GuardDuty's scan result", () => {
  const withStatus = (status: string, threats: { name: string }[] | null = null) =>
    ({ ...scanResult, detail: { ...scanResult.detail, scanResultDetails: { scanResultStatus: status, threats } } }) as ScanResultEvent;

  it('reads the object and the verdict from the event', () => {
    expect(readScanResult(scanResult as ScanResultEvent)).toEqual({
      bucket: 'csp-portal-quarantine',
      key: 'uploads/6c61d7e1-cb05-4353-a4be-cb43e63edd73/invoice.pdf',
      verdict: { status: 'threat', threats: ['EICAR-Test-File (not a virus)'] },
    });
    expect(readScanResult(withStatus('NO_THREATS_FOUND')).verdict).toEqual({ status: 'clean' });
    expect(readScanResult(withStatus('UNSUPPORTED')).verdict).toEqual({ status: 'unscannable' });
  });

  it('throws for a scan that did not finish, so the event is tried again and never passes unscanned', () => {
    expect(() => readScanResult(withStatus('FAILED'))).toThrow(/tried again/);
    expect(() => readScanResult(withStatus('ACCESS_DENIED'))).toThrow(/tried again/);
  });
});

describe('processing an upload', () => {
  const secret = 'a-test-secret';
  const now = new Date('2026-11-30T10:00:00Z');
  const key = 'uploads/6c61d7e1-cb05-4353-a4be-cb43e63edd73/noise.m4a';

  function world(report: Partial<StoredReport>, tagged: { scanTag?: string } = { scanTag: 'NO_THREATS_FOUND' }) {
    const { scanTag } = tagged;
    const records: EvidenceRecord[] = [];
    const deleted: string[] = [];
    const read: string[] = [];
    const files: EvidenceFiles = {
      grantUpload: async () => ({ url: '', fields: {}, expiresAt: '' }),
      uploadFacts: async () => ({ size: 3, token: uploadTokenFor(secret, 'ABCD2345', now), uploadedAt: now, scanTag }),
      uploadBytes: async (k) => {
        read.push(k);
        return new Uint8Array([1, 2, 3]);
      },
      deleteUpload: async (k) => void deleted.push(k),
      keep: async () => undefined,
      link: async () => '',
      remove: async () => undefined,
    };
    const evidence: EvidenceStore = {
      list: async () => records,
      get: async () => undefined,
      addAvailable: async (record) => {
        records.push(record);
        return 'added';
      },
      addRefused: async (record) => void records.push(record),
    };
    const stored = {
      reference: 'ABCD2345',
      status: 'new',
      routes: [],
      expiresAt: now.getTime() / 1000 + 86_400,
      ...report,
    } as StoredReport;
    const deps = {
      files,
      evidence,
      reports: { get: async () => stored },
      media: {
        detect: async () => 'audio/x-m4a',
        clean: async () => ({ bytes: new Uint8Array([1]), mediaType: 'audio/x-m4a' as const, removed: '' }),
      },
      profile: { partners: [] },
      secret: async () => secret,
      now: () => now,
    };
    return { deps, records, deleted, read };
  }

  it('refuses a file the scan could not read, and deletes it from quarantine', async () => {
    const { deps, records, deleted } = world({});
    const outcome = await processUpload(deps, key, { status: 'unscannable' });
    expect(outcome).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/We could not check "noise\.m4a" for viruses/) });
    expect(records).toHaveLength(1);
    expect(deleted).toEqual([key]);
  });

  it("keeps nothing the scanner's own tag on the object does not call clean, whatever the event says: it is tried again", async () => {
    for (const tagged of [{}, { scanTag: 'THREATS_FOUND' }]) {
      const { deps, records, deleted } = world({}, tagged);
      await expect(processUpload(deps, key, { status: 'clean' })).rejects.toThrow(/scan tag says/);
      expect(records).toEqual([]);
      expect(deleted).toEqual([]);
    }
  });

  it('refuses a file for a closed report, saying so', async () => {
    const { deps } = world({ status: 'closed' });
    expect(await processUpload(deps, key, { status: 'clean' })).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/is closed/),
    });
  });

  it('keeps a file the scan named a threat in quarantine, for the runbook', async () => {
    const { deps, records, deleted, read } = world({});
    await processUpload(deps, key, { status: 'threat', threats: ['Eicar'] });
    expect(records[0]).toMatchObject({ status: 'refused', threat: 'Eicar' });
    expect(deleted).toEqual([]);
    // Its content is never read into the function.
    expect(read).toEqual([]);
  });

  it('ignores an upload whose report has gone, deleting it', async () => {
    const { deps, records, deleted } = world({ expiresAt: now.getTime() / 1000 - 1 });
    expect(await processUpload(deps, key, { status: 'clean' })).toEqual({ kind: 'ignored', why: 'report gone' });
    expect(records).toEqual([]);
    expect(deleted).toEqual([key]);
  });
});
