/**
 * The form of one suggestion action. Which actions appear is decided by the API (`actions` in the detail);
 * this only knows what each action asks for, and sends it.
 */
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ANSWER_CLASS_LABELS, CONSULT_METHOD_LABELS, RATING_LABELS } from '../../../../contracts/labels';
import type { SuggestionAction } from '../../../../contracts/enums';
import type { Department, SuggestionDetail } from '../../../../contracts/schemas';
import { Chips, toggle } from '../../components/Chips';
import { Button } from '../../components/ui';
import { api, errorText } from '../../services/api';
import { askFirst, type ActionDetail } from './actions';
import { chinaDay } from '../../../../contracts/format';

type Field =
  | { kind: 'text'; name: string; label: string; required: boolean; long?: boolean }
  | { kind: 'choice'; name: string; label: string; options: Record<string, string> }
  | { kind: 'date'; name: string; label: string }
  | { kind: 'department'; name: string; label: string }
  | { kind: 'departments'; name: string; label: string }
  | { kind: 'requester'; name: string; label: string };

const note = (label = '备注（可不填）'): Field => ({ kind: 'text', name: 'note', label, required: false });

/** What each action asks for. */
const FIELDS: Record<SuggestionAction, Field[]> = {
  submit: [],
  withdraw: [{ kind: 'text', name: 'reason', label: '撤回原因（可不填）', required: false }],
  forward: [note('转为建议的说明（可不填）')],
  reply: [{ kind: 'text', name: 'text', label: '答复内容', required: true, long: true }],
  accept: [note()],
  reject: [{ kind: 'text', name: 'reason', label: '不予立案的理由', required: true, long: true }],
  assign: [
    { kind: 'department', name: 'lead', label: '主办单位' },
    { kind: 'departments', name: 'co', label: '协办单位（可多选）' },
    note(),
  ],
  confirm: [note()],
  sign: [],
  return: [{ kind: 'text', name: 'reason', label: '退回理由（为什么不属于本单位）', required: true, long: true }],
  opinion: [{ kind: 'text', name: 'opinion', label: '协办意见', required: true, long: true }],
  consult: [
    { kind: 'choice', name: 'method', label: '面商方式', options: CONSULT_METHOD_LABELS },
    { kind: 'date', name: 'happenedOn', label: '面商日期' },
    { kind: 'text', name: 'summary', label: '面商情况（无法面商时写明原因）', required: true, long: true },
  ],
  'request-extension': [
    { kind: 'choice', name: 'months', label: '延期月数', options: { 1: '1 个月', 2: '2 个月', 3: '3 个月' } },
    { kind: 'text', name: 'reason', label: '延期理由', required: true, long: true },
  ],
  'decide-extension': [{ kind: 'choice', name: 'approve', label: '审批意见', options: { true: '同意延期', false: '不同意' } }, note()],
  'draft-answer': [
    { kind: 'choice', name: 'answerClass', label: '答复类别', options: ANSWER_CLASS_LABELS },
    { kind: 'text', name: 'text', label: '答复正文', required: true, long: true },
  ],
  'publish-answer': [],
  rate: [
    { kind: 'choice', name: 'rating', label: '对答复是否满意', options: RATING_LABELS },
    { kind: 'text', name: 'comment', label: '测评意见（可不填）', required: false },
  ],
  'decide-redo': [
    { kind: 'choice', name: 'redo', label: '决定', options: { false: '办结', true: '再次交办重新办理' } },
    { kind: 'text', name: 'note', label: '决定理由', required: true, long: true },
  ],
  cosign: [{ kind: 'choice', name: 'accept', label: '是否附议', options: { true: '同意附议', false: '谢绝' } }, note()],
  join: [note('申请附议的说明（可不填）')],
  'decide-join': [
    { kind: 'requester', name: 'user', label: '申请附议的代表' },
    { kind: 'choice', name: 'approve', label: '是否同意', options: { true: '同意', false: '谢绝' } },
    note(),
  ],
  close: [note()],
  urge: [note('催办意见（可不填）')],
  order: [],
};


/** The body to send, from the form's values (empty optional text is left out). */
function bodyOf(action: SuggestionAction, values: Record<string, string | string[]>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of FIELDS[action]) {
    const v = values[f.name];
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
    if (f.name === 'months') body[f.name] = Number(v);
    else if (f.name === 'approve' || f.name === 'redo' || f.name === 'accept') body[f.name] = v === 'true';
    else body[f.name] = typeof v === 'string' ? v.trim() : v;
  }
  return body;
}

/** One action: its fields (if any) and the button that performs it. */
export function ActionForm(props: { s: SuggestionDetail; detail: ActionDetail; departments: Department[]; onDone: (s: SuggestionDetail) => void }) {
  const { s, detail, departments } = props;
  const { action } = detail;
  const draft = s.answers.find((a) => a.state === 'draft');
  const [values, setValues] = useState<Record<string, string | string[]>>(() => ({
    lead: s.routing?.lead?.code ?? '',
    co: s.routing?.co.map((c) => c.code) ?? [],
    happenedOn: chinaDay(),
    months: '1',
    redo: 'false',
    accept: 'true',
    user: s.cosigning.find((c) => c.kind === 'request' && c.status === 'pending')?.person.username ?? '',
    method: 'visit',
    answerClass: draft?.answerClass ?? 'A',
    text: draft?.text ?? '',
  }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: string, v: string | string[]) => setValues((x) => ({ ...x, [name]: v }));
  const fields = FIELDS[action];

  const send = async () => {
    // The API says which acts cannot be undone, and what to ask before them.
    if (!(await askFirst(s, detail))) return;
    setBusy(true);
    setError(null);
    try {
      props.onDone(await api.act(s.id, action, bodyOf(action, values) as never));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };


  return (
    <View className="card action-form" id={`action-${action}`}>
      <Text className="title">{detail.label}</Text>
      <Text className="hint">{detail.effect}</Text>
      {action === 'publish-answer' && draft && (
        <View className="preview">
          <Text className="label">{`答复预览（${draft.answerClass} 类 · ${draft.answerClassLabel}）`}</Text>
          <Text>{draft.text}</Text>
        </View>
      )}
      {action === 'confirm' && s.routing?.lead && (
        <Text className="muted">{`推荐由${s.routing.lead.name}主办${s.routing.co.length ? `，${s.routing.co.map((c) => c.name).join('、')}协办` : ''}`}</Text>
      )}
      {fields.map((f) => {
        if (f.kind === 'choice')
          return (
            <View key={f.name}>
              <Text className="label">{f.label}</Text>
              <Chips options={Object.entries(f.options)} isOn={(code) => values[f.name] === code} onTap={(code) => set(f.name, code)} />
            </View>
          );
        if (f.kind === 'text')
          return (
            <View key={f.name}>
              <Text className="label">{f.label}</Text>
              {f.long ? (
                <Textarea className="textarea" aria-label={f.label} placeholder={f.label} maxlength={5000} value={String(values[f.name] ?? '')} onInput={(e) => set(f.name, e.detail.value)} />
              ) : (
                <Input className="input" aria-label={f.label} placeholder={f.label} value={String(values[f.name] ?? '')} onInput={(e) => set(f.name, e.detail.value)} />
              )}
            </View>
          );
        if (f.kind === 'date')
          return (
            <Picker key={f.name} mode="date" value={String(values[f.name])} onChange={(e) => set(f.name, e.detail.value)}>
              <Text className="label">{`${f.label}：${values[f.name]}`}</Text>
            </Picker>
          );
        if (f.kind === 'requester') {
          const pending = s.cosigning.filter((c) => c.kind === 'request' && c.status === 'pending');
          return (
            <View key={f.name}>
              <Text className="label">{f.label}</Text>
              <Chips options={pending.map((c) => [c.person.username, c.note ? `${c.person.name}：${c.note}` : c.person.name])} isOn={(u) => values[f.name] === u} onTap={(u) => set(f.name, u)} />
            </View>
          );
        }
        if (f.kind === 'department') {
          const at = Math.max(0, departments.findIndex((d) => d.code === values[f.name]));
          return (
            <Picker key={f.name} mode="selector" range={departments.map((d) => d.name)} value={at} onChange={(e) => set(f.name, departments[Number(e.detail.value)].code)}>
              <Text className="label">{`${f.label}：${departments.find((d) => d.code === values[f.name])?.name ?? '请选择'}（点此更改）`}</Text>
            </Picker>
          );
        }
        const chosen = (values[f.name] as string[]) ?? [];
        return (
          <View key={f.name}>
            <Text className="label">{f.label}</Text>
            <Chips
              options={departments.filter((d) => d.code !== values.lead).map((d) => [d.code, d.name.replace(/^淄博市/, '')])}
              isOn={(code) => chosen.includes(code)}
              onTap={(code) => set(f.name, toggle(chosen, code))}
            />
          </View>
        );
      })}
      {error && <Text className="error">{error}</Text>}
      <Button block type="primary" loading={busy} disabled={busy} onClick={send}>
        {detail.label}
      </Button>
    </View>
  );
}
