/** Surveys, ballots and evaluations addressed to me, open ones first. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Status } from '../../components/Status';
import { api } from '../../services/api';
import { useData } from '../../services/useData';
import { chinaTime } from '../../../../contracts/format';
import { Screen } from '../../components/Screen';


export default function Surveys() {
  const { data, error, loading, reload } = useData(() => api.questionnaires());
  return (
    <Screen>
      <Status loading={loading && !data} error={error} empty={data?.items.length === 0} emptyText="没有需要填写的问卷或票决" onRetry={reload} />
      {data?.items.map((q) => (
        <View key={q.id} className="card" onClick={() => Taro.navigateTo({ url: `/engage/survey/index?id=${q.id}` })}>
          <View className="row">
            <Text className="title">{q.title}</Text>
            <Text className={q.answered ? 'tag tag-ok' : 'tag'}>{q.answered ? '已填写' : q.kindLabel}</Text>
          </View>
          <Text className="muted">{`截止 ${chinaTime(q.closesAt)}`}</Text>
        </View>
      ))}
    </Screen>
  );
}
