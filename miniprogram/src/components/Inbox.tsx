/** The messages inbox: unread first in bold; opening one marks it read (the read receipt the office sees). */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { InboxItem } from '../../../contracts/client';
import { chinaTime } from '../../../contracts/format';
import { api } from '../services/api';
import { showBadges } from '../services/badges';
import { useData } from '../services/useData';
import { Screen } from './Screen';
import { Status } from './Status';
import { Button } from './ui';

/** The whole inbox page. */
export function Inbox() {
  const { data, error, loading, reload } = useData(async () => {
    const inbox = await api.inbox();
    showBadges({ unread: inbox.unread });
    return inbox;
  });
  const [open, setOpen] = useState<number | null>(null);
  const read = async (m: InboxItem) => {
    setOpen(open === m.id ? null : m.id);
    if (!m.readAt) {
      await api.markRead(m.id);
      await reload();
    }
  };
  const follow = (m: InboxItem) => {
    if (m.ref?.type === 'suggestion') Taro.navigateTo({ url: `/pages/suggestion/index?id=${m.ref.id}` });
    if (m.ref?.type === 'meeting') Taro.navigateTo({ url: '/engage/meetings/index' });
    if (m.ref?.type === 'questionnaire') Taro.navigateTo({ url: `/engage/survey/index?id=${m.ref.id}` });
  };
  return (
    <Screen onRefresh={reload}>
      {data && data.unread > 0 && (
        <Button fill="outline" type="primary" onClick={async () => (await api.markRead('all'), reload())}>
          {`全部标为已读（${data.unread} 条未读）`}
        </Button>
      )}
      <Status
        loading={loading && !data}
        error={error}
        empty={data?.items.length === 0}
        emptyText="还没有消息"
        next={{ text: '通知、会议邀请、办理进展和催办提醒都会发到这里。下拉可以刷新。' }}
        onRetry={reload}
      />
      {data?.items.map((m) => (
        <View key={m.id} className="card inbox-item" onClick={() => read(m)}>
          <View className="row">
            <Text className={m.readAt ? '' : 'title'}>{m.title}</Text>
            {!m.readAt && <Text className="tag">未读</Text>}
          </View>
          <Text className="muted">{chinaTime(m.createdAt)}</Text>
          {open === m.id && (
            <View>
              <Text>{`\n${m.body}`}</Text>
              {m.ref && (
                <Button type="primary" fill="outline" onClick={() => follow(m)}>
                  查看
                </Button>
              )}
            </View>
          )}
        </View>
      ))}
    </Screen>
  );
}
