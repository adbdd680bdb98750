/**
 * 我的 (a tab): who I am, 长辈模式 (large text), which pushes I get and when, binding my chat account, signing out.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { NotificationSettings } from '../../../../contracts/engagement';
import { chinaTime } from '../../../../contracts/format';
import { Screen } from '../../components/Screen';
import { Status } from '../../components/Status';
import { Button, Switch } from '../../components/ui';
import { api, errorText } from '../../services/api';
import { confirm } from '../../services/confirm';
import { loadCounts } from '../../services/badges';
import { currentUser, signOut } from '../../services/me';
import { setElder, useElder } from '../../services/prefs';
import { useData } from '../../services/useData';

/** One setting: its words on the left, the switch on the right. */
function Setting(props: { label: string; hint?: string; on: boolean; onChange: (on: boolean) => void }) {
  return (
    <View className="setting-row">
      <View>
        <Text className="line">{props.label}</Text>
        {props.hint && <Text className="muted">{props.hint}</Text>}
      </View>
      <Switch checked={props.on} onChange={props.onChange} ariaLabel={props.label} />
    </View>
  );
}

export default function Mine() {
  const elder = useElder();
  const { data, error, loading, reload } = useData(async () => {
    const me = await currentUser();
    if (!me) {
      Taro.reLaunch({ url: '/pages/login/index' });
      return null;
    }
    return { me, prefs: await api.notificationSettings() };
  });
  useDidShow(() => {
    void currentUser().then((me) => me && loadCounts(me)).catch(() => undefined);
  });
  const [prefs, setPrefs] = useState<NotificationSettings | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [bind, setBind] = useState<string | null>(null);
  const shown = prefs ?? data?.prefs ?? null;
  const flip = async (key: 'chat' | 'wechat' | 'quietHours', on: boolean) => {
    try {
      setPrefs(await api.updateNotificationSettings({ [key]: on }));
      setNote('已保存');
    } catch (e) {
      setNote(errorText(e));
    }
  };
  const bindChat = async () => {
    try {
      const r = await api.bindCode();
      setBind(`绑定码 ${r.code}：在群聊里对机器人说“绑定 ${r.code}”，${chinaTime(r.expiresAt)} 前有效`);
    } catch (e) {
      setBind(errorText(e));
    }
  };
  const leave = async () => {
    if (!(await confirm('退出登录', '退出后需要重新登录才能查看和办理。确定退出吗？', '退出'))) return;
    signOut();
    Taro.reLaunch({ url: '/pages/login/index' });
  };
  const me = data?.me;
  return (
    <Screen onRefresh={reload}>
      <Status loading={loading && !data} error={error} onRetry={reload} />
      {me && (
        <View>
          <View className="card">
            <Text className="title">{me.name}</Text>
            <Text className="muted">{[me.roleLabel, me.department?.name, me.region?.name].filter(Boolean).join(' · ')}</Text>
          </View>
          <View className="card">
            <Text className="label">阅读</Text>
            <Setting label="长辈模式（大字）" hint="字更大、按钮更大，所有页面都生效" on={elder} onChange={setElder} />
          </View>
          {shown && (
            <View className="card">
              <Text className="label">消息设置</Text>
              <Text className="muted line">站内消息始终开启。</Text>
              {shown.available.wechat && <Setting label="微信推送" on={shown.wechat} onChange={(on) => flip('wechat', on)} />}
              {shown.available.chat && <Setting label="群聊推送" on={shown.chat} onChange={(on) => flip('chat', on)} />}
              <Setting
                label={`夜间免打扰 ${shown.quietFrom}–${shown.quietTo}`}
                hint="这段时间的推送推迟到早上 7 点，催办、责令和一小时内的会议除外"
                on={shown.quietHours}
                onChange={(on) => flip('quietHours', on)}
              />
              {note && <Text className="muted">{note}</Text>}
            </View>
          )}
          {me.role !== 'citizen' && (
            <View className="card">
              <Text className="label">群聊机器人</Text>
              <Text className="muted line">绑定后可以在微信或企业微信群里查进度、收提醒。</Text>
              <Button type="primary" fill="outline" onClick={bindChat}>
                绑定聊天账号
              </Button>
              {bind && <Text className="muted bind-code">{bind}</Text>}
            </View>
          )}
          <Button block fill="outline" onClick={leave}>
            退出登录
          </Button>
        </View>
      )}
    </Screen>
  );
}
