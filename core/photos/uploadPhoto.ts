/** A citizen or deputy uploads a photo (JPEG, PNG or WebP, up to 3 MB) to attach to what they are writing. */
import { PhotoModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { forbidden, invalid, ok, type Outcome } from '../result';
import { photoUrl } from './photoLinks';

/** The largest photo accepted. */
export const MAX_PHOTO_BYTES = 3 * 1024 * 1024;

/** The image type by its first bytes (never by what the client claims). */
function imageType(data: Buffer): string | null {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length > 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length > 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
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
