/** Reactivates a deactivated account: it may sign in again. */
import { DeactivateUserRequest } from '../../contracts/admin';
import { useCase } from '../useCase';
import { administersReason, manageUserReason, userVisible } from './policy';
import { userSnapshot } from './snapshots';
import { loadUserSubject, userView } from './userSubject';

/** Reactivates `username` (`POST /api/users/:username/reactivate`); returns the account view and the reason given. */
export const reactivateUser = useCase({
  name: 'users.reactivate',
  input: DeactivateUserRequest,
  load: loadUserSubject,
  notFound: '没有这个用户',
  visible: userVisible,
  who: ({ actor, subject }) => administersReason(actor) ?? manageUserReason(actor, subject.user),
  when: ({ subject: { user } }) => (user.active ? '这个账号本来就在用' : null),
  apply: async ({ input, subject: { user } }) => {
    user.active = true;
    await user.save();
    return { ...(await userView(user)), reason: input.reason ?? null };
  },
  audit: { object: 'user', before: (s) => userSnapshot(s.user), after: (r) => ({ ...userSnapshot(r.user), reason: r.reason }) },
});
