/** A person reads their own notification settings: channels, quiet hours, and which push channels they can have. */
import type { NotificationSettings } from '../../contracts/engagement';
import { UserModel } from '../../models/definitions';
import { plainUseCase } from '../useCase';
import { availableChannels, QUIET_FROM_HOUR, QUIET_TO_HOUR, settingsOf } from './policy';

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** The settings of `userId` as the API shows them. */
export async function settingsView(userId: number): Promise<NotificationSettings> {
  const user = await UserModel.findByPk(userId, { attributes: ['id', 'role', 'wechatOpenid'] });
  const s = (await settingsOf([userId])).get(userId)!;
  const available = user ? availableChannels(user) : [];
  return {
    inbox: true,
    chat: s.chat,
    wechat: s.wechat,
    quietHours: s.quietHours,
    quietFrom: hh(QUIET_FROM_HOUR),
    quietTo: hh(QUIET_TO_HOUR),
    available: { chat: available.includes('chat'), wechat: available.includes('wechat') },
  };
}

/** Reads the caller's notification settings (no row yet: the defaults). */
export const getNotificationSettings = plainUseCase({
  name: 'notifications.settings.get',
  readOnly: true,
  apply: ({ actor }) => settingsView(actor.id),
});
