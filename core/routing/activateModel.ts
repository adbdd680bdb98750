/** Switching the department routing model to another stored version: rolling back, or taking a rejected one. */
import { RoutingModelVersion } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { conflict, invalid, notFound, ok, type Outcome } from '../result';
import { classifierOf } from './departmentModel';
import { checkRoutingManager, presentVersion, type RoutingVersionView } from './versions';

/** Makes version `id` current; the version that was current is retired (`null` actor: the command line). */
export async function activateRoutingModel(ctx: CoreContext, actor: Actor | null, id: unknown): Promise<Outcome<RoutingVersionView>> {
  const denied = checkRoutingManager(actor);
  if (denied) return denied;
  const versionId = Number(id);
  if (!Number.isInteger(versionId) || versionId <= 0) return invalid('模型版本号应为正整数');
  const row = await RoutingModelVersion.findByPk(versionId);
  if (!row) return notFound(`没有第 ${versionId} 版分办模型`);
  if (row.status === 'current') return conflict(`第 ${versionId} 版已经是当前模型`);
  const classifier = classifierOf(row);
  const now = ctx.clock.now();
  await ctx.db.sequelize.transaction(async () => {
    await RoutingModelVersion.update({ status: 'retired' }, { where: { status: 'current' } });
    await row.update({ status: 'current', activatedAt: now, activatedBy: actor?.id ?? null });
  });
  ctx.router.use(row.id, classifier);
  return ok(presentVersion(row));
}
