/**
 * Deactivates an account: it can no longer sign in and its tokens stop working at once (every request loads
 * the user and refuses an inactive one). Nobody is ever deleted — what they did stays in the timelines.
 */
import { DeactivateUserRequest } from '../../contracts/admin';
import { useCase } from '../useCase';
import { administersReason, LAST_ADMIN, manageUserReason, userVisible } from './policy';
import { userSnapshot } from './snapshots';
import { loadUserSubject, otherActiveAdmins, userView } from './userSubject';

/** Deactivates `username` (`POST /api/users/:username/deactivate`); returns the account view and the reason given. */
export const deactivateUser = useCase({
  name: 'users.deactivate',
  input: DeactivateUserRequest,
  load: loadUserSubject,
  notFound: '没有这个用户',
  visible: userVisible,
  who: ({ actor, subject }) => administersReason(actor) ?? manageUserReason(actor, subject.user),
  when: async ({ subject: { user } }) => {
    if (!user.active) return '这个账号已经停用了';
    if (user.role === 'admin' && !(await otherActiveAdmins(user.id))) return LAST_ADMIN;
    return null;
  },
  apply: async ({ input, subject: { user } }) => {
    user.active = false;
    await user.save();
    return { ...(await userView(user)), reason: input.reason ?? null };
  },
  audit: { object: 'user', before: (s) => userSnapshot(s.user), after: (r) => ({ ...userSnapshot(r.user), reason: r.reason }) },
});
