/** Accounts of the areas the caller manages: search by name, filter by role, change the role, deactivate, reactivate. */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../components/ui';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../../contracts/labels';
import type { Role } from '../../../../contracts/enums';
import type { AdminUser } from '../../../../contracts/admin';
import { Chips } from '../../components/Chips';
import { Status } from '../../components/Status';
import { api } from '../../services/api';
import { useAct, useData } from '../../services/useData';
import { Screen } from '../../components/Screen';

const ROLES = Object.entries(ROLE_LABELS).filter(([r]) => r !== 'service') as [Role, string][];

function UserCard(props: { user: AdminUser; onChanged: () => Promise<void> }) {
  const u = props.user;
  const [open, setOpen] = useState(false);
  const { message, act } = useAct(props.onChanged);
  return (
    <View className="card">
      <Text className="title">{`${u.name}（${u.username}）`}</Text>
      <Text className="muted">{[u.roleLabel, u.department?.name, u.region?.name, u.station?.name, u.wechatLinked ? '已绑定微信' : null].filter(Boolean).join(' · ')}</Text>
      {!u.active && <Text className="tag">已停用</Text>}
      <View className="row">
        <Button type="primary" fill="outline" onClick={() => setOpen(!open)}>
          改角色
        </Button>
        <Button type="primary" fill="outline" onClick={() => act(() => (u.active ? api.deactivateUser(u.username) : api.reactivateUser(u.username)), u.active ? '已停用' : '已恢复')}>
          {u.active ? '停用' : '恢复'}
        </Button>
      </View>
      {open && <Chips options={ROLES} isOn={(r) => r === u.role} onTap={(role) => act(() => api.updateUser(u.username, { role }), `已改为${ROLE_LABELS[role]}`)} />}
      {message && <Text className="muted">{message}</Text>}
    </View>
  );
}

export default function Users() {
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [page, setPage] = useState(1);
  const [query, setQuery] = useState('');
  const { data, error, loading, reload } = useData(() => api.users({ q: query || undefined, role: role ?? undefined, page, pageSize: 20 }), [query, role, page]);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <Screen>
      <View className="card">
        <Input className="input" name="q" placeholder="姓名或用户名" value={q} onInput={(e) => setQ(e.detail.value)} />
        <Chips options={ROLES} isOn={(r) => r === role} onTap={(r) => { setRole(r === role ? null : r); setPage(1); }} />
        <Button block type="primary" onClick={() => { setQuery(q.trim()); setPage(1); }}>
          搜索
        </Button>
      </View>
      <Status loading={loading && !data} error={error} onRetry={reload} empty={!!data && !data.items.length} emptyText="没有符合条件的账号" />
      {data?.items.map((u) => <UserCard key={u.id} user={u} onChanged={reload} />)}
      {data && (
        <View className="row">
          <Button type="primary" fill="outline" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            上一页
          </Button>
          <Text className="muted">{`第 ${page}/${pages} 页，共 ${data.total} 个账号`}</Text>
          <Button type="primary" fill="outline" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            下一页
          </Button>
        </View>
      )}
    </Screen>
  );
}
