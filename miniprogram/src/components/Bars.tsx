/** A horizontal bar chart drawn with views (the same on WeChat and in the browser): label, bar, value. */
import { Text, View } from '@tarojs/components';

export interface Bar {
  label: string;
  value: number;
  /** What is printed after the bar (defaults to the value). */
  text?: string;
}

/** Bars scaled to the largest value (or to `max`). */
export function Bars(props: { title: string; bars: Bar[]; max?: number; color?: string }) {
  const max = props.max ?? Math.max(1, ...props.bars.map((b) => b.value));
  return (
    <View className="card chart">
      <Text className="label">{props.title}</Text>
      {props.bars.length === 0 && <Text className="muted">暂无数据</Text>}
      {props.bars.map((b) => (
        <View key={b.label} className="bar-row">
          <Text className="bar-label">{b.label}</Text>
          <View className="bar-track">
            <View className="bar-fill" style={{ width: `${Math.round((100 * b.value) / max)}%`, background: props.color ?? '#b71c1c' }} />
          </View>
          <Text className="bar-value">{b.text ?? String(b.value)}</Text>
        </View>
      ))}
    </View>
  );
}
