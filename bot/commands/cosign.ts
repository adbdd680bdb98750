/** 附议 李秀英 / 附议人：deputy06 — co-signers for the suggestion being written. */
import { addCosigners } from '../flows/suggest';
import type { Turn } from '../turn';

/** Adds co-signers to the draft (there must be one). */
export async function cosign(t: Turn): Promise<void> {
  const draft = t.session.active?.flow === 'suggest' ? t.session.active : null;
  if (!draft) return t.say('附议人要在写建议时添加：先发“提建议”，预览时回复“附议 李秀英”。', { private: true });
  return addCosigners(t, draft, t.u.slots.people ?? []);
}
