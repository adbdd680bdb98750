/**
 * WeChat subscribe messages: a mini-program may push to a person only after they allowed it for that template,
 * once per allowance. We ask right after acts whose outcome people wait for (handing in an opinion or a
 * suggestion, replying to a meeting). Only on WeChat; elsewhere (H5) there is nothing to ask.
 */
import Taro from '@tarojs/taro';

/** Asks to send news about what the person just did; never fails the act itself. */
export async function askForNews(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || SUBSCRIBE_TEMPLATES.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds: SUBSCRIBE_TEMPLATES } as Taro.requestSubscribeMessage.Option);
  } catch {
    /* declined or not supported: the inbox still has everything */
  }
}
