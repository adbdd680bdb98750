/**
 * The nightly retrain: once a day, after 02:00 Beijing time, the department routing model is retrained from
 * everything the office has confirmed, corrected or imported since the current version (nothing new: no
 * retrain). The new version replaces the current one only if its held-out macro-F1 is not worse.
 */
import { inChina } from '../../contracts/format';
import { chinaDate } from '../calendar/workdays';
import type { CoreContext } from '../context';
import { retrainRoutingModel } from '../routing/retrainModel';
import { markOnce } from './marks';

const NIGHT_HOUR = 2;

/** Retrains once per Beijing calendar day at or after 02:00; returns 1 when a new version was stored. */
export async function sweepRoutingRetrain(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  if (inChina(now).getUTCHours() < NIGHT_HOUR) return 0;
  const day = chinaDate(now);
  if (!(await markOnce(`routing-retrain:${day}`, 'routing-retrain', now))) return 0;
  const result = await retrainRoutingModel(ctx, null, { reason: 'nightly', onlyIfNew: true, note: `${day} 夜间自动重训` });
  return result.ok && !result.value.skipped ? 1 : 0;
}
