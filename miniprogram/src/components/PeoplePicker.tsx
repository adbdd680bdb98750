/**
 * Picking deputies by name: type part of a name, tap the person in the results (with level, delegation and
 * station so two people of one name can be told apart); the picked ones show as removable chips.
 */
import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { DeputyListItem } from '../../../contracts/schemas';
import { api } from '../services/api';
import { Button } from './ui';

/** A picked person: the username goes to the API, the name is what people see. */
export interface Picked {
  username: string;
  name: string;
}

/** The picker; `picked` is controlled by the form. */
export function PeoplePicker(props: { label: string; picked: Picked[]; onChange: (p: Picked[]) => void; exclude?: string[]; name?: string }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<DeputyListItem[]>([]);
  const [searched, setSearched] = useState('');
  useEffect(() => {
    const words = q.trim();
    if (!words) return setFound([]);
    const timer = setTimeout(() => {
      api.deputies({ q: words }).then(
        (r) => (setFound(r.items.slice(0, 8)), setSearched(words)),
        () => setFound([]),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [q]);
  const has = (u: string) => props.picked.some((p) => p.username === u) || (props.exclude ?? []).includes(u);
  return (
    <View className="people-picker">
      <Text className="label">{props.label}</Text>
      {props.picked.length > 0 && (
        <View className="picked">
          {props.picked.map((p) => (
            <Text key={p.username} className="choice choice-on" onClick={() => props.onChange(props.picked.filter((x) => x.username !== p.username))}>
              {`${p.name} ✕`}
            </Text>
          ))}
        </View>
      )}
      <Input className="input" name={props.name ?? 'person'} aria-label={`${props.label}：输入姓名查找`} placeholder="输入姓名查找，如：李" value={q} onInput={(e) => setQ(e.detail.value)} />
      {found.map((d) => (
        <View key={d.username} className="person">
          <View>
            <Text className="line">{d.name}</Text>
            <Text className="muted">{[d.levelLabel, d.delegation, d.station?.name].filter(Boolean).join(' · ')}</Text>
          </View>
          <Button
            type="primary"
            fill="outline"
            disabled={has(d.username)}
            onClick={() => {
              props.onChange([...props.picked, { username: d.username, name: d.name }]);
              setQ('');
            }}
          >
            {has(d.username) ? '已选' : '选择'}
          </Button>
        </View>
      ))}
      {q.trim() && searched === q.trim() && found.length === 0 && <Text className="hint">{`没有找到姓名含“${q.trim()}”的代表`}</Text>}
    </View>
  );
}
