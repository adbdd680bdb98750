/**
 * A city's routing model on its first day: when there is no current version, or the current one was trained on
 * another set of departments, a version is trained now from the departments' duties, aliases and keywords (and
 * whatever labelled history exists). Called at start-up, outside any use case's transaction.
 */
import type { CoreContext } from '../context';
import { classifierOf, currentVersion, departmentsChanged, loadDepartments } from './departmentModel';
import { retrainRoutingModel } from './retrainModel';

/** Trains a version when none fits the active departments; a database without departments keeps none. */
export async function ensureRoutingModel(ctx: CoreContext): Promise<void> {
  const current = await currentVersion();
  if (current && !departmentsChanged(current, await loadDepartments())) {
    // The version just read is the one to route with: the router need not read its weights again.
    ctx.router.use(current.id, classifierOf(current));
    return;
  }
  const trained = await retrainRoutingModel(ctx, null, { reason: 'initial' });
  if (!trained.ok && trained.kind !== 'invalid') throw new Error(trained.message);
}
