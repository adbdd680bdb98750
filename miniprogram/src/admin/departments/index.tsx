/**
 * Departments for the admin and the city office: name, kind, duty text, aliases (住建局 = 住房和城乡建设局) and
 * the routing keywords the next retrain learns from; add, edit, deactivate, reactivate.
 */
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../components/ui';
import { useState } from 'react';
import { DEPARTMENT_KIND_LABELS } from '../../../../contracts/labels';
import type { DepartmentKind } from '../../../../contracts/enums';
import type { AdminDepartment } from '../../../../contracts/admin';
import { Chips } from '../../components/Chips';
import { Status } from '../../components/Status';
import { api } from '../../services/api';
import { useAct, useData } from '../../services/useData';
import { Screen } from '../../components/Screen';

const words = (s: string) => s.split(/[\s,，、;；]+/).map((w) => w.trim()).filter(Boolean);
const KINDS = Object.entries(DEPARTMENT_KIND_LABELS) as [DepartmentKind, string][];

export default function Departments() {
  const { data, error, loading, reload } = useData(() => api.managedDepartments());
  const [editing, setEditing] = useState<AdminDepartment | null>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DepartmentKind>('government');
  const [duties, setDuties] = useState('');
  const [aliases, setAliases] = useState('');
  const [keywords, setKeywords] = useState('');

  const edit = (d: AdminDepartment | null) => {
    setEditing(d);
    setCode(d?.code ?? '');
    setName(d?.name ?? '');
    setKind((d?.kind as DepartmentKind) ?? 'government');
    setDuties(d?.duties ?? '');
    setAliases(d?.aliases.join('、') ?? '');
    setKeywords(d?.keywords.join('、') ?? '');
    setMessage(null);
  };
  const { message, setMessage, act } = useAct(reload);
  const save = () => {
    const body = { name, kind, duties, aliases: words(aliases), keywords: words(keywords) };
    return editing ? act(() => api.updateDepartment(editing.code, body), `已保存“${name}”`) : act(() => api.createDepartment({ code, ...body }), `已新增“${name}”`);
  };

  return (
    <Screen>
      <View className="card">
        <Text className="label">{editing ? `修改“${editing.name}”（代码 ${editing.code}）` : '新增承办单位'}</Text>
        {!editing && (
          <View>
            <Text className="label">单位代码（小写字母开头，如 housing）</Text>
            <Input className="input" name="code" placeholder="单位代码，如 housing" value={code} onInput={(e) => setCode(e.detail.value)} />
          </View>
        )}
        <Text className="label">单位名称</Text>
        <Input className="input" name="name" placeholder="单位名称" value={name} onInput={(e) => setName(e.detail.value)} />
        <Chips options={KINDS} isOn={(k) => k === kind} onTap={setKind} />
        <Text className="label">职责</Text>
        <Textarea className="textarea" name="duties" placeholder="职责" value={duties} onInput={(e) => setDuties(e.detail.value)} />
        <Text className="label">别名（顿号或空格分开，如 住建局）</Text>
        <Input className="input" name="aliases" placeholder="别名，如 住建局" value={aliases} onInput={(e) => setAliases(e.detail.value)} />
        <Text className="label">分类关键词（顿号或空格分开；下次重新训练分办模型时生效）</Text>
        <Textarea className="textarea" name="keywords" placeholder="分类关键词" value={keywords} onInput={(e) => setKeywords(e.detail.value)} />
        <Button block type="primary" onClick={save}>
          {editing ? '保存修改' : '新增'}
        </Button>
        {editing && (
          <Button block type="primary" fill="outline" onClick={() => edit(null)}>
            取消修改
          </Button>
        )}
        {message && <Text className="muted">{message}</Text>}
      </View>
      <Status loading={loading && !data} error={error} onRetry={reload} empty={!!data && !data.items.length} />
      {data?.items.map((d) => (
        <View key={d.id} className="card">
          <Text className="title">{d.name}</Text>
          <Text className="muted">{[d.code, d.kindLabel, d.aliases.length ? `又称 ${d.aliases.join('、')}` : null].filter(Boolean).join(' · ')}</Text>
          {!d.active && <Text className="tag">已停用</Text>}
          <Text className="line">{`关键词 ${d.keywords.length} 个：${d.keywords.slice(0, 12).join('、')}${d.keywords.length > 12 ? '…' : ''}`}</Text>
          <View className="row">
            <Button type="primary" fill="outline" onClick={() => edit(d)}>
              修改
            </Button>
            <Button type="primary" fill="outline" onClick={() => act(() => api.updateDepartment(d.code, { active: !d.active }), d.active ? '已停用' : '已启用')}>
              {d.active ? '停用' : '启用'}
            </Button>
          </View>
        </View>
      ))}
    </Screen>
  );
}
