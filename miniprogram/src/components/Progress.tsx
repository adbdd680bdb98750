/**
 * The progress stepper on every suggestion: 提交 → 交办 → 办理 → 答复 → 测评, with one sentence in plain words
 * saying where it is now and what happens next — worded for the citizen who wrote it, or for the people who
 * handle it.
 */
import { Text, View } from '@tarojs/components';
import type { SuggestionDetail } from '../../../contracts/schemas';
import { Step, Steps } from './ui';

/** The step NutUI shows in progress (1-based): the API's current step, or past the last done one. */
function valueOf(s: SuggestionDetail): number {
  const steps = s.progress.steps;
  const current = steps.findIndex((x) => x.status === 'current');
  if (current >= 0) return current + 1;
  const firstOpen = steps.findIndex((x) => x.status !== 'done');
  return firstOpen < 0 ? steps.length + 1 : firstOpen + 1;
}

/** Month and day of an instant, Beijing time (11-30). */
const monthDay = (iso: string): string => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(5, 10);

/** Where the suggestion is, in one plain sentence. */
export function plainProgress(s: SuggestionDetail, forCitizen: boolean): string {
  const lead = s.lead?.name ?? '承办单位';
  const due = s.deadlines.answerBy ?? s.deadlines.redoBy;
  const deputy = s.addressedDeputy?.name ?? s.deputy?.name ?? s.addressedStation?.name ?? '代表';
  switch (s.state) {
    case 'draft':
      return '这是草稿，还没有提交；修改好后点“提交”。';
    case 'received':
      return forCitizen ? `您的意见已送到${deputy}。代表会直接答复您，或把它转为建议交人大办理。` : '群众交来的意见，请答复或转为建议。';
    case 'submitted':
      return forCitizen ? '代表已把您的意见转为建议，人大正在审查。' : '已提交，人大正在审查是否立案。';
    case 'accepted':
      return forCitizen ? '人大已经受理，正在确定由哪个部门办理。' : '已立案，人大正在确定承办单位。';
    case 'assigned':
      return `已交给${lead}办理${due ? `，${due} 前答复` : ''}。`;
    case 'handling':
      return `${lead}正在办理${due ? `，${due} 前答复` : ''}。`;
    case 'answered':
      return forCitizen ? `${lead}已经答复，请看下面的答复内容。` : `${lead}已经答复，等待测评是否满意。`;
    case 'awaiting_office':
      return '对答复不满意，人大正在决定是否再办一次。';
    case 'closed':
      return '已经办结。';
    case 'referenced':
      return forCitizen ? '人大审查后没有立案，留作工作参考。' : `未立案，留作参考${s.rejectReason ? `：${s.rejectReason}` : '。'}`;
    case 'withdrawn':
      return '已经撤回，不再办理。';
    case 'replied':
      return forCitizen ? `${deputy}已经直接答复您，请看下面的答复。` : '已直接答复群众。';
  }
}

/**
 * The stepper as the API presents it for this reader (labels, done dates, the hint of the step in progress,
 * skipped steps when it ended early), and the sentence.
 */
export function Progress(props: { s: SuggestionDetail; forCitizen: boolean }) {
  const { progress } = props.s;
  const current = progress.steps.find((x) => x.status === 'current');
  return (
    <View className="card progress">
      <Steps value={valueOf(props.s)} status="dynamic" type="text">
        {progress.steps.map((step, i) => (
          <Step key={step.key} value={i + 1} className={step.status === 'skipped' ? 'step-skipped' : undefined} title={step.label} />
        ))}
      </Steps>
      {progress.ended && <Text className="tag tag-grey">{progress.ended.label}</Text>}
      <Text className="progress-plain">{plainProgress(props.s, props.forCitizen)}</Text>
      {current?.at && <Text className="muted">{`${current.label}：${current.hint ?? '进行中'}（${monthDay(current.at)} 起）`}</Text>}
    </View>
  );
}
