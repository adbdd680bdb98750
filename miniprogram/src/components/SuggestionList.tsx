/**
 * A suggestion list as people work with it: search by words, 20 at a time with more loaded at the bottom of
 * the page (or with the button), pulled down to refresh. Each row shows the state, the lead department, the
 * next deadline with the working days left (overdue in red) and, in the office's queue, the proposal in words.
 */
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { dueDate } from '../../../contracts/format';
import type { SuggestionSummary } from '../../../contracts/schemas';
import { api, errorText } from '../services/api';
import type { ListView } from '../services/views';
import { Status } from './Status';
import { Button } from './ui';

const PAGE = 20;

function Deadline({ s }: { s: SuggestionSummary }) {
  const next = s.deadlines.next;
  if (!next) return null;
  const left = next.workingDaysLeft;
  return (
    <Text className={s.deadlines.overdue || left < 0 ? 'overdue' : 'muted'}>
      {`${next.label}：${dueDate(next.date, next.provisional)}，${left < 0 ? `已逾期 ${-left} 个工作日` : left === 0 ? '今天到期' : `还剩 ${left} 个工作日`}`}
    </Text>
  );
}

/** One row. */
export function SuggestionRow({ s, queue }: { s: SuggestionSummary; queue?: boolean }) {
  return (
    <View className="card suggestion-row" onClick={() => Taro.navigateTo({ url: `/pages/suggestion/index?id=${s.id}` })}>
      <View className="row">
        <Text className="muted">{`编号 ${s.number}`}</Text>
        <Text className={s.state === 'closed' ? 'tag tag-ok' : 'tag'}>{s.stateLabel}</Text>
      </View>
      <Text className="title">{s.title}</Text>
      {s.lead && <Text className="muted">{`主办：${s.lead.name}`}</Text>}
      {queue && s.routing?.lead && (
        <View>
          <Text className="muted">{`推荐主办：${s.routing.lead.name}（把握${s.routing.confidenceLabel}）`}</Text>
          {s.routing.lead.why.length > 0 && <Text className="why">{`依据：${s.routing.lead.why.join('、')}`}</Text>}
        </View>
      )}
      <Deadline s={s} />
    </View>
  );
}

/** The list for `view`, with its search box and paging. */
export function SuggestionList(props: { view: ListView; onCount?: (total: number) => void }) {
  const { view } = props;
  const [words, setWords] = useState('');
  const [q, setQ] = useState('');
  const [items, setItems] = useState<SuggestionSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const busy = useRef(false);

  const load = useCallback(
    async (p: number) => {
      if (busy.current) return;
      busy.current = true;
      setLoading(true);
      try {
        const r = await api.listSuggestions({ ...view.query, ...(q ? { q } : {}), page: p, pageSize: PAGE });
        setItems((old) => (p === 1 ? r.items : [...(old ?? []), ...r.items]));
        setTotal(r.total);
        setPage(p);
        setError(null);
        props.onCount?.(r.total);
      } catch (e) {
        setError(errorText(e));
      } finally {
        busy.current = false;
        setLoading(false);
      }
    },
    [view.key, q],
  );
  useEffect(() => {
    setItems(null);
    void load(1);
  }, [load]);
  const shows = useRef(0);
  useDidShow(() => {
    if (shows.current++ > 0) void load(1);
  });
  const more = items !== null && items.length < total;
  usePullDownRefresh(async () => {
    await load(1);
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => {
    if (more) void load(page + 1);
  });

  return (
    <View className="suggestion-list">
      <View className="search">
        <Input
          className="input"
          name="q"
          confirmType="search"
          placeholder="按标题或内容里的词搜索"
          value={words}
          onInput={(e) => setWords(e.detail.value)}
          onConfirm={() => setQ(words.trim())}
        />
        <Button type="primary" fill="outline" onClick={() => setQ(words.trim())}>
          搜索
        </Button>
      </View>
      {q && <Text className="hint">{`“${q}”的搜索结果：${total} 件`}</Text>}
      <Status
        loading={loading && items === null}
        error={error}
        empty={items?.length === 0}
        emptyText={q ? `没有找到含“${q}”的建议` : view.empty}
        next={q ? { text: '换个词试试，或清空搜索看全部。', label: '清空搜索', onTap: () => (setWords(''), setQ('')) } : { text: view.next, label: view.start?.label, onTap: view.start ? () => Taro.navigateTo({ url: view.start!.url }) : undefined }}
        onRetry={() => load(1)}
      />
      {items?.map((s) => <SuggestionRow key={s.id} s={s} queue={Boolean(view.query.queue)} />)}
      {more && (
        <Button block fill="outline" loading={loading} onClick={() => load(page + 1)}>
          {`加载更多（已显示 ${items!.length} / ${total} 件）`}
        </Button>
      )}
      {items && items.length > 0 && !more && <Text className="load-more">{`已显示全部 ${total} 件`}</Text>}
    </View>
  );
}
