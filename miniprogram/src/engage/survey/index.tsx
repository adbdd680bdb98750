/** Answering one survey, ballot or evaluation: single and multiple choice, 1–5 ratings and text. */
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../components/ui';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Chips, toggle } from '../../components/Chips';
import { Status } from '../../components/Status';
import { api, errorText } from '../../services/api';
import type { QuestionnaireResults } from '../../../../contracts/client';
import { useData } from '../../services/useData';
import { Screen } from '../../components/Screen';

type Value = string | number | number[];

export default function Survey() {
  const id = Number(useRouter().params.id);
  const { data: q, error, loading, reload } = useData(() => api.questionnaire(id), [id]);
  // Ballots and evaluations publish their results to the voters once closed.
  const [results, setResults] = useState<QuestionnaireResults | null>(null);
  useEffect(() => {
    if (q && q.open === false && q.kind !== 'survey') api.questionnaireResults(id).then(setResults, () => setResults(null));
  }, [q, id]);
  const [answers, setAnswers] = useState<Record<string, Value>>({});
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (q?.myAnswers) setAnswers(q.myAnswers as Record<string, Value>);
    if (q) Taro.setNavigationBarTitle({ title: q.kindLabel });
  }, [q]);
  const set = (qid: string, v: Value) => setAnswers((a) => ({ ...a, [qid]: v }));
  const send = async () => {
    try {
      const r = await api.answer(id, answers);
      setMessage(r.updated ? '已更新您的回答' : '提交成功，谢谢！');
      await reload();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  return (
    <Screen>
      <Status loading={loading && !q} error={error} onRetry={reload} />
      {q && (
        <View>
          <View className="card">
            <Text className="title">{q.title}</Text>
            {q.answered && <Text className="tag tag-ok">已填写</Text>}
            {q.rules.rule && <Text className="muted">{`表决规则：${q.rules.rule}`}</Text>}
          </View>
          {results && (
            <View className="card results">
              <Text className="label">{`结果：${results.responded}/${results.eligible} 人参与${results.ballot ? (results.ballot.quorumMet ? '，达到法定人数' : '，未达到法定人数') : ''}`}</Text>
              {results.ballot
                ? results.ballot.candidates.map((c) => <Text key={c.label}>{`${c.label}：${c.votes} 票，${c.passed ? '通过' : '未通过'}`}</Text>)
                : results.questions.map((x) => <Text key={x.id}>{`${x.title}：${(x.options ?? []).map((o) => `${o.label} ${o.count}`).join('，')}`}</Text>)}
            </View>
          )}
          {q.questions.map((item, n) => {
            const v = answers[item.id];
            return (
              <View key={item.id} className="card">
                <Text className="label">{`${n + 1}. ${item.title}${item.type === 'multiple' && item.max ? `（最多选 ${item.max} 项）` : ''}`}</Text>
                {item.type === 'single' && <Chips options={(item.options ?? []).map((o, i) => [i, o])} isOn={(i) => v === i} onTap={(i) => set(item.id, i)} />}
                {item.type === 'multiple' && (
                  <Chips
                    options={(item.options ?? []).map((o, i) => [i, o])}
                    isOn={(i) => Array.isArray(v) && v.includes(i)}
                    onTap={(i) => set(item.id, toggle(Array.isArray(v) ? v : [], i))}
                  />
                )}
                {item.type === 'rating' && <Chips options={[1, 2, 3, 4, 5].map((x) => [x, `${x} 分`])} isOn={(x) => v === x} onTap={(x) => set(item.id, x)} />}
                {item.type === 'text' && <Input className="input" placeholder="请填写" value={String(v ?? '')} onInput={(e) => set(item.id, e.detail.value)} />}
                {item.type === 'longtext' && <Textarea className="textarea" placeholder="请填写" value={String(v ?? '')} onInput={(e) => set(item.id, e.detail.value)} />}
              </View>
            );
          })}
          {message && <Text className="muted">{message}</Text>}
          {q.open !== false && (
            <Button block type="primary" onClick={send}>
              提交
            </Button>
          )}
        </View>
      )}
    </Screen>
  );
}
