/**
 * Suggestion lists, one page for every role: a deputy's own, opinions addressed to a deputy, a department's
 * tasks by deadline, the office's routing queue and overdue board. Each row shows the next deadline and the
 * working days left (overdue in red); the office queue shows the proposed department and its deciding words.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ListSuggestionsQuery, SuggestionSummary } from '../../../../contracts/schemas';
import { Status } from '../../components/Status';
import { api } from '../../services/api';
import { useData } from '../../services/useData';

const VIEWS: Record<string, { title: string; query: ListSuggestionsQuery; empty: string }> = {
  mine: { title: '我的建议', query: { mine: true }, empty: '还没有建议，去写一件吧' },
  received: { title: '群众来信', query: { state: 'received' }, empty: '暂时没有群众交来的意见' },
  tasks: { title: '待办任务', query: { sort: 'deadline' }, empty: '暂时没有交办给本单位的建议' },
  queue: { title: '待分办', query: { queue: 'routing' }, empty: '分办队列是空的' },
  overdue: { title: '逾期件', query: { overdue: true, sort: 'deadline' }, empty: '没有逾期未答复的建议' },
  all: { title: '全部建议', query: {}, empty: '暂无建议' },
};

function Deadline({ s }: { s: SuggestionSummary }) {
  const next = s.deadlines.next;
  if (!next) return null;
  const left = next.workingDaysLeft;
  return (
    <Text className={s.deadlines.overdue || left < 0 ? 'overdue' : 'muted'}>
      {`${next.label} ${next.date}${s.deadlines.provisional ? '（暂定）' : ''}，${left < 0 ? `已逾期 ${-left} 个工作日` : `还剩 ${left} 个工作日`}`}
    </Text>
  );
}

export default function Suggestions() {
  const view = VIEWS[useRouter().params.view ?? 'mine'] ?? VIEWS.mine;
  Taro.setNavigationBarTitle({ title: view.title });
  const { data, error, loading, reload } = useData(() => api.listSuggestions({ ...view.query, pageSize: 50 }), [view.title]);
  return (
    <View className="page">
      <Status loading={loading && !data} error={error} empty={data?.items.length === 0} emptyText={view.empty} onRetry={reload} />
      {data?.items.map((s) => (
        <View key={s.id} className="card suggestion-row" onClick={() => Taro.navigateTo({ url: `/pages/suggestion/index?id=${s.id}` })}>
          <View className="row">
            <Text className="muted">{s.number}</Text>
            <Text className={s.state === 'closed' ? 'tag tag-ok' : 'tag'}>{s.stateLabel}</Text>
          </View>
          <Text className="title">{s.title}</Text>
          {s.lead && <Text className="muted">{`主办：${s.lead.name}`}</Text>}
          {view.query.queue && s.routing?.lead && (
            <View>
              <Text className="muted">{`推荐：${s.routing.lead.name}（把握 ${Math.round(s.routing.confidence * 100)}%）`}</Text>
              <Text className="why">{` 依据：${s.routing.lead.why.join('、')}`}</Text>
            </View>
          )}
          <Deadline s={s} />
        </View>
      ))}
    </View>
  );
}
