/** Regions (city → district/county → town/street): the tree, a form to add one below a chosen parent, renaming. */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../components/ui';
import { useState } from 'react';
import { REGION_LEVEL_LABELS } from '../../../../contracts/labels';
import type { RegionLevel } from '../../../../contracts/enums';
import { Status } from '../../components/Status';
import { api } from '../../services/api';
import { useAct, useData } from '../../services/useData';
import { Screen } from '../../components/Screen';

const INDENT: Record<string, string> = { city: '', district: '　', town: '　　' };

export default function Regions() {
  const { data, error, loading, reload } = useData(() => api.regions());
  const [parent, setParent] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [newName, setNewName] = useState('');

  const { message, act } = useAct(reload);
  const regions = data?.items ?? [];
  const parentName = regions.find((r) => r.code === parent)?.name;

  return (
    <Screen>
      <View className="card">
        <Text className="label">{parent ? `在“${parentName}”下新增区域` : '点下面列表里的“加下级”选择上级区域（不选即新建市级区域）'}</Text>
        <Text className="label">区域代码</Text>
        <Input className="input" name="code" placeholder="区域代码" value={code} onInput={(e) => setCode(e.detail.value)} />
        <Text className="label">区域名称</Text>
        <Input className="input" name="name" placeholder="区域名称" value={name} onInput={(e) => setName(e.detail.value)} />
        <Button block type="primary" onClick={() => act(() => api.createRegion({ code, name, parent: parent ?? undefined }), `已新增“${name}”`)}>
          新增区域
        </Button>
        {message && <Text className="muted">{message}</Text>}
      </View>
      <Status loading={loading && !data} error={error} onRetry={reload} empty={!!data && !regions.length} />
      <View className="card">
        {regions.map((r) => (
          <View key={r.id} className="line">
            <Text>{`${INDENT[r.level] ?? ''}${r.name}（${REGION_LEVEL_LABELS[r.level as RegionLevel] ?? r.level} · ${r.code}）`}</Text>
            {r.level !== 'town' && (
              <Text className="why" onClick={() => setParent(r.code)}>
                {' 加下级'}
              </Text>
            )}
            <Text
              className="why"
              onClick={() => {
                setEditing(r.code);
                setNewName(r.name);
              }}
            >
              {' 改名'}
            </Text>
            {editing === r.code && (
              <View className="row">
                <Input className="input checkin-input" placeholder="新名称" value={newName} onInput={(e) => setNewName(e.detail.value)} />
                <Button type="primary" fill="outline" onClick={() => act(() => api.renameRegion(r.code, newName), `已改名为“${newName}”`).then(() => setEditing(null))}>
                  保存
                </Button>
              </View>
            )}
          </View>
        ))}
      </View>
    </Screen>
  );
}
