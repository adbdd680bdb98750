/** A photo's bytes, for a valid signed link (see photoLinks.ts). */
import { PhotoModel } from '../../models/definitions';
import type { CoreContext } from '../context';
import { forbidden, notFound, ok, type Outcome } from '../result';
import { linkIsValid } from './photoLinks';

/** The photo behind a signed link; a wrong or expired link is refused. */
export async function readPhoto(ctx: CoreContext, id: number, query: { exp?: unknown; sig?: unknown }): Promise<Outcome<{ contentType: string; data: Buffer }>> {
  if (!Number.isInteger(id) || id <= 0) return notFound('没有这张照片');
  if (!linkIsValid(ctx.config, id, query.exp, query.sig, ctx.clock.now())) return forbidden('照片链接已失效，请刷新页面');
  const photo = await PhotoModel.findByPk(id);
  if (!photo) return notFound('没有这张照片');
  return ok({ contentType: photo.contentType, data: Buffer.from(photo.data) });
}
