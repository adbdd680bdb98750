/** A citizen or deputy uploads a photo (JPEG, PNG or WebP, up to 3 MB) to attach to what they are writing. */
import { PhotoModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { forbidden, invalid, ok, type Outcome } from '../result';
import { photoUrl } from './photoLinks';

/** The largest photo accepted. */
export const MAX_PHOTO_BYTES = 3 * 1024 * 1024;

/** JPEG start-of-frame markers (every SOFn except DHT C4, JPG C8 and DAC CC). */
const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** A whole JPEG: start of image, well-formed segments up to the scan with a frame header before it, end of image after it. */
function isJpeg(data: Buffer): boolean {
  if (data.length < 16 || data[0] !== 0xff || data[1] !== 0xd8) return false;
  let pos = 2;
  let frame = false;
  while (pos + 4 <= data.length) {
    if (data[pos] !== 0xff) return false;
    while (data[pos] === 0xff && pos < data.length - 1) pos++;
    const marker = data[pos];
    pos++;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd8 || marker === 0xd9 || marker === 0x00 || pos + 2 > data.length) return false;
    const length = data.readUInt16BE(pos);
    if (length < 2 || pos + length > data.length) return false;
    if (JPEG_SOF.has(marker)) {
      if (length < 8) return false;
      const width = data.readUInt16BE(pos + 5);
      const components = data[pos + 7];
      if (width === 0 || components < 1 || components > 4) return false;
      frame = true;
    }
    if (marker === 0xda) {
      // The entropy-coded scan follows; the image must end with EOI after it (trailing padding allowed).
      const end = data.lastIndexOf(Buffer.from([0xff, 0xd9]));
      return frame && end > pos + length;
    }
    pos += length;
  }
  return false;
}

/** A whole PNG: signature, a valid IHDR first, image data, chunks that fit, and IEND. */
function isPng(data: Buffer): boolean {
  if (data.length < 8 + 25 + 12 + 12 || !data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return false;
  if (data.readUInt32BE(8) !== 13 || data.toString('latin1', 12, 16) !== 'IHDR') return false;
  const [width, height, depth, colour] = [data.readUInt32BE(16), data.readUInt32BE(20), data[24], data[25]];
  if (!width || !height || width > 0x7fffffff || height > 0x7fffffff || ![1, 2, 4, 8, 16].includes(depth) || ![0, 2, 3, 4, 6].includes(colour)) return false;
  let pos = 8;
  let idat = false;
  while (pos + 12 <= data.length) {
    const length = data.readUInt32BE(pos);
    const type = data.toString('latin1', pos + 4, pos + 8);
    if (!/^[A-Za-z]{4}$/.test(type) || pos + 12 + length > data.length) return false;
    if (type === 'IDAT') idat = true;
    if (type === 'IEND') return idat;
    pos += 12 + length;
  }
  return false;
}

/** A whole WebP: a RIFF container whose size matches the file, holding a VP8, VP8L or VP8X image chunk. */
function isWebp(data: Buffer): boolean {
  if (data.length < 30 || data.toString('latin1', 0, 4) !== 'RIFF' || data.toString('latin1', 8, 12) !== 'WEBP') return false;
  const size = data.readUInt32LE(4) + 8;
  if (size > data.length || size < data.length - 1) return false;
  const chunk = data.toString('latin1', 12, 16);
  const length = data.readUInt32LE(16);
  if (20 + length > size) return false;
  if (chunk === 'VP8 ') return length >= 10 && data[23] === 0x9d && data[24] === 0x01 && data[25] === 0x2a;
  if (chunk === 'VP8L') return length >= 5 && data[20] === 0x2f;
  return chunk === 'VP8X' && length === 10;
}

/** The image type by its bytes, checked whole (never by what the client claims): JPEG, PNG or WebP. */
export function imageType(data: Buffer): string | null {
  if (isJpeg(data)) return 'image/jpeg';
  if (isPng(data)) return 'image/png';
  if (isWebp(data)) return 'image/webp';
  return null;
}

/** Stores the photo, not yet attached to anything; returns its id and a link to show it. */
export async function uploadPhoto(ctx: CoreContext, actor: Actor, data: Buffer): Promise<Outcome<{ id: number; url: string }>> {
  if (actor.role !== 'citizen' && actor.role !== 'deputy') return forbidden('只有代表和群众可以上传照片');
  if (!data.length) return invalid('请选择一张照片');
  if (data.length > MAX_PHOTO_BYTES) return invalid('照片太大了（上限 3 MB），请压缩后再传');
  const contentType = imageType(data);
  if (!contentType) return invalid('请上传 JPG、PNG 或 WebP 格式的照片');
  const now = ctx.clock.now();
  const photo = await PhotoModel.create({ suggestionId: null, uploaderUserId: actor.id, contentType, size: data.length, data, createdAt: now });
  return ok({ id: photo.id, url: photoUrl(ctx.config, photo.id, now) });
}
