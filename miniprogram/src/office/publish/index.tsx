/**
 * The office publishes a notice, a survey, a ballot or a meeting to deputies (all, by level, by district or by
 * name) and then follows it: read receipts, answer rate, attendance.
 */
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../components/ui';
import { useEffect, useState } from 'react';
import { DEPUTY_LEVEL_LABELS, MAJORITY_BASE_LABELS, MEETING_KIND_LABELS } from '../../../../contracts/labels';
import type { AudienceInput } from '../../../../contracts/client';
import { Chips, toggle } from '../../components/Chips';
import { PeoplePicker, type Picked } from '../../components/PeoplePicker';
import { confirm } from '../../services/confirm';
import { api, errorText } from '../../services/api';
import { useData } from '../../services/useData';
import { chinaDay } from '../../../../contracts/format';
import { Screen } from '../../components/Screen';

type Kind = 'notice' | 'survey' | 'ballot' | 'meeting';
const KINDS: Record<Kind, string> = { notice: '通知', survey: '问卷', ballot: '票决', meeting: '会议活动' };
const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

/** What the office has published, with read, answer and attendance figures (those of surveys and meetings on tap). */
function Published(props: { version: number }) {
  const { data } = useData(() => Promise.all([api.notices(), api.questionnaires(), api.meetings()]), [props.version]);
  const [figures, setFigures] = useState<Record<string, string>>({});
  const show = async (key: string, load: () => Promise<string>) => {
    try {
      const text = await load();
      setFigures((f) => ({ ...f, [key]: text }));
    } catch (e) {
      setFigures((f) => ({ ...f, [key]: errorText(e) }));
    }
  };
  if (!data) return null;
  const [notices, questionnaires, meetings] = data;
  return (
    <View className="card published-list">
      <Text className="label">已发布</Text>
      {notices.items.slice(0, 10).map((n) => (
        <Text key={`n${n.id}`} className="line">{`通知 · ${n.title} · 已读 ${n.read} 人，共 ${n.total} 人`}</Text>
      ))}
      {questionnaires.items.slice(0, 10).map((q) => (
        <Text
          key={`q${q.id}`}
          className="line"
          onClick={() => show(`q${q.id}`, async () => {
            const r = await api.questionnaireResults(q.id);
            return `已提交 ${r.responded} / ${r.eligible} 人（${r.responseRate}%）`;
          })}
        >
          {`${q.kindLabel} · ${q.title} · ${figures[`q${q.id}`] ?? '点此查看填写情况'}`}
        </Text>
      ))}
      {meetings.items.slice(0, 10).map((m) => (
        <Text
          key={`m${m.id}`}
          className="line"
          onClick={() => show(`m${m.id}`, async () => {
            const a = (await api.meeting(m.id)).attendance;
            return a ? `应到 ${a.invited} 人，请假 ${a.leave} 人，已签到 ${a.checkedIn} 人` : '';
          })}
        >
          {`${m.kindLabel} · ${m.title} · ${figures[`m${m.id}`] ?? '点此查看出勤'}`}
        </Text>
      ))}
    </View>
  );
}

export default function Publish() {
  const regions = useData(() => api.regions());
  const districts = Object.fromEntries((regions.data?.items ?? []).filter((r) => r.level === 'district').map((r) => [r.code, r.name]));
  const [kind, setKind] = useState<Kind>('notice');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [levels, setLevels] = useState<string[]>([]);
  const [areas, setAreas] = useState<string[]>([]);
  const [users, setUsers] = useState<Picked[]>([]);
  const [days, setDays] = useState('7');
  const [options, setOptions] = useState('');
  const [maxChoices, setMaxChoices] = useState('1');
  const [majorityOf, setMajorityOf] = useState<'eligible' | 'valid'>('eligible');
  const [meetingKind, setMeetingKind] = useState('committee');
  const [place, setPlace] = useState('');
  const [date, setDate] = useState(chinaDay(new Date(Date.now() + 86_400_000)));
  const [time, setTime] = useState('09:00');
  const [hours, setHours] = useState('2');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ kind: Kind; id: number; title: string } | null>(null);
  const [follow, setFollow] = useState<string | null>(null);
  const [reach, setReach] = useState<{ count: number; text: string } | null>(null);

  const audience = (): AudienceInput => {
    const named = users.map((u) => u.username);
    const a: AudienceInput = {};
    if (levels.length) a.levels = levels;
    if (areas.length) a.regions = areas;
    if (named.length) a.users = named;
    if (!levels.length && !areas.length && !named.length) a.all = true;
    return a;
  };

  // How many people the chosen audience reaches, asked again whenever the choice changes.
  useEffect(() => {
    const timer = setTimeout(() => {
      api.audienceCount(audience()).then(
        (r) => setReach({ count: r.count, text: `将发送给 ${r.count} 人${r.byLevel.length ? `（${r.byLevel.map((l) => `${l.label} ${l.count}`).join('、')}${r.others ? `，其他 ${r.others}` : ''}）` : ''}` }),
        (e) => setReach({ count: -1, text: errorText(e) }),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [levels.join(), areas.join(), users.map((u) => u.username).join()]);

  const publish = async () => {
    setError(null);
    const who = users.length ? users.map((u) => u.name).join('、') : '';
    const howMany = reach && reach.count >= 0 ? `共 ${reach.count} 人` : '';
    if (!(await confirm(`发布${KINDS[kind]}？`, `发布后立即通知${who || '所选的代表'}${howMany ? `，${howMany}` : ''}，不能撤回。`, '发布'))) return;
    try {
      const closesAt = new Date(Date.now() + Number(days || 7) * 86_400_000).toISOString();
      let id: number;
      if (kind === 'notice') id = (await api.publishNotice({ title, body, audience: audience() })).id;
      else if (kind === 'survey') {
        // One single-choice question per line: 题目：选项一、选项二、选项三
        const questions = lines(options).map((l, i) => {
          const [q, opts = ''] = l.split(/[:：]/);
          return { id: `q${i + 1}`, type: 'single', title: q.trim(), options: opts.split(/[,，、]/).map((o) => o.trim()).filter(Boolean), required: true };
        });
        id = (await api.publishQuestionnaire({ kind: 'survey', title, description: body || undefined, audience: audience(), closesAt, questions })).id;
      } else if (kind === 'ballot') {
        id = (await api.publishQuestionnaire({ kind: 'ballot', title, description: body || undefined, audience: audience(), closesAt, candidates: lines(options), maxChoices: Number(maxChoices), quorum: 0.5, passThreshold: 0.5, majorityOf })).id;
      } else {
        const startsAt = new Date(`${date}T${time}:00+08:00`);
        const endsAt = new Date(startsAt.getTime() + Number(hours || 2) * 3_600_000);
        id = (await api.createMeeting({ kind: meetingKind, title, agenda: body || undefined, place, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), invitees: audience() })).id;
      }
      setDone({ kind, id, title });
      setFollow(null);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const refresh = async () => {
    if (!done) return;
    try {
      if (done.kind === 'notice') {
        const r = await api.noticeReceipts(done.id);
        setFollow(`已读 ${r.read} / ${r.total}`);
      } else if (done.kind === 'meeting') {
        const m = await api.meeting(done.id);
        const a = m.attendance;
        setFollow(a ? `应到 ${a.invited}，请假 ${a.leave}，已签到 ${a.checkedIn}；签到码 ${m.checkinCode}` : '');
      } else {
        const r = await api.questionnaireResults(done.id);
        setFollow(`已提交 ${r.responded} / ${r.eligible}（${r.responseRate}%）`);
      }
    } catch (e) {
      setFollow(errorText(e));
    }
  };

  return (
    <Screen>
      <Chips options={Object.entries(KINDS) as [Kind, string][]} isOn={(k) => k === kind} onTap={setKind} />
      <View className="card">
        <Text className="label">标题</Text>
        <Input className="input" name="title" aria-label="标题" value={title} onInput={(e) => setTitle(e.detail.value)} />
        <Text className="label">{kind === 'notice' ? '正文' : kind === 'meeting' ? '议程（可不填）' : '说明（可不填）'}</Text>
        <Textarea className="textarea" name="body" aria-label="正文或说明" value={body} onInput={(e) => setBody(e.detail.value)} />
        {kind === 'survey' && (
          <View>
            <Text className="label">题目（每行一题：题目：选项一、选项二）</Text>
            <Textarea className="textarea" name="options" aria-label="题目或候选项" value={options} onInput={(e) => setOptions(e.detail.value)} />
          </View>
        )}
        {kind === 'ballot' && (
          <View>
            <Text className="label">候选项（每行一项）</Text>
            <Textarea className="textarea" name="options" aria-label="题目或候选项" value={options} onInput={(e) => setOptions(e.detail.value)} />
            <Text className="label">每人最多可选</Text>
            <Input className="input" type="number" aria-label="每人最多可选" value={maxChoices} onInput={(e) => setMaxChoices(e.detail.value)} />
            <Text className="label">得票超过半数（过半数）的基数</Text>
            <Chips options={Object.entries(MAJORITY_BASE_LABELS)} isOn={(k) => k === majorityOf} onTap={(k) => setMajorityOf(k as 'eligible' | 'valid')} />
          </View>
        )}
        {(kind === 'survey' || kind === 'ballot') && (
          <View>
            <Text className="label">几天后截止</Text>
            <Input className="input" type="number" aria-label="几天后截止" value={days} onInput={(e) => setDays(e.detail.value)} />
          </View>
        )}
        {kind === 'meeting' && (
          <View>
            <Text className="label">类型</Text>
            <Chips options={Object.entries(MEETING_KIND_LABELS)} isOn={(k) => k === meetingKind} onTap={setMeetingKind} />
            <Text className="label">地点</Text>
            <Input className="input" name="place" aria-label="地点" value={place} onInput={(e) => setPlace(e.detail.value)} />
            <View className="row">
              <Picker mode="date" value={date} onChange={(e) => setDate(e.detail.value)}>
                <Text className="label">{`日期 ${date}`}</Text>
              </Picker>
              <Picker mode="time" value={time} onChange={(e) => setTime(e.detail.value)}>
                <Text className="label">{`开始 ${time}`}</Text>
              </Picker>
            </View>
            <Text className="label">时长（小时）</Text>
            <Input className="input" type="number" aria-label="时长（小时）" value={hours} onInput={(e) => setHours(e.detail.value)} />
          </View>
        )}
      </View>
      <View className="card">
        <Text className="label">发送对象（都不选即全体代表）</Text>
        <Chips options={Object.entries(DEPUTY_LEVEL_LABELS)} isOn={(l) => levels.includes(l)} onTap={(l) => setLevels(toggle(levels, l))} />
        <Chips options={Object.entries(districts)} isOn={(c) => areas.includes(c)} onTap={(c) => setAreas(toggle(areas, c))} />
        <PeoplePicker label="指定代表（按姓名查找，可不填）" name="users" picked={users} onChange={setUsers} />
        {reach && <Text className={reach.count === 0 ? 'error audience-count' : 'notice-ok audience-count'}>{reach.count === 0 ? '这样选没有人会收到，请调整发送对象' : reach.text}</Text>}
      </View>
      {error && <Text className="error">{error}</Text>}
      {!title.trim() && <Text className="hint">填写标题后可以发布</Text>}
      <Button block type="primary" disabled={!title.trim() || reach?.count === 0} onClick={publish}>
        {`发布${KINDS[kind]}`}
      </Button>
      {done && (
        <View className="card published">
          <Text className="title">{`已发布${KINDS[done.kind]}：${done.title}`}</Text>
          {follow && <Text className="line">{follow}</Text>}
          <Button className="follow-button" type="primary" fill="outline" onClick={refresh}>
            {done.kind === 'notice' ? '查看阅读情况' : done.kind === 'meeting' ? '查看出勤' : '查看填写情况'}
          </Button>
        </View>
      )}
      <Published version={done?.id ?? 0} />
    </Screen>
  );
}
