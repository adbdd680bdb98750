/** 提建议: starts writing a suggestion (with the title, or title and content, when given at once). */
import { previewSuggestion } from '../flows/suggest';
import type { Turn } from '../turn';

/** Starts the suggestion flow; with title and body it goes straight to the preview. */
export async function suggest(t: Turn): Promise<void> {
  if (t.role !== 'deputy') return t.say('只有代表可以在这里提建议；群众请通过小程序向代表反映意见。');
  const { title, body } = t.u.slots;
  if (title && body) return previewSuggestion(t, { flow: 'suggest', step: 'confirm', title, body });
  if (!(await t.start({ flow: 'suggest', step: title ? 'body' : 'title', title, body }))) return;
  if (body) return t.say('内容我已记下。请再发一句话的标题（说明建议什么）。随时回复“取消”可放弃。', { private: true });
  t.say(title ? `标题：${title}\n请发建议的具体内容（现状、问题、建议怎么做）。` : '好的，请发建议的标题（一句话说明建议什么）。随时回复“取消”可放弃。', { private: true });
}
