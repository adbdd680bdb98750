/**
 * A person changes their notification settings. Turning a push channel off cancels that channel's pending
 * deliveries to them; turning quiet hours off lets the deliveries deferred to 07:00 go now. The inbox stays on.
 */
import { Op } from 'sequelize';
import { NotificationSettingsRequest } from '../../contracts/engagement';
import { NotificationSettingModel, OutboxModel } from '../../models/engagement';
import { plainUseCase } from '../useCase';
import { settingsView } from './getNotificationSettings';
import { settingsOf } from './policy';

/** Saves the changed settings and returns them. */
export const updateNotificationSettings = plainUseCase({
  name: 'notifications.settings.update',
  input: NotificationSettingsRequest,
  apply: async ({ actor, input, now }) => {
    const next = { ...(await settingsOf([actor.id])).get(actor.id)!, ...Object.fromEntries(Object.entries(input).filter(([k, v]) => k !== 'inbox' && v !== undefined)) };
    await NotificationSettingModel.upsert({ userId: actor.id, chat: next.chat, wechat: next.wechat, quietHours: next.quietHours, updatedAt: now });
    const off = (['chat', 'wechat'] as const).filter((c) => !next[c]);
    if (off.length) {
      await OutboxModel.update({ status: 'cancelled', lastError: '接收人已关闭这个渠道' }, { where: { userId: actor.id, status: 'pending', channel: off } });
    }
    if (!next.quietHours) {
      await OutboxModel.update({ nextAttemptAt: now }, { where: { userId: actor.id, status: 'pending', attempts: 0, nextAttemptAt: { [Op.gt]: now } } });
    }
    return settingsView(actor.id);
  },
});
