/** The loading, error and empty states every list and page shows the same way. */
import { Button, Text, View } from '@tarojs/components';

/** Renders loading / error (with a retry) / empty, or nothing when there is something to show. */
export function Status(props: { loading: boolean; error: string | null; empty?: boolean; emptyText?: string; onRetry?: () => void }) {
  if (props.loading && !props.error) return <View className="empty">加载中…</View>;
  if (props.error)
    return (
      <View className="empty">
        <Text className="error">{props.error}</Text>
        {props.onRetry && (
          <Button className="btn-plain" size="mini" onClick={props.onRetry}>
            重试
          </Button>
        )}
      </View>
    );
  if (props.empty) return <View className="empty">{props.emptyText ?? '暂无内容'}</View>;
  return null;
}
