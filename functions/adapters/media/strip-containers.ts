/**
 * Metadata removed from recordings and videos without touching their sound or pictures.
 * No maintained npm library rewrites these containers in place without re-encoding (the
 * tools that do, such as ffmpeg, are native programs a Lambda does not have), and each
 * format's metadata sits in a few well-specified places, so it is removed here by rule:
 * - MP3: ID3v2 tags at the start, an APEv2 tag and an ID3v1 tag at the end;
 * - WAV: every chunk but the format, fact and sound data (LIST/INFO, bext, iXML and the like);
 * - MP4 and M4A: user-data, metadata and XMP boxes (`udta`, `meta`, `uuid`), which hold the
 *   place, the device and the titles, are turned into `free` boxes of the same size, their
 *   content zeroed: the offsets the file's sample tables point at stay valid.
 * Kept: the streams themselves, and the creation times inside the movie header.
 */

const ascii = (bytes: Uint8Array, at: number, length = 4) => String.fromCharCode(...bytes.subarray(at, at + length));

/** MP3 without its ID3v2, APEv2 and ID3v1 tags. */
export function stripMp3(input: Uint8Array): Uint8Array {
  let start = 0;
  // ID3v2: "ID3", version (2), flags (1), size (4 bytes of 7 bits); a footer adds 10. Tags may repeat.
  while (input.length - start >= 10 && ascii(input, start, 3) === 'ID3') {
    const size =
      ((input[start + 6]! & 0x7f) << 21) |
      ((input[start + 7]! & 0x7f) << 14) |
      ((input[start + 8]! & 0x7f) << 7) |
      (input[start + 9]! & 0x7f);
    const footer = input[start + 5]! & 0x10 ? 10 : 0;
    start += 10 + size + footer;
  }
  let end = input.length;
  if (end - start >= 128 && ascii(input, end - 128, 3) === 'TAG') end -= 128;
  // APEv2: a 32-byte footer "APETAGEX" whose size covers the items and the footer, plus a header if flagged.
  if (end - start >= 32 && ascii(input, end - 32, 8) === 'APETAGEX') {
    const view = new DataView(input.buffer, input.byteOffset + end - 32, 32);
    const size = view.getUint32(12, true);
    const hasHeader = (view.getUint32(20, true) & 0x80000000) !== 0;
    end = Math.max(start, end - size - (hasHeader ? 32 : 0));
  }
  return input.slice(Math.min(start, end), end);
}

const WAV_KEPT = new Set(['fmt ', 'fact', 'data']);

/** WAV with only its format, fact and sound data chunks. Throws when it is not a RIFF/WAVE file. */
export function stripWav(input: Uint8Array): Uint8Array {
  if (input.length < 12 || ascii(input, 0) !== 'RIFF' || ascii(input, 8) !== 'WAVE') throw new Error('Not a WAV file');
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const kept: Uint8Array[] = [];
  for (let at = 12; at + 8 <= input.length; ) {
    const id = ascii(input, at);
    const size = view.getUint32(at + 4, true);
    const next = at + 8 + size + (size % 2);
    if (WAV_KEPT.has(id)) kept.push(input.subarray(at, Math.min(next, input.length)));
    at = next;
  }
  if (!kept.some((chunk) => ascii(chunk, 0) === 'data')) throw new Error('WAV file has no sound data');
  const body = kept.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(12 + body);
  out.set(input.subarray(0, 12));
  new DataView(out.buffer).setUint32(4, 4 + body, true);
  let at = 12;
  for (const chunk of kept) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Boxes whose children are boxes, walked to find metadata inside them. */
const MP4_CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'dinf', 'moof', 'traf', 'mvex']);
const MP4_METADATA = new Set(['udta', 'meta', 'uuid', 'XMP_']);

/** MP4 or M4A with its metadata boxes blanked into `free` boxes. Throws when its boxes do not add up. */
export function stripMp4(input: Uint8Array): Uint8Array {
  const out = input.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const walk = (from: number, to: number, depth: number) => {
    for (let at = from; at + 8 <= to; ) {
      let size = view.getUint32(at);
      let header = 8;
      if (size === 1) {
        size = Number(view.getBigUint64(at + 8));
        header = 16;
      } else if (size === 0) size = to - at;
      if (size < header || at + size > to) throw new Error('MP4 box runs past its parent');
      const type = ascii(out, at + 4);
      if (MP4_METADATA.has(type) && depth <= 3) {
        out.set([0x66, 0x72, 0x65, 0x65], at + 4); // "free"
        out.fill(0, at + header, at + size);
      } else if (MP4_CONTAINERS.has(type)) walk(at + header, at + size, depth + 1);
      at += size;
    }
  };
  if (ascii(out, 4) !== 'ftyp') throw new Error('Not an MP4 file');
  walk(0, out.length, 0);
  return out;
}
