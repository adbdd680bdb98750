/**
 * The office (within its region's subtree) or the admin invites a person it imported or created: a one-time code,
 * valid 7 days, with a link and a QR code. A new invitation makes the person's older unused ones void.
 */
import { Op } from 'sequelize';
import { z } from 'zod';
import type { InvitationResponse } from '../../contracts/identity';
import { InvitationModel } from '../../models/identity';
import type { Actor, CoreContext } from '../context';
import { ok, type Outcome } from '../result';
import { useCase } from '../useCase';
import { invitationHash, invitationUrl, newInvitationCode, qrDataUrl } from './invitationCodes';
import { loadPerson } from './people';
import { INVITATION_DAYS, inviteeReason, peopleManagerReason, personVisible } from './policy';

interface Invited {
  userId: number;
  username: string;
  invitation: InvitationResponse;
}

const run = useCase({
  name: 'users.invite',
  input: z.object({}).strict(),
  load: (username: string) => loadPerson(username, true),
  notFound: '没有这个用户',
  visible: (actor, p) => personVisible(actor, p.regionPath),
  who: ({ actor, subject }) => peopleManagerReason(actor) ?? inviteeReason(subject.user),
  when: ({ subject }) => (subject.user.active ? null : '这个账号已停用，不能邀请'),
  // The log says who invited whom until when; never the code.
  audit: { object: 'user', after: (r: Invited) => ({ id: r.userId, username: r.username, invitationExpiresAt: r.invitation.expiresAt }) },
  apply: async ({ ctx, actor, subject, now }): Promise<Invited> => {
    const userId = subject.user.id;
    await InvitationModel.update({ supersededAt: now }, { where: { userId, usedAt: null, supersededAt: null, expiresAt: { [Op.gt]: now } } });
    const code = newInvitationCode();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
    await InvitationModel.create({ userId, codeHash: invitationHash(ctx.config, code), expiresAt, usedAt: null, supersededAt: null, createdByUserId: actor.id > 0 ? actor.id : null, createdAt: now });
    const url = invitationUrl(ctx.config, code);
    const invitation: InvitationResponse = { code, expiresAt: expiresAt.toISOString(), url, qr: await qrDataUrl(url) };
    return { userId, username: subject.user.username, invitation };
  },
});

/** Issues a new invitation for the user `username` (superseding older unused ones). */
export async function inviteUser(ctx: CoreContext, actor: Actor, username: string, input: unknown = {}): Promise<Outcome<InvitationResponse>> {
  const r = await run(ctx, actor, username, input ?? {});
  return r.ok ? ok(r.value.invitation) : r;
}
