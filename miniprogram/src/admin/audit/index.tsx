/** The audit log for the admin: every administrative change and sign-in, newest first, filtered and paged. */
import { Input, Picker, Text, View } from '@tarojs/components';
import { AUDIT_ACTION_LABELS } from '../../../../contracts/labels';
import { Button } from '../../components/ui';
import { useState } from 'react';
import { chinaTime } from '../../../../contracts/format';
import type { AuditEntry } from '../../../../contracts/admin';
import { Status } from '../../components/Status';
import { api } from '../../services/api';
import { useData } from '../../services/useData';
import { Screen } from '../../components/Screen';

/** What changed, in the API's words: 名称：旧 → 新 (or what a creation or sign-in recorded). */
const changes = (e: AuditEntry): string[] =>
  e.changes.map((c) => (e.before && e.after ? `${c.label}：${c.before ?? '—'} → ${c.after ?? '—'}` : `${c.label}：${c.after ?? c.before ?? '—'}`));

/** The operations to filter by, as people name them (全部 first). */
const ACTIONS: [string, string][] = [['', '全部操作'], ...Object.entries(AUDIT_ACTION_LABELS)];

export default function Audit() {
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [filter, setFilter] = useState<{ actor?: string; action?: string }>({});
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useData(() => api.audit({ ...filter, page, pageSize: 30 }), [filter, page]);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <Screen>
      <View className="card">
        <Input className="input" name="actor" aria-label="操作人用户名" placeholder="操作人用户名（可不填）" value={actor} onInput={(e) => setActor(e.detail.value)} />
        <Picker mode="selector" range={ACTIONS.map(([, label]) => label)} value={Math.max(0, ACTIONS.findIndex(([code]) => code === action))} onChange={(e) => setAction(ACTIONS[Number(e.detail.value)][0])}>
          <Text className="label">{`操作：${ACTIONS.find(([code]) => code === action)?.[1] ?? '全部操作'}（点此选择）`}</Text>
        </Picker>
        <Button
          block
          type="primary"
          onClick={() => {
            setFilter({ actor: actor.trim() || undefined, action: action.trim() || undefined });
            setPage(1);
          }}
        >
          筛选
        </Button>
      </View>
      <Status loading={loading && !data} error={error} onRetry={reload} empty={!!data && !data.items.length} emptyText="没有符合条件的记录" />
      {data?.items.map((e) => (
        <View key={e.id} className="card audit-row">
          <Text className="title">{`${e.actionLabel}${e.objectLabel ? ` · ${e.objectLabel}` : ''}`}</Text>
          <Text className="muted">{`${chinaTime(e.at)} · ${e.actor.name ?? e.actor.username ?? '未知'}${e.actor.username ? `（${e.actor.username}）` : ''}${e.clientAddress ? ` · ${e.clientAddress}` : ''}`}</Text>
          {changes(e).map((c) => (
            <Text key={c} className="line">
              {c}
            </Text>
          ))}
        </View>
      ))}
      {data && (
        <View className="row">
          <Button type="primary" fill="outline" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            上一页
          </Button>
          <Text className="muted">{`第 ${page}/${pages} 页，共 ${data.total} 条`}</Text>
          <Button type="primary" fill="outline" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            下一页
          </Button>
        </View>
      )}
    </Screen>
  );
}
