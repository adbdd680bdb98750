/**
 * The addressee of a citizen's opinion form — the deputy or liaison station a scanned code or a link names —
 * with only what is public: the deputy's name, level and delegation, the station's name and address, and the
 * region. A deactivated deputy, a person who is not a deputy, or a closed station is not an addressee (404),
 * exactly as creating the opinion would refuse them.
 */
import { z } from 'zod';
import { formatZodError } from '../../contracts/validation';
import { DeputyModel, RegionModel, StationModel, UserModel } from '../../models/definitions';
import { invalid, notFound, ok, type Outcome } from '../result';

/** `deputy` (username), `deputyId` (user id), `station` (id), or a mini-program code's `scene` (`d=12`, `s=3`). */
export const AddresseeQuery = z
  .object({
    deputy: z.string().trim().min(1, '请填写代表').max(64, '代表用户名过长').optional(),
    deputyId: z.coerce.number({ error: '代表编号必须是数字' }).int().positive().max(2_147_483_647).optional(),
    station: z.coerce.number({ error: '联络站编号必须是数字' }).int().positive().max(2_147_483_647).optional(),
    scene: z.string().max(64, '小程序码参数过长').optional(),
  })
  .superRefine((q, c) => {
    const given = [q.deputy, q.deputyId, q.station, q.scene].filter((x) => x !== undefined).length;
    if (given !== 1) c.addIssue({ code: 'custom', message: '请指定一位代表（deputy）或一个联络站（station）' });
  });

export interface AddresseeView {
  kind: 'deputy' | 'station';
  user: UserModel | null;
  deputy: DeputyModel | null;
  station: StationModel | null;
  region: RegionModel | null;
}

/** Reads a scene as the mini-program receives it (`d=12`, `s=3`, URL-encoded or not). */
function fromScene(scene: string): { deputyId?: number; station?: number } | null {
  let s = scene;
  try {
    s = decodeURIComponent(scene);
  } catch {
    return null;
  }
  const m = /^(d|s)=(\d{1,10})$/.exec(s.trim());
  if (!m) return null;
  return m[1] === 'd' ? { deputyId: Number(m[2]) } : { station: Number(m[2]) };
}

/** The public addressee named by the query, or why not. */
export async function getAddressee(rawQuery: unknown): Promise<Outcome<AddresseeView>> {
  const parsed = AddresseeQuery.safeParse(rawQuery ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  let q: { deputy?: string; deputyId?: number; station?: number } = parsed.data;
  if (parsed.data.scene !== undefined) {
    const s = fromScene(parsed.data.scene);
    if (!s) return invalid('小程序码参数不对（应为 d=代表编号 或 s=联络站编号）');
    q = s;
  }
  if (q.station !== undefined) {
    const station = await StationModel.findByPk(q.station);
    if (!station || station.active === false) return notFound('没有找到这个联络站，它可能已经撤销');
    return ok({ kind: 'station', user: null, deputy: null, station, region: await RegionModel.findByPk(station.regionId) });
  }
  const user = await UserModel.findOne({ where: q.deputy !== undefined ? { username: q.deputy } : { id: q.deputyId! } });
  const deputy = user ? await DeputyModel.findOne({ where: { userId: user.id } }) : null;
  if (!user || !deputy || user.role !== 'deputy' || !user.active) return notFound('没有找到这位代表');
  const [station, region] = await Promise.all([
    deputy.stationId ? StationModel.findByPk(deputy.stationId) : null,
    deputy.regionId ? RegionModel.findByPk(deputy.regionId) : null,
  ]);
  return ok({ kind: 'deputy', user, deputy, station: station && station.active !== false ? station : null, region });
}
