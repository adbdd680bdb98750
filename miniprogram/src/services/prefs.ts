/**
 * The reader's own settings kept on the device: 长辈模式 (large text). Pages read it through useElder(); a
 * change is seen at once by every open page.
 */
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

const ELDER_KEY = 'lvzhi.elder';
const listeners = new Set<(on: boolean) => void>();

/** Whether large text is on. */
export const elderOn = (): boolean => Taro.getStorageSync(ELDER_KEY) === '1';

/** Turns large text on or off and tells every open page. */
export function setElder(on: boolean): void {
  Taro.setStorageSync(ELDER_KEY, on ? '1' : '0');
  for (const l of listeners) l(on);
}

/** The current large-text setting, kept up to date. */
export function useElder(): boolean {
  const [on, setOn] = useState(elderOn);
  useEffect(() => {
    listeners.add(setOn);
    return () => void listeners.delete(setOn);
  }, []);
  return on;
}
