/**
 * One suggestion list opened from a home tile (a deputy's own, opinions addressed to a deputy, a department's
 * tasks by deadline, the office's routing queue and overdue board, everything), with search and paging.
 */
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { Screen } from '../../components/Screen';
import { SuggestionList } from '../../components/SuggestionList';
import { VIEWS } from '../../services/views';

export default function Suggestions() {
  const view = VIEWS[useRouter().params.view ?? 'mine'] ?? VIEWS.mine;
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: view.title });
  }, [view.key]);
  return (
    <Screen>
      <SuggestionList key={view.key} view={view} />
    </Screen>
  );
}
