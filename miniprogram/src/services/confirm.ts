/** Asking before an act that cannot be undone: the platform's own dialog (WeChat's modal, Taro's in the browser). */
import Taro from '@tarojs/taro';

/** Shows `content` under `title` with 确定 / 取消; resolves true only when the person confirms. */
export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const r = await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#b71c1c' });
    return Boolean(r.confirm);
  } catch {
    return false;
  }
}
