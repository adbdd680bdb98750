/**
 * Meetings: attend or ask for leave (with a reason), and check in by scanning the meeting's QR code (on WeChat)
 * or typing its code.
 */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../components/ui';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Status } from '../../components/Status';
import { api, errorText } from '../../services/api';
import { askForNews } from '../../services/subscribe';
import { useData } from '../../services/useData';
import { chinaTime } from '../../../../contracts/format';
import { Screen } from '../../components/Screen';


/** When a meeting runs, Beijing time: 12月8日 09:00–12:00, or both ends in full when it spans days. */
function timeRange(start: string, end: string): string {
  const [a, b] = [chinaTime(start), chinaTime(end)];
  const [dayA, dayB] = [a.split(' ')[0], b.split(' ')[0]];
  return dayA === dayB ? `${a}–${b.split(' ')[1]}` : `${a} 至 ${b}`;
}

export default function Meetings() {
  const { data, error, loading, reload } = useData(() => api.meetings());
  const [code, setCode] = useState('');
  const [leaveFor, setLeaveFor] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const run = async (p: Promise<unknown>, ok: string) => {
    try {
      await p;
      setMessage(ok);
      Taro.showToast({ title: ok, icon: 'success' });
      await reload();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const checkIn = async (value: string) => {
    try {
      const r = await api.checkIn(value.trim());
      setMessage(r.again ? `您已签到过：${r.title}` : `签到成功：${r.title}`);
      await reload();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const scan = async () => {
    const r = await Taro.scanCode({ onlyFromCamera: false });
    await checkIn(r.result.replace(/^.*[?&]code=/, ''));
  };

  return (
    <Screen>
      <View className="card">
        <Text className="label">会议签到</Text>
        <View className="row">
          <Input className="input checkin-input" name="code" aria-label="签到码" placeholder="输入签到码" value={code} onInput={(e) => setCode(e.detail.value)} />
          <Button type="primary" disabled={!code.trim() } onClick={() => checkIn(code)}>
            签到
          </Button>
        </View>
        {process.env.TARO_ENV === 'weapp' && (
          <Button block type="primary" fill="outline" onClick={scan}>
            扫码签到
          </Button>
        )}
        {message && <Text className="muted">{message}</Text>}
      </View>
      <Status loading={loading && !data} error={error} empty={data?.items.length === 0} emptyText="近期没有会议" onRetry={reload} />
      {data?.items.map((m) => (
        <View key={m.id} className="card">
          <View className="row">
            <Text className="title">{m.title}</Text>
            <Text className="tag">{m.kindLabel}</Text>
          </View>
          <Text className="line">{`时间：${timeRange(m.startsAt, m.endsAt)}`}</Text>
          <Text className="line">{`地点：${m.place}`}</Text>
          {m.agenda.trim() && <Text className="line agenda">{`议程：${m.agenda.trim()}`}</Text>}
          {m.mine && (
            <View>
              <Text className="line">{`我的回复：${m.mine.rsvpLabel}${m.mine.leaveState ? `（请假${m.mine.leaveState === 'approved' ? '已批准' : m.mine.leaveState === 'refused' ? '未批准' : '待审批'}）` : ''}${m.mine.checkedInAt ? ` · ${chinaTime(m.mine.checkedInAt)} 已签到` : ''}`}</Text>
              {m.state === 'scheduled' && !m.mine.checkedInAt && (
                <View className="row meeting-reply">
                  {m.mine.rsvp !== 'attend' && (
                    <Button type="primary" fill="outline" onClick={() => run(api.rsvp(m.id, { attend: true }).then(askForNews), '已回复参加')}>
                      {m.mine.rsvp === 'leave' ? '改为参加' : '参加'}
                    </Button>
                  )}
                  {m.mine.rsvp !== 'leave' && (
                    <Button type="primary" fill="outline" onClick={() => setLeaveFor(leaveFor === m.id ? null : m.id)}>
                      {m.mine.rsvp === 'attend' ? '改为请假' : '请假'}
                    </Button>
                  )}
                </View>
              )}
              {leaveFor === m.id && (
                <View>
                  <Input className="input" aria-label="请假理由" placeholder="请假理由" value={reason} onInput={(e) => setReason(e.detail.value)} />
                  <Button block type="primary" disabled={!reason.trim() } onClick={() => run(api.rsvp(m.id, { leave: reason.trim() }), '请假已提交')}>
                    提交请假
                  </Button>
                </View>
              )}
            </View>
          )}
        </View>
      ))}
    </Screen>
  );
}
