/** The loading, error and empty states every list and page shows the same way; an empty state says what to do next. */
import { Text, View } from '@tarojs/components';
import { Button } from './ui';

/** What to do when there is nothing yet: a sentence and, optionally, the button that does it. */
export interface NextStep {
  text: string;
  label?: string;
  onTap?: () => void;
}

/** Renders loading / error (with a retry) / empty (with the next step), or nothing when there is something to show. */
export function Status(props: { loading: boolean; error: string | null; empty?: boolean; emptyText?: string; next?: NextStep; onRetry?: () => void }) {
  if (props.loading && !props.error) return <View className="empty">加载中…</View>;
  if (props.error)
    return (
      <View className="empty-state" role="alert">
        <Text className="error">{props.error}</Text>
        {props.onRetry && (
          <Button type="primary" fill="outline" onClick={props.onRetry}>
            重试
          </Button>
        )}
      </View>
    );
  if (props.empty) return <Empty title={props.emptyText ?? '暂无内容'} next={props.next} />;
  return null;
}

/** An empty state: what is (not) here, and the next step. */
export function Empty(props: { title: string; next?: NextStep }) {
  return (
    <View className="empty-state">
      <Text className="empty-title">{props.title}</Text>
      {props.next && <Text className="empty-next">{props.next.text}</Text>}
      {props.next?.label && props.next.onTap && (
        <Button type="primary" onClick={props.next.onTap}>
          {props.next.label}
        </Button>
      )}
    </View>
  );
}
