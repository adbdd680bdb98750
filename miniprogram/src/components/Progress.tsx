/**
 * The progress stepper on every suggestion: 提交 → 交办 → 办理 → 答复 → 测评, with the API's plain sentences for
 * this reader — where it is now, and who acts next and by when (Beijing time; working days left).
 */
import { Text, View } from '@tarojs/components';
import { chinaTime } from '../../../contracts/format';
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

/**
 * The stepper as the API presents it for this reader (labels, the hint of the step in progress, skipped steps
 * when it ended early), the sentence saying where it is, and the next step with its deadline.
 */
export function Progress(props: { s: SuggestionDetail }) {
  const { progress, deadlines } = props.s;
  const current = progress.steps.find((x) => x.status === 'current');
  const late = (progress.next?.workingDaysLeft ?? 0) < 0;
  return (
    <View className="card progress">
      <Steps value={valueOf(props.s)} status="dynamic" type="text">
        {progress.steps.map((step, i) => (
          <Step key={step.key} value={i + 1} className={step.status === 'skipped' ? 'step-skipped' : undefined} title={step.label} />
        ))}
      </Steps>
      {progress.ended && <Text className="tag tag-grey">{progress.ended.label}</Text>}
      <Text className="progress-plain">{progress.summary}</Text>
      {current?.at && <Text className="muted line">{`${current.label}：${current.hint ?? '进行中'}，${chinaTime(current.at)} 起`}</Text>}
      {progress.ended?.at && <Text className="muted line">{`${progress.ended.label}：${chinaTime(progress.ended.at)}`}</Text>}
      {progress.next && (
        <View className={progress.next.you ? 'next-step next-step-you' : 'next-step'}>
          <Text className={late ? 'overdue' : undefined}>{progress.next.text}</Text>
        </View>
      )}
      {deadlines.provisional && deadlines.provisionalNote && <Text className="muted line">{deadlines.provisionalNote}</Text>}
    </View>
  );
}
