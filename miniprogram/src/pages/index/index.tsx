/** Home (a tab): what the signed-in person can do, by role, with the counts that need attention as badges. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Me } from '../../../../contracts/schemas';
import { Screen } from '../../components/Screen';
import { Button } from '../../components/ui';
import { Status } from '../../components/Status';
import { loadCounts, type Counts } from '../../services/badges';
import { currentUser } from '../../services/me';
import { go } from '../../services/nav';
import { useData } from '../../services/useData';

interface Tile {
  name: string;
  hint: string;
  url: string;
  /** Which count the tile carries as a badge: unread messages, or the waiting items of a list. */
  count?: 'unread' | 'opinions' | 'received' | 'rate' | 'tasks' | 'queue';
}

const TILES: Record<Me['role'], Tile[]> = {
  citizen: [
    { name: '找代表', hint: '按区域找代表和联络站', url: '/pages/deputies/index' },
    { name: '我的意见', hint: '办理进度和结果', url: '/pages/suggestions/index?view=opinions', count: 'opinions' },
    { name: '消息', hint: '通知和办理提醒', url: '/pages/messages/index', count: 'unread' },
  ],
  deputy: [
    { name: '写建议', hint: '自动推荐承办单位', url: '/pages/compose/index' },
    { name: '我的建议', hint: '草稿、办理、测评', url: '/pages/suggestions/index?view=mine', count: 'rate' },
    { name: '群众来信', hint: '选民交给我的意见', url: '/pages/suggestions/index?view=received', count: 'received' },
    { name: '通知消息', hint: '通知和回执', url: '/pages/messages/index', count: 'unread' },
    { name: '会议活动', hint: '参加、请假、签到', url: '/engage/meetings/index' },
    { name: '问卷票决', hint: '问卷、票决、测评', url: '/engage/surveys/index' },
  ],
  staff: [
    { name: '待办任务', hint: '按答复期限排序', url: '/pages/suggestions/index?view=tasks', count: 'tasks' },
    { name: '逾期件', hint: '已超过答复期限', url: '/pages/suggestions/index?view=overdue' },
    { name: '消息', hint: '交办和督办通知', url: '/pages/messages/index', count: 'unread' },
  ],
  office: [
    { name: '待分办', hint: '确认推荐的承办单位', url: '/pages/suggestions/index?view=queue', count: 'queue' },
    { name: '逾期督办', hint: '催办、责令', url: '/pages/suggestions/index?view=overdue' },
    { name: '统计分析', hint: '按单位、月份、区县', url: '/office/dashboard/index' },
    { name: '发布', hint: '通知、问卷、票决、会议', url: '/office/publish/index' },
    { name: '全部建议', hint: '按状态和单位查看', url: '/pages/suggestions/index?view=all' },
    { name: '会议活动', hint: '出勤和请假', url: '/engage/meetings/index' },
    { name: '问卷票决', hint: '结果和导出', url: '/engage/surveys/index' },
    { name: '消息', hint: '通知', url: '/pages/messages/index', count: 'unread' },
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
    { name: '消息', hint: '通知', url: '/pages/messages/index', count: 'unread' },
  ],
};

/** Who has a desktop console for their daily work. */
const DESK_ROLES: Me['role'][] = ['staff', 'office', 'admin'];
/** What the desktop console offers each of them. */
const DESK_TEXT: Partial<Record<Me['role'], string>> = {
  staff: '桌面工作台有按期限排列的任务表、筛选和办理表单，用同一个账号登录。',
  office: '桌面工作台有表格、筛选、批量确认分办和统计图表，用同一个账号登录。',
  admin: '桌面工作台有账号、单位、区域的管理表格和审计日志，用同一个账号登录。',
};
/** A screen wide enough to be a computer's (H5 only). */
const wide = (): boolean => typeof window !== 'undefined' && window.innerWidth >= 900;

const countOf = (c: Counts, key: NonNullable<Tile['count']>): number => (key === 'unread' ? c.unread : (c.lists[key] ?? 0));

export default function Home() {
  const { data, error, loading, reload } = useData(async () => {
    const me = await currentUser();
    if (!me) {
      Taro.reLaunch({ url: '/pages/login/index' });
      return null;
    }
    return { me, counts: await loadCounts(me) };
  });
  const me = data?.me;
  return (
    <Screen onRefresh={reload}>
      <Status loading={loading && !data} error={error} onRetry={reload} />
      {me && data && (
        <View>
          <View className="card">
            <Text className="title">{`您好，${me.name}`}</Text>
            <Text className="muted">{[me.roleLabel, me.department?.name, me.region?.name].filter(Boolean).join(' · ')}</Text>
            <View className="row">
              {data.counts.unread > 0 && <Text className="tag">{`${data.counts.unread} 条未读消息`}</Text>}
              {data.counts.todo > 0 && <Text className="tag">{`${data.counts.todo} 件待处理`}</Text>}
            </View>
          </View>
          {process.env.TARO_ENV === 'h5' && DESK_ROLES.includes(me.role) && wide() && (
            <View className="card desk-hint">
              <Text className="label">在电脑上办公？</Text>
              <Text className="line">{DESK_TEXT[me.role]}</Text>
              <Button type="primary" fill="outline" onClick={() => window.location.assign(`${API_BASE}/console/`)}>
                打开桌面工作台
              </Button>
            </View>
          )}
          <View className="grid">
            {TILES[me.role].map((t) => (
              <View key={t.name} className="tile" role="button" onClick={() => go(t.url)}>
                {t.count && countOf(data.counts, t.count) > 0 && <Text className="count tile-badge">{String(countOf(data.counts, t.count))}</Text>}
                <Text className="tile-name">{t.name}</Text>
                <Text className="muted">{t.hint}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </Screen>
  );
}
