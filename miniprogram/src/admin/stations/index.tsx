/** Liaison stations and points of the areas the caller manages: add, edit the address, deactivate, reactivate. */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../components/ui';
import { useState } from 'react';
import { Chips } from '../../components/Chips';
import { Status } from '../../components/Status';
import { api } from '../../services/api';
import { useAct, useData } from '../../services/useData';
import { Screen } from '../../components/Screen';

const KINDS: [string, string][] = [
  ['station', '联络站'],
  ['point', '联络点'],
];

export default function Stations() {
  const { data, error, loading, reload } = useData(() => Promise.all([api.managedStations(), api.regions()]));
  const [name, setName] = useState('');
  const [kind, setKind] = useState('station');
  const [region, setRegion] = useState('');
  const [address, setAddress] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const [newAddress, setNewAddress] = useState('');

  const { message, act } = useAct(reload);
  const stations = data?.[0].items ?? [];
  const towns = (data?.[1].items ?? []).filter((r) => r.level !== 'city');

  return (
    <Screen>
      <View className="card">
        <Text className="label">名称</Text>
        <Input className="input" name="name" placeholder="联络站名称" value={name} onInput={(e) => setName(e.detail.value)} />
        <Chips options={KINDS} isOn={(k) => k === kind} onTap={setKind} />
        <Text className="label">{`所在区域代码${region ? `（${towns.find((t) => t.code === region)?.name ?? '没有这个区域'}）` : ''}`}</Text>
        <Input className="input" name="region" placeholder="所在区域代码" value={region} onInput={(e) => setRegion(e.detail.value)} />
        <Text className="label">地址</Text>
        <Input className="input" name="address" placeholder="地址" value={address} onInput={(e) => setAddress(e.detail.value)} />
        <Button block type="primary" onClick={() => act(() => api.createStation({ name, kind: kind as 'station' | 'point', region, address }), `已新增“${name}”`)}>
          新增联络站
        </Button>
        {message && <Text className="muted">{message}</Text>}
      </View>
      <Status loading={loading && !data} error={error} onRetry={reload} empty={!!data && !stations.length} emptyText="没有可管理的联络站" />
      {stations.map((s) => (
        <View key={s.id} className="card">
          <Text className="title">{s.name}</Text>
          <Text className="muted">{`${s.region.name} · ${s.address}`}</Text>
          {!s.active && <Text className="tag">已停用</Text>}
          <View className="row">
            <Button
              type="primary"
              fill="outline"
              onClick={() => {
                setEditing(s.id);
                setNewAddress(s.address);
              }}
            >
              改地址
            </Button>
            <Button type="primary" fill="outline" onClick={() => act(() => api.updateStation(s.id, { active: !s.active }), s.active ? '已停用' : '已启用')}>
              {s.active ? '停用' : '启用'}
            </Button>
          </View>
          {editing === s.id && (
            <View className="row">
              <Input className="input checkin-input" placeholder="新地址" value={newAddress} onInput={(e) => setNewAddress(e.detail.value)} />
              <Button type="primary" fill="outline" onClick={() => act(() => api.updateStation(s.id, { address: newAddress }), '地址已保存').then(() => setEditing(null))}>
                保存
              </Button>
            </View>
          )}
        </View>
      ))}
    </Screen>
  );
}
