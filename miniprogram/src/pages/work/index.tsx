/** 办件 (a tab): the lists this person works from, the most pressing first, with search and paging. */
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { Me } from '../../../../contracts/schemas';
import { Chips } from '../../components/Chips';
import { Screen } from '../../components/Screen';
import { Status } from '../../components/Status';
import { SuggestionList } from '../../components/SuggestionList';
import { loadCounts } from '../../services/badges';
import { currentUser } from '../../services/me';
import { useData } from '../../services/useData';
import { VIEWS, WORK_VIEWS } from '../../services/views';

export default function Work() {
  const { data: me, error, loading, reload } = useData<Me | null>(async () => {
    const user = await currentUser();
    if (!user) Taro.reLaunch({ url: '/pages/login/index' });
    return user;
  });
  const keys = me ? WORK_VIEWS[me.role] : [];
  const [chosen, setChosen] = useState<string | null>(null);
  const key = chosen && keys.includes(chosen) ? chosen : keys[0];
  useDidShow(() => {
    if (me) void loadCounts(me).catch(() => undefined);
  });
  return (
    <Screen>
      <Status loading={loading && !me} error={error} onRetry={reload} />
      {me && keys.length > 1 && <Chips options={keys.map((k) => [k, VIEWS[k].title])} isOn={(k) => k === key} onTap={setChosen} />}
      {key && (
        <View>
          <SuggestionList key={key} view={VIEWS[key]} />
        </View>
      )}
    </Screen>
  );
}
