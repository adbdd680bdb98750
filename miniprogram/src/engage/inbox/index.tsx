/** The notices inbox: unread first in bold; opening one marks it read (the read receipt the office sees). */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { InboxItem } from '../../../../contracts/client';
import { Status } from '../../components/Status';
import { api } from '../../services/api';
import { useData } from '../../services/useData';
import { chinaTime } from '../../../../contracts/format';


export default function Inbox() {
  const { data, error, loading, reload } = useData(() => api.inbox());
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
    <View className="page">
      {data && data.unread > 0 && (
        <Button className="btn-plain" size="mini" onClick={async () => (await api.markRead('all'), reload())}>
          {`全部标为已读（${data.unread} 条未读）`}
        </Button>
      )}
      <Status loading={loading && !data} error={error} empty={data?.items.length === 0} emptyText="没有消息" onRetry={reload} />
      {data?.items.map((m) => (
        <View key={m.id} className="card" onClick={() => read(m)}>
          <View className="row">
            <Text className={m.readAt ? '' : 'title'}>{m.title}</Text>
            {!m.readAt && <Text className="tag">未读</Text>}
          </View>
          <Text className="muted">{chinaTime(m.createdAt)}</Text>
          {open === m.id && (
            <View>
              <Text>{`\n${m.body}`}</Text>
              {m.ref && (
                <Button className="btn-plain" size="mini" onClick={() => follow(m)}>
                  查看
                </Button>
              )}
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
