/**
 * The progress stepper on every suggestion: 提交 → 交办 → 办理 → 答复 → 测评, with one sentence in plain words
 * saying where it is now and what happens next — worded for the citizen who wrote it, or for the people who
 * handle it.
 */
import { Text, View } from '@tarojs/components';
import type { SuggestionState } from '../../../contracts/enums';
import type { SuggestionDetail } from '../../../contracts/schemas';
import { Step, Steps } from './ui';

const STEPS = ['提交', '交办', '办理', '答复', '测评'] as const;

/** The step in progress for each state (1-based; 6 = all done; 0 = off the path). */
const AT: Record<SuggestionState, number> = {
  draft: 1,
  received: 1,
  submitted: 2,
  accepted: 2,
  assigned: 3,
  handling: 3,
  answered: 5,
  awaiting_office: 5,
  closed: 6,
  referenced: 0,
  withdrawn: 0,
  replied: 0,
};

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

/** The stepper and the sentence. */
export function Progress(props: { s: SuggestionDetail; forCitizen: boolean }) {
  const at = AT[props.s.state];
  return (
    <View className="card progress" aria-label={`办理进度：${plainProgress(props.s, props.forCitizen)}`}>
      {at > 0 && (
        <Steps value={at} status="dynamic" type="text">
          {STEPS.map((title, i) => (
            <Step key={title} value={i + 1} title={title} />
          ))}
        </Steps>
      )}
      <Text className="progress-plain">{plainProgress(props.s, props.forCitizen)}</Text>
    </View>
  );
}
