/**
 * One suggestion as the caller may see it: text, routing proposal with its deciding words, deadlines, handling
 * departments, answers, ratings and the timeline; and the buttons of exactly the actions the API says this
 * person may take now. Actions that need nothing more are done in one tap; the others open their form.
 */
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ACTION_LABELS } from '../../../../contracts/labels';
import type { SuggestionAction } from '../../../../contracts/enums';
import type { SuggestionDetail } from '../../../../contracts/schemas';
import { Progress } from '../../components/Progress';
import { Screen } from '../../components/Screen';
import { Status } from '../../components/Status';
import { Button } from '../../components/ui';
import { api, errorText } from '../../services/api';
import { confirm } from '../../services/confirm';
import { currentUser } from '../../services/me';
import { photoSrc } from '../../services/photos';
import { useData } from '../../services/useData';
import { ActionForm } from './ActionForm';
import './index.css';
import { chinaTime } from '../../../../contracts/format';

const ONE_TAP: SuggestionAction[] = ['submit', 'sign', 'confirm', 'accept', 'close', 'urge'];

/** What a one-tap act does, asked before it is done (none of them can be taken back). */
function consequence(s: SuggestionDetail, action: SuggestionAction): string {
  const lead = s.routing?.lead?.name;
  const co = s.routing?.co.map((c) => c.name).join('、');
  switch (action) {
    case 'submit':
      return '提交后交人大审查，不能再修改。';
    case 'sign':
      return '签收后开始办理，请在答复期限内答复。';
    case 'confirm':
      return `由${lead ?? '推荐的单位'}主办${co ? `，${co}协办` : ''}，确认后立即通知承办单位。`;
    case 'accept':
      return '立案后进入分办，交承办单位办理。';
    case 'close':
      return '办结后不再办理。';
    case 'urge':
      return '将向承办单位发出催办通知，并记入办理经过。';
    default:
      return '';
  }
}

export default function Suggestion() {
  const id = Number(useRouter().params.id);
  const { data, error, loading, reload } = useData(async () => {
    const [s, departments, me] = await Promise.all([api.getSuggestion(id), api.departments(), currentUser()]);
    return { s, departments: departments.items, citizen: me?.role === 'citizen' };
  }, [id]);
  const [current, setCurrent] = useState<SuggestionDetail | null>(null);
  const [open, setOpen] = useState<SuggestionAction | null>(null);
  const [busy, setBusy] = useState(false);
  const s = current && current.id === id ? current : data?.s;

  const done = (next: SuggestionDetail, action: SuggestionAction) => {
    setCurrent(next);
    setOpen(null);
    Taro.showToast({ title: `已${ACTION_LABELS[action]}`, icon: 'success' });
  };
  const tap = async (action: SuggestionAction) => {
    if (!s) return;
    if (!ONE_TAP.includes(action)) return setOpen(open === action ? null : action);
    if (!(await confirm(`${ACTION_LABELS[action]}？`, consequence(s, action), ACTION_LABELS[action]))) return;
    setBusy(true);
    try {
      done(await api.act(s.id, action, {} as never), action);
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen onRefresh={reload}>
      <Status loading={loading && !s} error={error} onRetry={reload} />
      {s && (
        <View>
          <Progress s={s} forCitizen={Boolean(data?.citizen)} />
          <View className="card">
            <View className="row">
              <Text className="muted">{s.number}</Text>
              <Text className={s.state === 'closed' ? 'tag tag-ok' : 'tag'}>{s.stateLabel}</Text>
            </View>
            <Text className="title">{s.title}</Text>
            <Text className="muted">{[s.author.name, s.deputy && s.deputy.name !== s.author.name ? `代表 ${s.deputy.name}` : null, s.region?.name].filter(Boolean).join(' · ')}</Text>
            <View className="body">
              <Text>{s.body}</Text>
            </View>
            {s.photos.length > 0 && (
              <View className="photos">
                {s.photos.map((p) => (
                  <Image
                    key={p.id}
                    aria-label="随信照片"
                    className="photo"
                    mode="aspectFill"
                    src={photoSrc(p.url)}
                    onClick={() => Taro.previewImage({ current: photoSrc(p.url), urls: s.photos.map((x) => photoSrc(x.url)) })}
                  />
                ))}
              </View>
            )}
            {s.cosigning.length > 0 && (
              <Text className="muted">{`附议：${s.cosigning.map((c) => `${c.person.name}（${c.kind === 'request' && c.status === 'pending' ? '申请加入，待领衔代表同意' : c.statusLabel}）`).join('、')}`}</Text>
            )}
            {s.rejectReason && <Text className="error">{`不予立案理由：${s.rejectReason}`}</Text>}
          </View>

          {s.routing?.lead && !s.lead && !data?.citizen && (
            <View className="card routing">
              <Text className="label">{`推荐的承办单位（把握${s.routing.confidenceLabel}${s.routing.needsReview ? '，请人工确认' : ''}）`}</Text>
              {s.routing.reasons.map((r) => (
                <Text key={r} className="muted line">
                  {r}
                </Text>
              ))}
              {s.routing.departments.map((d, i) => (
                  <View key={d.code} className="line">
                    <Text>{`${i === 0 ? '主办' : s.routing?.co.some((c) => c.code === d.code) ? '协办' : '也可能'}：${d.name}`}</Text>
                    {d.why.length > 0 && <Text className="why">{`  依据：${d.why.join('、')}`}</Text>}
                  </View>
                ))}
            </View>
          )}

          {s.deadlines.next && (
            <View className="card">
              <Text className={s.deadlines.overdue || s.deadlines.next.workingDaysLeft < 0 ? 'overdue' : ''}>
                {`${s.deadlines.next.label}：${s.deadlines.next.date}（${s.deadlines.next.workingDaysLeft < 0 ? `已逾期 ${-s.deadlines.next.workingDaysLeft}` : `还剩 ${s.deadlines.next.workingDaysLeft}`} 个工作日）`}
              </Text>
              {s.deadlines.provisional && <Text className="muted">{`\n${s.deadlines.provisionalNote}`}</Text>}
            </View>
          )}

          {s.assignments.length > 0 && (
            <View className="card">
              <Text className="label">承办单位</Text>
              {s.assignments.map((a) => (
                <Text key={a.department.code} className="line">{`${a.role === 'lead' ? '主办' : '协办'}：${a.department.name}${a.signedAt ? '（已签收）' : '（未签收）'}`}</Text>
              ))}
            </View>
          )}

          {s.answers
            .filter((a) => a.state === 'published')
            .map((a) => (
              <View key={a.id} className="card answer">
                <Text className="label">{`${a.department.name} 的答复（第 ${a.round} 轮，${a.answerClass} 类 · ${a.answerClassLabel}）`}</Text>
                <Text>{a.text}</Text>
              </View>
            ))}
          {s.ratings.map((r) => (
            <View key={`${r.round}-${r.by.name}`} className="card">
              <Text>{`${r.by.name} 测评：${r.ratingLabel}${r.comment ? `，${r.comment}` : ''}`}</Text>
            </View>
          ))}

          {s.editable && (
            <Button block type="primary" fill="outline" onClick={() => Taro.navigateTo({ url: `/pages/compose/index?id=${s.id}` })}>
              修改草稿
            </Button>
          )}
          {s.actions.length > 0 && (
            <View className="card">
              <Text className="label">可以办理</Text>
              <View className="actions actions-bar">
                {s.actions.map((a, i) => (
                  <Button
                    key={a}
                    type="primary"
                    fill={open === a || (i === 0 && !open) ? 'solid' : 'outline'}
                    disabled={busy}
                    loading={busy && ONE_TAP.includes(a)}
                    onClick={() => tap(a)}
                  >
                    {ACTION_LABELS[a]}
                  </Button>
                ))}
              </View>
            </View>
          )}
          {open && <ActionForm key={open} s={s} action={open} departments={data?.departments ?? []} onDone={(next) => done(next, open)} />}

          <View className="card">
            <Text className="label">办理经过</Text>
            {s.timeline.map((e) => (
              <View key={e.id} className="timeline-item">
                <Text>{`${e.label} · ${e.actor.name}`}</Text>
                <Text className="muted">{`  ${chinaTime(e.at)}`}</Text>
                {e.note && <Text className="muted">{`\n${e.note}`}</Text>}
              </View>
            ))}
          </View>
        </View>
      )}
    </Screen>
  );
}
