/**
 * One suggestion as the caller may see it: text, routing proposal with its deciding words, deadlines, handling
 * departments, answers, ratings and the timeline; and the buttons of exactly the actions the API says this
 * person may take now. Actions that need nothing more are done in one tap; the others open their form.
 */
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { SuggestionAction } from '../../../../contracts/enums';
import type { SuggestionDetail } from '../../../../contracts/schemas';
import { Progress } from '../../components/Progress';
import { Screen } from '../../components/Screen';
import { Status } from '../../components/Status';
import { Button } from '../../components/ui';
import { api, errorText } from '../../services/api';
import { photoSrc } from '../../services/photos';
import { useData } from '../../services/useData';
import { ActionForm } from './ActionForm';
import { askFirst, doneText, type ActionDetail } from './actions';
import './index.css';
import { chinaTime } from '../../../../contracts/format';

const ONE_TAP: SuggestionAction[] = ['submit', 'sign', 'confirm', 'accept', 'close', 'urge'];

/** The plain heading of an answer: who answered, the result in words (the class letter only for those handling it). */
function answerHeading(s: SuggestionDetail, a: SuggestionDetail['answers'][number]): string {
  const plain = s.viewer === 'citizen' || s.viewer === 'deputy';
  const round = a.round > 1 ? `第 ${a.round} 次答复` : '答复';
  const result = plain ? `办理结果：${a.answerClassLabel}` : `${a.answerClass} 类 · ${a.answerClassLabel}`;
  return `${a.department.name}的${round}（${result}）`;
}

export default function Suggestion() {
  const id = Number(useRouter().params.id);
  const { data, error, loading, reload } = useData(async () => {
    const [s, departments] = await Promise.all([api.getSuggestion(id), api.departments()]);
    return { s, departments: departments.items };
  }, [id]);
  const [current, setCurrent] = useState<SuggestionDetail | null>(null);
  const [open, setOpen] = useState<SuggestionAction | null>(null);
  const [busy, setBusy] = useState(false);
  const s = current && current.id === id ? current : data?.s;

  const done = (next: SuggestionDetail, action: SuggestionAction) => {
    setCurrent(next);
    setOpen(null);
    Taro.showToast({ title: doneText(action), icon: 'success' });
  };
  const tap = async (detail: ActionDetail) => {
    const { action } = detail;
    if (!s) return;
    if (!ONE_TAP.includes(action)) return setOpen(open === action ? null : action);
    if (!(await askFirst(s, detail))) return;
    setBusy(true);
    try {
      done(await api.act(s.id, action, {} as never), action);
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const details = s?.actionDetails ?? [];
  const openDetail = details.find((d) => d.action === open) ?? null;
  return (
    <Screen onRefresh={reload}>
      <Status loading={loading && !s} error={error} onRetry={reload} />
      {s && (
        <View>
          <Progress s={s} />
          <View className="card">
            <View className="row">
              <Text className="muted">{`编号 ${s.number}`}</Text>
              <Text className={s.state === 'closed' ? 'tag tag-ok' : 'tag'}>{s.stateLabel}</Text>
            </View>
            <Text className="title">{s.title}</Text>
            <Text className="muted">
              {[s.author.name, s.deputy && s.deputy.name !== s.author.name ? `代表 ${s.deputy.name}` : null, s.region?.name, s.submittedAt ? `${chinaTime(s.submittedAt)} 提交` : null]
                .filter(Boolean)
                .join(' · ')}
            </Text>
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
              <Text className="muted line">{`附议：${s.cosigning.map((c) => `${c.person.name}（${c.kind === 'request' && c.status === 'pending' ? '申请加入，待领衔代表同意' : c.statusLabel}）`).join('、')}`}</Text>
            )}
            {s.rejectReason && <Text className="error">{`不予立案理由：${s.rejectReason}`}</Text>}
          </View>

          {s.routing?.lead && !s.lead && s.viewer !== 'citizen' && (
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

          {s.assignments.length > 0 && (
            <View className="card">
              <Text className="label">承办单位</Text>
              {s.assignments.map((a) => (
                <Text key={a.department.code} className="line">{`${a.role === 'lead' ? '主办' : '协办'}：${a.department.name}（${a.signedAt ? `${chinaTime(a.signedAt)} 签收` : '还没有签收'}）`}</Text>
              ))}
            </View>
          )}

          {s.answers
            .filter((a) => a.state === 'published')
            .map((a) => (
              <View key={a.id} className="card answer">
                <Text className="label">{answerHeading(s, a)}</Text>
                {a.publishedAt && <Text className="muted line">{`${chinaTime(a.publishedAt)} 答复`}</Text>}
                <Text>{a.text}</Text>
              </View>
            ))}
          {s.ratings.map((r) => (
            <View key={`${r.round}-${r.by.name}`} className="card">
              <Text>{`${r.by.name}的测评：${r.ratingLabel}${r.comment ? `。${r.comment}` : ''}`}</Text>
              <Text className="muted line">{chinaTime(r.at)}</Text>
            </View>
          ))}

          {s.actions.length > 0 && (
            <View className="card">
              <Text className="label">您现在可以</Text>
              <View className="actions">
                {details.map((d, i) => (
                  <View key={d.action} className="action-item">
                    <Button
                      type="primary"
                      fill={open === d.action || (i === 0 && !open) ? 'solid' : 'outline'}
                      disabled={busy}
                      loading={busy && ONE_TAP.includes(d.action)}
                      onClick={() => tap(d)}
                    >
                      {d.label}
                    </Button>
                    <Text className="action-effect">{d.effect}</Text>
                  </View>
                ))}
              </View>
            </View>
          )}
          {openDetail && <ActionForm key={openDetail.action} s={s} detail={openDetail} departments={data?.departments ?? []} onDone={(next) => done(next, openDetail.action)} />}
          {s.editable && (
            <Button block type="primary" fill="outline" onClick={() => Taro.navigateTo({ url: `/pages/compose/index?id=${s.id}` })}>
              修改草稿
            </Button>
          )}

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
