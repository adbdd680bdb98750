/** Reading a request's raw body (file uploads), with a size limit. */
import type { Context } from 'koa';

/** The raw request body, or null when it is larger than `limit` bytes. */
export async function rawBody(ctx: Context, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
