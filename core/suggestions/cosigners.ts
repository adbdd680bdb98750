/**
 * Joint filing (领衔 / 附议): the lead author names co-signers from the deputies directory; each is asked and
 * accepts or declines (`cosign`); a deputy may ask the lead author to join (`join`), who approves or declines
 * (`decide-join`). Who counts as a co-signer — for seeing the suggestion and for hearing of its answer — is
 * decided here once.
 */
import { Op } from 'sequelize';
import { CosignerModel } from '../../models/definitions';
import type { Actor } from '../context';
import { resolveDeputies, type DeputyRef } from '../directory/resolveDeputies';

/** Co-signer user ids for `refs` (names, usernames or ids; the author left out), or a Chinese message. */
export async function resolveCosigners(actor: Actor, refs: DeputyRef[]): Promise<number[] | string> {
  const users = await resolveDeputies(refs);
  if (typeof users === 'string') return users;
  return users.filter((u) => u.id !== actor.id).map((u) => u.id);
}

/** Whether a row makes its deputy a co-signer: asked by the author and not declined, or a request the author approved. */
export function isCosigner(row: Pick<CosignerModel, 'kind' | 'status'>): boolean {
  return row.kind === 'invited' ? row.status !== 'declined' : row.status === 'accepted';
}

/** Sets the invited co-signers of a draft to `userIds`: kept ones keep their answer, removed ones are dropped, new ones are pending. */
export async function setInvitations(suggestionId: number, userIds: number[]): Promise<void> {
  await CosignerModel.destroy({ where: { suggestionId, kind: 'invited', userId: { [Op.notIn]: userIds.length ? userIds : [0] } } });
  const existing = await CosignerModel.findAll({ where: { suggestionId } });
  for (const userId of userIds) {
    const row = existing.find((r) => r.userId === userId);
    if (!row) await CosignerModel.create({ suggestionId, userId, kind: 'invited', status: 'pending', note: null, askedAt: null, respondedAt: null });
    else if (row.kind === 'request') await row.update({ kind: 'invited', status: 'pending', respondedAt: null });
  }
}
