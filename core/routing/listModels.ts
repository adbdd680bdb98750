/** The stored department routing model versions, newest first, without their weights. */
import { RoutingModelVersion } from '../../models/definitions';
import type { Actor } from '../context';
import { ok, type Outcome } from '../result';
import { checkRoutingManager, presentVersion, type RoutingVersionView } from './versions';

/** Every version with its status, training summary and held-out scores (`null` actor: the command line). */
export async function listRoutingModels(actor: Actor | null): Promise<Outcome<RoutingVersionView[]>> {
  const denied = checkRoutingManager(actor);
  if (denied) return denied;
  const rows = await RoutingModelVersion.findAll({ attributes: { exclude: ['model'] }, order: [['id', 'DESC']] });
  return ok(rows.map(presentVersion));
}
