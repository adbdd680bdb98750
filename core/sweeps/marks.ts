/** Job bookkeeping: "done once" marks under a unique key, the system actor, and the leader lease. */
import { Op, UniqueConstraintError } from 'sequelize';
import { JobMarkModel, LeaseModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import { actorOf } from '../auth/actor';
import type { Actor } from '../context';

/** Records `key` as done; false when it was done before (by this or any other process). */
export async function markOnce(key: string, job: string, now: Date): Promise<boolean> {
  if (await JobMarkModel.findByPk(key)) return false;
  try {
    await JobMarkModel.create({ key: key.slice(0, 190), job, createdAt: now });
    return true;
  } catch (e) {
    if (e instanceof UniqueConstraintError) return false;
    throw e;
  }
}

/** Records every one of `keys` as done with one statement; a key recorded before makes it fail (UniqueConstraintError). */
export async function markAll(keys: string[], job: string, now: Date): Promise<void> {
  if (!keys.length) return;
  await JobMarkModel.bulkCreate(keys.map((key) => ({ key: key.slice(0, 190), job, createdAt: now })));
}

/** Of `keys`, those not yet recorded as done (one statement per thousand keys). */
export async function unmarked(keys: string[]): Promise<string[]> {
  const done = new Set<string>();
  const short = [...new Set(keys.map((k) => k.slice(0, 190)))];
  for (let i = 0; i < short.length; i += 1_000) {
    for (const m of await JobMarkModel.findAll({ where: { key: short.slice(i, i + 1_000) }, attributes: ['key'], raw: true })) done.add(m.key);
  }
  return keys.filter((k) => !done.has(k.slice(0, 190)));
}

/** The jobs' own account, created on first use; it acts in timelines and never signs in. */
export async function systemActor(): Promise<Actor> {
  let user = await UserModel.findOne({ where: { username: 'system' } });
  if (!user) {
    try {
      user = await UserModel.create({ username: 'system', passwordHash: null, role: 'admin', name: '系统自动督办', regionId: null, departmentId: null, stationId: null, wechatOpenid: null, system: true });
    } catch (e) {
      if (!(e instanceof UniqueConstraintError)) throw e;
      user = (await UserModel.findOne({ where: { username: 'system' } }))!;
    }
  }
  return actorOf(user);
}

/** Takes or renews the lease `name` for `holder`; true when `holder` is the leader until `now + ttlMs`. */
export async function acquireLease(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const [n] = await LeaseModel.update({ holder, expiresAt }, { where: { name, [Op.or]: [{ holder }, { expiresAt: { [Op.lt]: now } }] } });
  if (n === 1) return true;
  if (await LeaseModel.findByPk(name)) return false;
  try {
    await LeaseModel.create({ name, holder, expiresAt });
    return true;
  } catch (e) {
    if (e instanceof UniqueConstraintError) return false;
    throw e;
  }
}

/** Gives the lease up (on a clean stop) so another process takes over at once. */
export async function releaseLease(name: string, holder: string): Promise<void> {
  await LeaseModel.destroy({ where: { name, holder } });
}
