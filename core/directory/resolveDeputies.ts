/**
 * Picking deputies the way people name them: by user id, by username (`deputy02`) or by name as the deputies
 * directory has it (`李秀英`). A name two deputies share is ambiguous: the message lists them with their
 * usernames and delegations so the caller can choose.
 */
import { Op } from 'sequelize';
import { DeputyModel, UserModel } from '../../models/definitions';

/** A reference to a deputy: a user id, a username, or a name. */
export type DeputyRef = string | number;

/** The active deputy users for `refs` (in order, duplicates dropped), or a Chinese message naming what is unknown or ambiguous. */
export async function resolveDeputies(refs: DeputyRef[]): Promise<UserModel[] | string> {
  const wanted = [...new Set(refs.map((r) => (typeof r === 'string' ? r.trim() : r)))].filter((r) => r !== '');
  if (!wanted.length) return [];
  const ids = wanted.filter((r): r is number => typeof r === 'number');
  const texts = wanted.filter((r): r is string => typeof r === 'string');
  const [byKey, profiles] = await Promise.all([
    UserModel.findAll({ where: { role: 'deputy', active: true, [Op.or]: [{ id: ids }, { username: texts }] } }),
    texts.length ? DeputyModel.findAll({ where: { name: texts } }) : [],
  ]);
  const named = profiles.length ? await UserModel.findAll({ where: { id: profiles.map((p) => p.userId), role: 'deputy', active: true } }) : [];
  const delegation = new Map(profiles.map((p) => [p.userId, p.delegation]));
  const found: UserModel[] = [];
  const unknown: string[] = [];
  const ambiguous: string[] = [];
  for (const ref of wanted) {
    const direct = byKey.find((u) => (typeof ref === 'number' ? u.id === ref : u.username === ref));
    if (direct) {
      found.push(direct);
      continue;
    }
    const candidates = typeof ref === 'string' ? named.filter((u) => profiles.some((p) => p.userId === u.id && p.name === ref)) : [];
    if (candidates.length === 1) found.push(candidates[0]);
    else if (candidates.length > 1) ambiguous.push(`“${ref}”有 ${candidates.length} 位（${candidates.map((u) => `${u.username}，${delegation.get(u.id) ?? ''}`).join('；')}），请用用户名指明`);
    else unknown.push(String(ref));
  }
  if (unknown.length) return `没有找到这些代表：${unknown.join('、')}（请填写代表姓名或用户名）`;
  if (ambiguous.length) return `同名代表${ambiguous.join('；')}`;
  return [...new Map(found.map((u) => [u.id, u])).values()];
}
