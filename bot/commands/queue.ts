/** 待分办: the office's routing queue with the proposal and its deciding words. */
import type { Turn } from '../turn';

/** Lists suggestions waiting to be routed. */
export async function queue(t: Turn): Promise<void> {
  const page = await t.api.listSuggestions({ queue: 'routing', pageSize: 10 });
  if (!page.items.length) return t.say('没有待分办的建议。', { private: true });
  const lines = page.items.map((s) => {
    const r = s.routing;
    const lead = r?.lead ? `${r.lead.name}（把握${r.confidenceLabel}${r.lead.why.length ? `，依据：${r.lead.why.join('、')}` : ''}）` : '无';
    return `${s.id}. ${s.title}${s.state === 'submitted' ? '（待立案）' : ''}\n  建议主办：${lead}${r?.co.length ? `；协办：${r.co.map((d) => d.name).join('、')}` : ''}${r?.needsReview ? '【需人工选择】' : ''}`;
  });
  t.say(`待分办 ${page.total} 件：\n${lines.join('\n')}\n回复“确认 编号”按建议交办，或“改派 编号 单位名”。`, { private: true });
}
