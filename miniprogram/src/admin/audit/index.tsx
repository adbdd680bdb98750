/** The audit log for the admin: every administrative change and sign-in, newest first, filtered and paged. */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../components/ui';
import { useState } from 'react';
import { chinaTime } from '../../../../contracts/format';
import type { AuditEntry } from '../../../../contracts/admin';
import { Status } from '../../components/Status';
import { api } from '../../services/api';
import { useData } from '../../services/useData';
import { Screen } from '../../components/Screen';

/** The fields that changed, as `name: before → after` (or the new values of a creation or sign-in). */
function changes(e: AuditEntry): string[] {
  const before = e.before ?? {};
  const after = e.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'id');
  const show = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return keys
    .filter((k) => (e.before ? show(before[k]) !== show(after[k]) : after[k] !== undefined))
    .map((k) => (e.before ? `${k}：${show(before[k])} → ${show(after[k])}` : `${k}：${show(after[k])}`));
}

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
        <Input className="input" name="actor" placeholder="操作人用户名（可不填）" value={actor} onInput={(e) => setActor(e.detail.value)} />
        <Input className="input" name="action" placeholder="操作代码，如 signin.failed、users（可不填）" value={action} onInput={(e) => setAction(e.detail.value)} />
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
          <Text className="title">{`${e.actionLabel}${e.object ? ` · ${e.object.type} ${e.object.id ?? ''}` : ''}`}</Text>
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
