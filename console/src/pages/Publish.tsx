/**
 * Publishing a notice, a questionnaire or a meeting to deputies. The form says how many people will receive it
 * (the API counts the audience as it would send) before anything is sent, and asks once more before sending.
 */
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { DEPUTY_LEVELS } from '../../../contracts/enums';
import { DEPUTY_LEVEL_LABELS, MEETING_KIND_LABELS, QUESTIONNAIRE_KIND_LABELS } from '../../../contracts/labels';
import type { AudienceInput } from '../../../contracts/client';
import { api, messageOf } from '../api';
import { useLoad } from '../hooks';
import { go } from '../router';

type AudienceForm = { scope?: 'all' | 'some'; levels?: string[]; regions?: string[] };

function audienceOf(v: AudienceForm): AudienceInput | null {
  if (v.scope === 'all') return { all: true };
  const a: AudienceInput = {};
  if (v.levels?.length) a.levels = v.levels;
  if (v.regions?.length) a.regions = v.regions;
  return a.levels || a.regions ? a : null;
}

/** The audience fields and the live count of who will receive it. */
function AudienceFields({ count }: { count: CountState }) {
  const regions = useLoad(() => api.regions(), []);
  const districts = (regions.data?.items ?? []).filter((r) => r.level !== 'town');
  return (
    <>
      <Form.Item name="scope" label="发送对象" rules={[{ required: true, message: '请选择发送对象' }]}>
        <Radio.Group options={[{ value: 'all', label: '全体代表' }, { value: 'some', label: '按层级或区域选择' }]} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.scope !== b.scope}>
        {({ getFieldValue }) =>
          getFieldValue('scope') === 'some' && (
            <>
              <Form.Item name="levels" label="代表层级">
                <Checkbox.Group options={DEPUTY_LEVELS.map((l) => ({ value: l, label: DEPUTY_LEVEL_LABELS[l] }))} />
              </Form.Item>
              <Form.Item name="regions" label="区域">
                <Select mode="multiple" allowClear placeholder="全部区域" optionFilterProp="label" options={districts.map((r) => ({ value: r.code, label: r.name }))} />
              </Form.Item>
            </>
          )
        }
      </Form.Item>
      <Alert
        className="audience-count"
        role="status"
        aria-live="polite"
        style={{ marginBottom: 16 }}
        type={count.error ? 'error' : count.n === 0 ? 'warning' : 'info'}
        showIcon
        message={count.error ?? (count.loading ? '正在计算接收人数…' : count.n === null ? '选择发送对象后，这里显示将收到的人数' : count.n === 0 ? '按这个条件没有人会收到，请调整发送对象' : `将发送给 ${count.n} 人${count.detail ? `（${count.detail}）` : ''}`)}
      />
    </>
  );
}

type CountState = { n: number | null; detail?: string; error: string | null; loading: boolean };

/** Counts the audience whenever the form's audience changes. */
function useAudienceCount(audience: AudienceInput | null) {
  const [state, setState] = useState<CountState>({ n: null, error: null, loading: false });
  const key = JSON.stringify(audience);
  useEffect(() => {
    if (!audience) return setState({ n: null, error: null, loading: false });
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    const t = setTimeout(() => {
      api
        .audienceCount(audience)
        .then((r) => live && setState({ n: r.count, detail: r.byLevel.map((l) => `${l.label} ${l.count}`).join('、'), error: null, loading: false }))
        .catch((err) => live && setState({ n: null, error: messageOf(err), loading: false }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key]);
  return state;
}

function PublishForm({ kind }: { kind: 'notice' | 'questionnaire' | 'meeting' }) {
  const { modal, message } = App.useApp();
  const [form] = Form.useForm();
  const scope = Form.useWatch('scope', form);
  const levels = Form.useWatch('levels', form);
  const regions = Form.useWatch('regions', form);
  const audience = audienceOf({ scope, levels, regions });
  const count = useAudienceCount(audience);
  const [error, setError] = useState<string | null>(null);
  const what = kind === 'notice' ? '通知' : kind === 'questionnaire' ? '问卷' : '会议邀请';

  const send = async () => {
    // A field the user left wrong is shown under the field itself: nothing more to do here.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (!audience) return setError('请选择发送对象');
    if (!count.n) return setError('按这个条件没有人会收到，请调整发送对象');
    modal.confirm({
      title: `发送${what}给 ${count.n} 人？`,
      content: '发送后对方会立即收到，不能撤回。',
      okText: '确认发送',
      cancelText: '再检查一下',
      onOk: async () => {
        setError(null);
        try {
          if (kind === 'notice') {
            await api.publishNotice({ title: v.title, body: v.body, audience });
          } else if (kind === 'questionnaire') {
            const closesAt = (v.closesAt as Dayjs).toDate().toISOString();
            const body: Record<string, unknown> = { kind: v.qkind, title: v.title, description: v.description, audience, closesAt };
            if (v.qkind === 'ballot') {
              body.candidates = String(v.options ?? '').split('\n').map((x: string) => x.trim()).filter(Boolean);
              body.maxChoices = v.maxChoices ?? 1;
            } else {
              const options = String(v.options ?? '').split('\n').map((x: string) => x.trim()).filter(Boolean);
              body.questions = [{ id: 'q1', type: v.qkind === 'evaluation' ? 'single' : options.length ? 'single' : 'longtext', title: v.question, ...(options.length ? { options } : {}), required: true }];
            }
            await api.publishQuestionnaire(body);
          } else {
            const [startsAt, endsAt] = (v.when as [Dayjs, Dayjs]).map((d) => d.toDate().toISOString());
            const r = await api.createMeeting({ kind: v.mkind, title: v.title, agenda: v.agenda, place: v.place, startsAt, endsAt, invitees: audience });
            message.success(`会议邀请已发送给 ${count.n} 人`);
            go(`/meetings/${r.id}`);
            return;
          }
          message.success(`${what}已发送给 ${count.n} 人`);
          form.resetFields();
        } catch (err) {
          setError(messageOf(err));
        }
      },
    });
  };

  return (
    <Card size="small">
      <Form form={form} layout="vertical" requiredMark="optional" style={{ maxWidth: 720 }} initialValues={{ qkind: 'survey', mkind: 'committee', maxChoices: 1 }}>
        {kind === 'questionnaire' && (
          <Form.Item name="qkind" label="类型">
            <Radio.Group options={Object.entries(QUESTIONNAIRE_KIND_LABELS).map(([k, l]) => ({ value: k, label: l }))} />
          </Form.Item>
        )}
        {kind === 'meeting' && (
          <Form.Item name="mkind" label="会议类型">
            <Select options={Object.entries(MEETING_KIND_LABELS).map(([k, l]) => ({ value: k, label: l }))} />
          </Form.Item>
        )}
        <Form.Item name="title" label={kind === 'meeting' ? '会议名称' : '标题'} rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={200} showCount />
        </Form.Item>
        {kind === 'notice' && (
          <Form.Item name="body" label="正文" rules={[{ required: true, whitespace: true, message: '请填写正文' }]}>
            <Input.TextArea rows={6} maxLength={20000} />
          </Form.Item>
        )}
        {kind === 'questionnaire' && (
          <>
            <Form.Item name="description" label="说明（代表会看到）">
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.qkind !== b.qkind}>
              {({ getFieldValue }) =>
                getFieldValue('qkind') === 'ballot' ? (
                  <>
                    <Form.Item name="options" label="候选项（每行一个）" rules={[{ required: true, message: '请填写候选项' }]}>
                      <Input.TextArea rows={4} />
                    </Form.Item>
                    <Form.Item name="maxChoices" label="每人最多可选">
                      <InputNumber min={1} max={100} />
                    </Form.Item>
                  </>
                ) : (
                  <>
                    <Form.Item name="question" label="题目" rules={[{ required: true, whitespace: true, message: '请填写题目' }]}>
                      <Input maxLength={500} />
                    </Form.Item>
                    <Form.Item name="options" label={getFieldValue('qkind') === 'evaluation' ? '选项（每行一个，如 满意 / 基本满意 / 不满意）' : '选项（每行一个；不填则为问答题）'} rules={getFieldValue('qkind') === 'evaluation' ? [{ required: true, message: '请填写选项' }] : []}>
                      <Input.TextArea rows={4} />
                    </Form.Item>
                  </>
                )
              }
            </Form.Item>
            <Form.Item name="closesAt" label="截止时间（北京时间）" rules={[{ required: true, message: '请选择截止时间' }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          </>
        )}
        {kind === 'meeting' && (
          <>
            <Form.Item name="place" label="地点" rules={[{ required: true, whitespace: true, message: '请填写地点' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="when" label="时间（北京时间）" rules={[{ required: true, message: '请选择开始和结束时间' }]}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder={['开始时间', '结束时间']} />
            </Form.Item>
            <Form.Item name="agenda" label="议程（代表会看到）">
              <Input.TextArea rows={4} maxLength={20000} />
            </Form.Item>
          </>
        )}
        <AudienceFields count={count} />
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
        <Space>
          <Button type="primary" onClick={send} disabled={!count.n}>
            发送{count.n ? `（${count.n} 人）` : ''}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

/** The publish page with its three forms. */
export function Publish({ tab }: { tab?: string }) {
  const active = tab === 'questionnaire' || tab === 'meeting' ? tab : 'notice';
  return (
    <>
      <Typography.Title level={2} className="page-title">
        发布
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(k) => go(`/publish/${k}`)}
        items={[
          { key: 'notice', label: '通知', children: <PublishForm kind="notice" /> },
          { key: 'questionnaire', label: '问卷 / 票决 / 测评', children: <PublishForm kind="questionnaire" /> },
          { key: 'meeting', label: '会议活动', children: <PublishForm kind="meeting" /> },
        ]}
        destroyOnHidden
      />
    </>
  );
}
