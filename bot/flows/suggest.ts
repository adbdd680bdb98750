/** Writing a suggestion: title → content → preview (proposed department, similar suggestions) → 确认. */
import { TITLE_MAX } from '../../contracts/schemas';
import type { Turn } from '../turn';
import type { Flow } from '../session';

type SuggestFlow = Extract<Flow, { flow: 'suggest' }>;

/** Shows the preview with the proposed department and similar suggestions; the draft waits for 确认. */
export async function previewSuggestion(t: Turn, s: SuggestFlow): Promise<void> {
  const draft: SuggestFlow = { ...s, step: 'confirm' };
  if (!(await t.start(draft))) return;
  const [p, similar] = await Promise.all([t.api.classify(draft.title!, draft.body), t.api.similar(draft.title!, draft.body)]);
  const routing = p.lead ? `建议由 ${p.lead.name} 主办（依据：${p.lead.why.join('、') || '无'}${p.needsReview ? '，需人大工作人员确认' : ''}）` : '暂无分办建议，将由人大工作人员分办';
  t.say(
    [
      '请确认你的建议：',
      `标题：${draft.title}`,
      `内容：${draft.body!.slice(0, 300)}`,
      routing,
      ...(similar.items.length ? ['已有相似建议（可考虑联名附议）：', ...similar.items.map((x) => `· ${x.id}. ${x.title}（${x.stateLabel}）`)] : []),
      ...(draft.cosigners?.length ? [`附议：${draft.cosigners.map((c) => c.name).join('、')}`] : []),
      '回复“确认”提交，“取消”放弃；要邀请附议可回复“附议 李秀英”。',
    ].join('\n'),
    { private: true },
  );
}

/** Adds co-signers by name or username; asks when a name fits two deputies. */
export async function addCosigners(t: Turn, draft: SuggestFlow, said: string[]): Promise<void> {
  if (!said.length) return t.say('请说附议人的姓名，例如：附议 李秀英 张志强', { private: true });
  const added = [...(draft.cosigners ?? [])];
  for (const name of said) {
    const found = await t.directory.people(t.api, name);
    if (!found.length) return t.say(`没有找到叫“${name}”的代表，请核对姓名。`, { private: true });
    if (found.length > 1) {
      const next = { ...draft, cosigners: added };
      if (!(await t.start({ flow: 'pick-person', said: name, options: found.slice(0, 5), back: next }))) return;
      return t.say(`有 ${found.length} 位代表叫“${name}”：\n${found.slice(0, 5).map((p, i) => `${i + 1}. ${p.name}（${p.desc}）`).join('\n')}\n回复序号选择。`, { private: true });
    }
    if (!added.some((c) => c.username === found[0].username)) added.push({ username: found[0].username, name: found[0].name });
  }
  const next: SuggestFlow = { ...draft, cosigners: added };
  if (!(await t.start(next))) return;
  t.say(`已添加附议：${added.map((c) => c.name).join('、')}。${draft.step === 'confirm' ? '回复“确认”提交。' : ''}`, { private: true });
}

/** One message inside the suggestion flow. */
export async function suggestStep(t: Turn, s: SuggestFlow): Promise<void> {
  const text = t.u.text;
  if (s.step === 'title') {
    if ([...text].length > TITLE_MAX) {
      // A whole letter where the title was asked for: keep it as the content and ask for a short title.
      if (!(await t.start({ ...s, body: s.body ? `${s.body}\n${text}` : text }))) return;
      return t.say(`标题最多 ${TITLE_MAX} 字。这段话我先记作建议内容，请再发一句话的标题。`, { private: true });
    }
    if (s.body) return previewSuggestion(t, { ...s, title: text });
    if (!(await t.start({ ...s, title: text, step: 'body' }))) return;
    return t.say('请发建议的具体内容（现状、问题、建议怎么做）。', { private: true });
  }
  if (s.step === 'body') return previewSuggestion(t, { ...s, body: text });
  if (t.u.intent === 'cosign') return addCosigners(t, s, t.u.slots.people ?? []);
  if (t.u.intent === 'yes' || t.u.intent === 'ack') {
    if (!(await t.finish())) return;
    try {
      const created = await t.api.createSuggestion({ title: s.title!, body: s.body!, cosigners: s.cosigners?.map((c) => c.username), submit: true });
      return t.say(`已提交，建议编号 ${created.id}（${created.number}），等待人大审查交办。发“${created.id}号建议办到哪了”随时查看进度。`);
    } catch (e) {
      // Nothing typed is lost: the draft comes back.
      await t.start(s);
      throw e;
    }
  }
  t.say('回复“确认”提交，或“取消”放弃。', { private: true });
}
