/** Home: what the signed-in person can do, by role, with the counts that need attention. */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Me } from '../../../../contracts/schemas';
import type { NotificationSettings } from '../../../../contracts/engagement';
import { Chips } from '../../components/Chips';
import { Status } from '../../components/Status';
import { api, errorText } from '../../services/api';
import { currentUser, signOut } from '../../services/me';
import { useData } from '../../services/useData';
import { chinaTime } from '../../../../contracts/format';

interface Tile {
  name: string;
  hint: string;
  url: string;
}

const TILES: Record<Me['role'], Tile[]> = {
  citizen: [
    { name: '找代表', hint: '按区域找代表和联络站', url: '/pages/deputies/index' },
    { name: '我的意见', hint: '办理进度和结果', url: '/pages/suggestions/index?view=mine' },
    { name: '消息', hint: '通知和办理提醒', url: '/engage/inbox/index' },
  ],
  deputy: [
    { name: '写建议', hint: '自动推荐承办单位', url: '/pages/compose/index' },
    { name: '我的建议', hint: '草稿、办理、测评', url: '/pages/suggestions/index?view=mine' },
    { name: '群众来信', hint: '选民交给我的意见', url: '/pages/suggestions/index?view=received' },
    { name: '通知消息', hint: '通知和回执', url: '/engage/inbox/index' },
    { name: '会议活动', hint: '参加、请假、签到', url: '/engage/meetings/index' },
    { name: '问卷票决', hint: '问卷、票决、测评', url: '/engage/surveys/index' },
  ],
  staff: [
    { name: '待办任务', hint: '按答复期限排序', url: '/pages/suggestions/index?view=tasks' },
    { name: '逾期件', hint: '已超过答复期限', url: '/pages/suggestions/index?view=overdue' },
    { name: '消息', hint: '交办和督办通知', url: '/engage/inbox/index' },
  ],
  office: [
    { name: '待分办', hint: '确认分办模型的建议', url: '/pages/suggestions/index?view=queue' },
    { name: '逾期督办', hint: '催办、责令', url: '/pages/suggestions/index?view=overdue' },
    { name: '统计分析', hint: '按单位、月份、区县', url: '/office/dashboard/index' },
    { name: '发布', hint: '通知、问卷、票决、会议', url: '/office/publish/index' },
    { name: '全部建议', hint: '按状态和单位查看', url: '/pages/suggestions/index?view=all' },
    { name: '会议活动', hint: '出勤和请假', url: '/engage/meetings/index' },
    { name: '问卷票决', hint: '结果和导出', url: '/engage/surveys/index' },
    { name: '消息', hint: '通知', url: '/engage/inbox/index' },
    { name: '账号管理', hint: '本区域的账号和角色', url: '/admin/users/index' },
    { name: '区域管理', hint: '本区域的下级区域', url: '/admin/regions/index' },
    { name: '联络站管理', hint: '新增、停用联络站', url: '/admin/stations/index' },
    { name: '承办单位', hint: '职责、别名、关键词', url: '/admin/departments/index' },
  ],
  // The chat bot's service account never uses the mini-program.
  service: [],
  admin: [
    { name: '全部建议', hint: '按状态和单位查看', url: '/pages/suggestions/index?view=all' },
    { name: '统计分析', hint: '按单位、月份、区县', url: '/office/dashboard/index' },
    { name: '账号管理', hint: '角色、停用、恢复', url: '/admin/users/index' },
    { name: '区域管理', hint: '市、区县、镇街', url: '/admin/regions/index' },
    { name: '联络站管理', hint: '新增、修改、停用', url: '/admin/stations/index' },
    { name: '承办单位', hint: '职责、别名、关键词', url: '/admin/departments/index' },
    { name: '审计日志', hint: '管理操作和登录记录', url: '/admin/audit/index' },
    { name: '节假日安排', hint: '录入官方放假安排', url: '/admin/calendar/index' },
    { name: '消息', hint: '通知', url: '/engage/inbox/index' },
  ],
};

export default function Home() {
  const { data, error, loading, reload } = useData(async () => {
    const me = await currentUser();
    if (!me) {
      Taro.reLaunch({ url: '/pages/login/index' });
      return null;
    }
    const inbox = await api.inbox(true);
    return { me, unread: inbox.unread };
  });
  const me = data?.me;
  const [bind, setBind] = useState<string | null>(null);
  const bindChat = async () => {
    try {
      const r = await api.bindCode();
      setBind(`绑定码 ${r.code}：在群聊里对机器人说“绑定 ${r.code}”，${chinaTime(r.expiresAt)} 前有效`);
    } catch (e) {
      setBind(errorText(e));
    }
  };
  // 消息设置: which push channels, quiet hours at night (the inbox is always on).
  const [prefs, setPrefs] = useState<NotificationSettings | null>(null);
  const [prefsNote, setPrefsNote] = useState<string | null>(null);
  const togglePrefs = async () => {
    try {
      setPrefs(prefs ? null : await api.notificationSettings());
      setPrefsNote(null);
    } catch (e) {
      setPrefsNote(errorText(e));
    }
  };
  const flip = async (key: 'chat' | 'wechat' | 'quietHours') => {
    try {
      setPrefs(await api.updateNotificationSettings({ [key]: !prefs![key] }));
    } catch (e) {
      setPrefsNote(errorText(e));
    }
  };
  const prefOptions = (p: NotificationSettings): ['chat' | 'wechat' | 'quietHours', string][] => [
    ...(p.available.chat ? [['chat', '群聊推送'] as ['chat', string]] : []),
    ...(p.available.wechat ? [['wechat', '微信推送'] as ['wechat', string]] : []),
    ['quietHours', `夜间免打扰 ${p.quietFrom}–${p.quietTo}`],
  ];
  return (
    <View className="page">
      <Status loading={loading && !data} error={error} onRetry={reload} />
      {me && (
        <View>
          <View className="card">
            <Text className="title">{`您好，${me.name}`}</Text>
            <Text className="muted">{[me.roleLabel, me.department?.name, me.region?.name].filter(Boolean).join(' · ')}</Text>
            {data.unread > 0 && <Text className="tag">{`${data.unread} 条未读消息`}</Text>}
          </View>
          <View className="grid">
            {TILES[me.role].map((t) => (
              <View key={t.name} className="tile" onClick={() => Taro.navigateTo({ url: t.url })}>
                <Text className="tile-name">{t.name}</Text>
                <Text className="muted">{t.hint}</Text>
              </View>
            ))}
          </View>
          {me.role !== 'citizen' && (
            <View className="card">
              <Button className="btn-plain" size="mini" onClick={bindChat}>
                绑定聊天账号
              </Button>
              {bind && <Text className="muted bind-code">{bind}</Text>}
            </View>
          )}
          <View className="card">
            <Button className="btn-plain" size="mini" onClick={togglePrefs}>
              消息设置
            </Button>
            {prefs && (
              <View>
                <Text className="muted">站内消息始终开启；点选开启或关闭：</Text>
                <Chips options={prefOptions(prefs)} isOn={(k) => prefs[k]} onTap={flip} />
                <Text className="muted">免打扰时段的群聊和微信推送推迟到早上 7 点，催办、责令和一小时内的会议除外。</Text>
              </View>
            )}
            {prefsNote && <Text className="muted">{prefsNote}</Text>}
          </View>
          <Button
            className="btn-plain"
            onClick={() => {
              signOut();
              Taro.reLaunch({ url: '/pages/login/index' });
            }}
          >
            退出登录
          </Button>
        </View>
      )}
    </View>
  );
}
