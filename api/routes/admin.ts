/** The admin area's endpoints for regions, stations and departments, and the audit log (users: routes/users.ts). */
import Router from '@koa/router';
import { createRegion } from '../../core/admin/createRegion';
import { createDepartment } from '../../core/admin/createDepartment';
import { createStation } from '../../core/admin/createStation';
import { listManagedDepartments } from '../../core/admin/listManagedDepartments';
import { listManagedStations } from '../../core/admin/listManagedStations';
import { renameRegion } from '../../core/admin/renameRegion';
import { updateDepartment } from '../../core/admin/updateDepartment';
import { updateStation } from '../../core/admin/updateStation';
import { listAudit } from '../../core/audit/listAudit';
import type { CoreContext } from '../../core/context';
import { actorOf, requireAuth } from '../middleware/auth';
import { respond } from '../middleware/errors';
import { presentAdminDepartment, presentAdminRegion, presentAdminStation, presentAuditPage } from '../presenters/admin';

/** Mounts the region, station, department and audit-log administration. */
export function adminRoutes(core: CoreContext): Router {
  const r = new Router();
  const auth = requireAuth(core.config);
  r.post('/api/regions', auth, async (ctx) => respond(ctx, await createRegion(core, actorOf(ctx), undefined, ctx.request.body), presentAdminRegion, 201));
  r.patch('/api/regions/:code', auth, async (ctx) => respond(ctx, await renameRegion(core, actorOf(ctx), ctx.params.code, ctx.request.body), presentAdminRegion));

  r.get('/api/admin/stations', auth, async (ctx) =>
    respond(ctx, await listManagedStations(core, actorOf(ctx), undefined), (v) => ({ items: v.stations.map((s) => presentAdminStation(s, v.regions.get(s.regionId))) })),
  );
  r.post('/api/stations', auth, async (ctx) =>
    respond(ctx, await createStation(core, actorOf(ctx), undefined, ctx.request.body), (v) => presentAdminStation(v.station, v.region), 201),
  );
  r.patch('/api/stations/:id', auth, async (ctx) =>
    respond(ctx, await updateStation(core, actorOf(ctx), ctx.params.id, ctx.request.body), (v) => presentAdminStation(v.station, v.region)),
  );

  r.get('/api/admin/departments', auth, async (ctx) => respond(ctx, await listManagedDepartments(core, actorOf(ctx), undefined), (rows) => ({ items: rows.map(presentAdminDepartment) })));
  r.post('/api/departments', auth, async (ctx) => respond(ctx, await createDepartment(core, actorOf(ctx), undefined, ctx.request.body), presentAdminDepartment, 201));
  r.patch('/api/departments/:code', auth, async (ctx) => respond(ctx, await updateDepartment(core, actorOf(ctx), ctx.params.code, ctx.request.body), presentAdminDepartment));

  r.get('/api/audit', auth, async (ctx) => respond(ctx, await listAudit(core, actorOf(ctx), undefined, ctx.query), presentAuditPage));
  return r;
}
