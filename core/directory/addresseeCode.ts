/**
 * Where a citizen lands to write to a deputy or station: the mini-program page with its `scene`, the H5 link,
 * and the real mini-program code (小程序码) of that page from WeChat. The H5 build keeps the link (any QR
 * scanner opens it); the mini-program code opens the mini-program itself.
 */
import type { Config } from '../config';
import type { Actor, CoreContext } from '../context';
import { ok, type Outcome } from '../result';
import { miniProgramCode, type MiniProgramCode } from '../wechat/miniProgramCode';
import { getAddressee, type AddresseeView } from './getAddressee';

/** The mini-program page of the opinion form; it reads `scene` (d=<deputy user id> or s=<station id>). */
export const ADDRESSEE_PAGE = 'pages/compose/index';

/** The `scene` of an addressee's code: `d=<deputy's user id>` or `s=<station id>` (WeChat allows 32 characters). */
export function addresseeScene(v: AddresseeView): string {
  return v.kind === 'deputy' ? `d=${v.user!.id}` : `s=${v.station!.id}`;
}

/** The H5 link of the opinion form addressed to `v` (under PUBLIC_URL). */
export function addresseeLink(config: Config, v: AddresseeView): string {
  const base = (config.publicUrl ?? `http://127.0.0.1:${config.port}`).replace(/\/+$/, '');
  const to = v.kind === 'deputy' ? `deputy=${encodeURIComponent(v.user!.username)}` : `station=${v.station!.id}`;
  const name = v.kind === 'deputy' ? v.deputy!.name : v.station!.name;
  return `${base}/app/#/${ADDRESSEE_PAGE}?${to}&name=${encodeURIComponent(name)}`;
}

export interface AddresseeCodeView {
  addressee: AddresseeView;
  page: string;
  scene: string;
  link: string;
  code: MiniProgramCode;
}

/** The mini-program code of an addressee's opinion form, for any signed-in person (the addressee is public). */
export async function addresseeCode(
  ctx: CoreContext,
  _actor: Actor,
  rawQuery: unknown,
  options: { width?: number; envVersion?: 'release' | 'trial' | 'develop' } = {},
): Promise<Outcome<AddresseeCodeView>> {
  const found = await getAddressee(rawQuery);
  if (!found.ok) return found;
  const scene = addresseeScene(found.value);
  const code = await miniProgramCode(ctx, { page: ADDRESSEE_PAGE, scene, ...options });
  if (!code.ok) return code;
  return ok({ addressee: found.value, page: ADDRESSEE_PAGE, scene, link: addresseeLink(ctx.config, found.value), code: code.value });
}
