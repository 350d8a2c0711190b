/**
 * Reading and cleaning residents' files: the type from the content (`file-type`), photos
 * decoded and encoded again without their metadata (`sharp`; HEIC, which sharp's own
 * build cannot decode, through `heic-decode`), recordings and videos stripped by rule
 * (strip-containers.ts). PDF documents are kept as sent.
 */
import { fileTypeFromBuffer } from 'file-type';
import type { EvidenceMediaType } from '../../../shared/contracts/evidence-types';
import type { CleanedFile, MediaTools } from '../../evidence/ports';
import { stripMp3, stripMp4, stripWav } from './strip-containers';

/**
 * Pixels an image may have: 50 million is a 50-megapixel camera's photo. A "decompression
 * bomb" (a small file that declares a vast image) is refused before it is decoded.
 */
const MAX_PIXELS = 50_000_000;

const PHOTO_REMOVED = 'Location (GPS), camera, date and all other metadata removed: the picture was encoded again.';

async function photo(bytes: Uint8Array, mediaType: EvidenceMediaType): Promise<CleanedFile> {
  // Loaded with the first photo: recordings and documents never need libvips.
  const { default: sharp } = await import('sharp');
  if (mediaType === 'image/heic' || mediaType === 'image/heif') {
    const { default: decode } = await import('heic-decode');
    const image = await decode({ buffer: bytes });
    if (image.width * image.height > MAX_PIXELS) throw new Error('Image too large');
    const jpeg = await sharp(Buffer.from(image.data.buffer), { raw: { width: image.width, height: image.height, channels: 4 } })
      .jpeg({ quality: 90 })
      .toBuffer();
    return { bytes: jpeg, mediaType: 'image/jpeg', removed: `${PHOTO_REMOVED} HEIC photos are kept as JPEG.` };
  }
  // rotate() turns the picture the way its EXIF orientation said, before that is dropped;
  // sharp writes no metadata unless asked to.
  const pipeline = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
  const format =
    mediaType === 'image/png'
      ? pipeline.png()
      : mediaType === 'image/webp'
        ? pipeline.webp({ quality: 90 })
        : pipeline.jpeg({ quality: 90 });
  return { bytes: await format.toBuffer(), mediaType, removed: PHOTO_REMOVED };
}

export const mediaTools: MediaTools = {
  async detect(bytes) {
    return (await fileTypeFromBuffer(bytes))?.mime;
  },
  async clean(bytes, mediaType) {
    switch (mediaType) {
      case 'image/jpeg':
      case 'image/png':
      case 'image/webp':
      case 'image/heic':
      case 'image/heif':
        return photo(bytes, mediaType);
      case 'audio/mpeg':
        return {
          bytes: stripMp3(bytes),
          mediaType,
          removed: 'ID3 and APE tags (titles, names, pictures, dates) removed; the sound is unchanged.',
        };
      case 'audio/wav':
        return {
          bytes: stripWav(bytes),
          mediaType,
          removed: 'Information chunks (names, software, dates) removed; the sound is unchanged.',
        };
      case 'audio/x-m4a':
      case 'audio/mp4':
      case 'video/mp4':
        return {
          bytes: stripMp4(bytes),
          mediaType,
          removed:
            'User data and metadata (location, device, titles) blanked; the sound and picture, and the recording time in the file header, are unchanged.',
        };
      case 'application/pdf':
        return { bytes, mediaType, removed: 'Nothing removed: PDF documents are kept as sent, with their author and software details.' };
    }
  },
};
