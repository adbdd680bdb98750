/**
 * Every page's frame: the `page` box with 长辈模式 applied, and pull-to-refresh wired to the page's reload
 * (the page config turns the gesture on with enablePullDownRefresh).
 */
import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { useElder } from '../services/prefs';

/** The page box; `onRefresh` runs when the person pulls the page down. */
export function Screen(props: { children?: ReactNode; onRefresh?: () => Promise<unknown>; className?: string }) {
  const elder = useElder();
  usePullDownRefresh(async () => {
    if (!props.onRefresh) return;
    try {
      await props.onRefresh?.();
    } finally {
      Taro.stopPullDownRefresh();
    }
  });
  return <View className={['page', elder ? 'elder' : '', props.className ?? ''].filter(Boolean).join(' ')}>{props.children}</View>;
}
