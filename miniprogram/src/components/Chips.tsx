/** A row of tappable chips — one choice or several — drawn the same way on every page. */
import { Text, View } from '@tarojs/components';

/** Chips for `options` ([value, label] pairs); `isOn` marks the chosen ones, `onTap` is told which was tapped. */
export function Chips<T extends string | number>(props: { options: [T, string][]; isOn: (v: T) => boolean; onTap: (v: T) => void }) {
  return (
    <View className="choices">
      {props.options.map(([v, label]) => (
        <Text key={String(v)} className={props.isOn(v) ? 'choice choice-on' : 'choice'} onClick={() => props.onTap(v)}>
          {label}
        </Text>
      ))}
    </View>
  );
}

/** The list with `v` added, or removed if it was there (a multiple choice). */
export const toggle = <T,>(list: T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
