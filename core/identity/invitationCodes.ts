/** Invitation codes: random, short enough to type, stored only as a keyed hash; the link and QR code carrying one. */
import { createHmac, randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import { INVITATION_ALPHABET, INVITATION_LENGTH } from '../../contracts/identity';
import type { Config } from '../config';

/** A fresh random code of the unambiguous alphabet (31^8 ≈ 8.5 × 10^11 possibilities). */
export function newInvitationCode(): string {
  let code = '';
  for (let i = 0; i < INVITATION_LENGTH; i++) code += INVITATION_ALPHABET[randomInt(INVITATION_ALPHABET.length)];
  return code;
}

/** The code as stored: HMAC-SHA256 with the server's secret, so a copy of the database does not give the codes away. */
export function invitationHash(config: Config, normalisedCode: string): string {
  return createHmac('sha256', `invitation:${config.jwtSecret}`).update(normalisedCode).digest('hex');
}

/**
 * The sign-in page's address carrying the code: the H5 app under PUBLIC_URL. The mini-program opens the same
 * address when WeChat's 扫普通链接二维码打开小程序 is configured for the `/app/` prefix (the page reads `q`).
 */
export function invitationUrl(config: Config, code: string): string {
  const base = (config.publicUrl ?? `http://127.0.0.1:${config.port}`).replace(/\/+$/, '');
  return `${base}/app/#/pages/login/index?invitation=${code}`;
}

/** The QR code of `text` as a PNG data URL. */
export function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 360 });
}
