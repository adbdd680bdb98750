/** Going to a page by its address: the tab pages are switched to (WeChat does not stack them), others are opened. */
import Taro from '@tarojs/taro';

const TABS = ['/pages/index/index', '/pages/work/index', '/pages/messages/index', '/pages/me/index'];

/** Opens `url`, switching tabs when it is one. */
export function go(url: string): void {
  const path = url.split('?')[0];
  if (TABS.includes(path)) void Taro.switchTab({ url: path });
  else void Taro.navigateTo({ url });
}
