/** Reading a request's raw body (file uploads), with a size limit, and the format of an uploaded table. */
import type { Context } from 'koa';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The format of an uploaded table from `?format=` or its content type, or null. */
export function uploadFormat(ctx: Context): 'csv' | 'xlsx' | null {
  const q = String(ctx.query.format ?? '').toLowerCase();
  if (q === 'csv' || q === 'xlsx') return q;
  if (ctx.is('text/csv', 'text/plain')) return 'csv';
  if (ctx.is(XLSX_TYPE, 'application/octet-stream')) return 'xlsx';
  return null;
}

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
