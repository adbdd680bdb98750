/**
 * One suggestion: its text, the routing proposal, deadlines, handling record and timeline; the buttons are exactly the
 * API's `actions` for the caller. Acts that cannot be undone ask for confirmation first.
 */
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Spin, Steps, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { SuggestionAction } from '../../../contracts/enums';
import { ACTION_LABELS, ANSWER_CLASS_LABELS, CONSULT_METHOD_LABELS } from '../../../contracts/labels';
import type { SuggestionDetail } from '../../../contracts/schemas';
import { api, messageOf } from '../api';
import { useLoad } from '../hooks';
import { chinaDate } from '../../../contracts/format';
import { chinaTime, day } from '../format';
import { ProposalCell } from './ConfirmQueue';

type Field = { name: string; label: string; kind: 'text' | 'area' | 'dept' | 'depts' | 'class' | 'method' | 'date' | 'months' | 'yesno'; required?: boolean; yes?: string; no?: string };
interface Spec {
  fields: Field[];
  /** A red button: the act ends or refuses something. */
  danger?: boolean;
}

const SPECS: Partial<Record<SuggestionAction, Spec>> = {
  accept: { fields: [{ name: 'note', label: '备注', kind: 'area' }] },
  reject: { fields: [{ name: 'reason', label: '不予立案理由', kind: 'area', required: true }], danger: true },
  assign: {
    fields: [
      { name: 'lead', label: '主办单位', kind: 'dept', required: true },
      { name: 'co', label: '协办单位', kind: 'depts' },
      { name: 'note', label: '备注', kind: 'area' },
    ],
  },
  confirm: { fields: [{ name: 'note', label: '备注', kind: 'area' }] },
  sign: { fields: [] },
  return: { fields: [{ name: 'reason', label: '退回理由', kind: 'area', required: true }], danger: true },
  opinion: { fields: [{ name: 'opinion', label: '协办意见', kind: 'area', required: true }] },
  consult: {
    fields: [
      { name: 'method', label: '面商方式', kind: 'method', required: true },
      { name: 'happenedOn', label: '面商日期', kind: 'date' },
      { name: 'summary', label: '面商情况（无法面商时写明原因）', kind: 'area', required: true },
    ],
  },
  'request-extension': {
    fields: [
      { name: 'months', label: '延期月数', kind: 'months', required: true },
      { name: 'reason', label: '延期理由', kind: 'area', required: true },
    ],
  },
  'decide-extension': {
    fields: [
      { name: 'approve', label: '审批结果', kind: 'yesno', required: true, yes: '同意延期', no: '不同意' },
      { name: 'note', label: '意见', kind: 'area' },
    ],
  },
  'draft-answer': {
    fields: [
      { name: 'answerClass', label: '答复类别', kind: 'class', required: true },
      { name: 'text', label: '答复内容', kind: 'area', required: true },
    ],
  },
  'publish-answer': { fields: [] },
  'decide-redo': {
    fields: [
      { name: 'redo', label: '决定', kind: 'yesno', required: true, yes: '重新办理', no: '办结' },
      { name: 'note', label: '意见', kind: 'area', required: true },
    ],
  },
  close: { fields: [{ name: 'note', label: '办结说明', kind: 'area' }], danger: true },
  urge: { fields: [{ name: 'note', label: '催办意见', kind: 'area' }] },
  withdraw: { fields: [{ name: 'reason', label: '撤回理由', kind: 'area' }], danger: true },
};

const DEADLINE_ROWS = [
  ['return', 'returnBy', '退回期限'],
  ['co', 'coOpinionBy', '协办意见期限'],
  ['answer', 'answerBy', '答复期限'],
  ['redo', 'redoBy', '重新答复期限'],
] as const;

/**
 * Each deadline the suggestion has, once: the one running now in bold with its working days left (or how late
 * it is), the others as plain dates.
 */
function DeadlineList({ s }: { s: SuggestionDetail }) {
  const { next } = s.deadlines;
  // In a redo round the answer deadline is the redo deadline: it is listed once, as the redo deadline.
  const shown = DEADLINE_ROWS.filter(([kind, key]) => s.deadlines[key] && !(kind === 'answer' && s.round > 1 && s.deadlines.answerBy === s.deadlines.redoBy)).map(([kind, key, label]) => {
    const date = s.deadlines[key]!;
    const running = !!next && next.date === date && (next.kind === kind || (next.kind === 'redo' && kind === 'answer'));
    return { kind, label, date, running };
  });
  if (!shown.length) return <p style={{ margin: 0 }}>{s.progress.finished ? '没有办理期限。' : '交办后开始计算办理期限。'}</p>;
  return (
    <>
      {!next && <p style={{ margin: '0 0 8px' }}>没有正在计算的期限。</p>}
      <Descriptions
        size="small"
        column={1}
        items={shown.map((r) => ({
          key: r.kind,
          label: r.label,
          children: r.running && next ? (
            <b style={next.workingDaysLeft < 0 ? { color: '#b3261e' } : undefined}>
              {chinaDate(r.date, true)}，{next.workingDaysLeft < 0 ? `已超期 ${-next.workingDaysLeft} 个工作日` : next.workingDaysLeft === 0 ? '今天到期' : `还有 ${next.workingDaysLeft} 个工作日`}
            </b>
          ) : (
            chinaDate(r.date)
          ),
        }))}
      />
    </>
  );
}

/** The detail page. */
export function SuggestionDetailPage({ id }: { id: number }) {
  const { data: s, error, loading, reload } = useLoad(() => api.getSuggestion(id), [id]);
  const [acting, setActing] = useState<SuggestionAction | null>(null);
  if (loading && !s) return <Spin tip="正在加载…"><div style={{ height: 200 }} /></Spin>;
  if (error || !s) return <Alert type="error" showIcon message={error ?? '没有找到这件建议'} action={<Button href="#/suggestions">回到列表</Button>} />;
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button href="#/suggestions" onClick={(e) => { if (window.history.length > 1) { e.preventDefault(); window.history.back(); } }}>
          ← 返回
        </Button>
        <Tag color={s.deadlines.overdue ? 'red' : 'blue'}>{s.stateLabel}{s.deadlines.overdue ? ' · 已超期' : ''}</Tag>
        <span>{s.number}</span>
      </Space>
      <Typography.Title level={2} className="page-title">
        {s.title}
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Steps
          size="small"
          responsive
          current={Math.max(0, s.progress.steps.findIndex((x) => x.status === 'current'))}
          items={s.progress.steps.map((x) => ({
            title: x.label,
            status: x.status === 'done' ? 'finish' : x.status === 'current' ? 'process' : 'wait',
            description: x.status === 'current' ? (x.hint ?? undefined) : x.at ? chinaTime(x.at) : undefined,
          }))}
        />
        {s.progress.ended && <Alert style={{ marginTop: 8 }} type="info" message={`${s.progress.ended.label}${s.progress.ended.at ? `（${chinaTime(s.progress.ended.at)}）` : ''}`} />}
        <div className="progress-plain">
          <p>{s.progress.summary}</p>
          {s.progress.next && (
            <p className={s.progress.next.you ? 'next-step next-step-you' : 'next-step'} style={(s.progress.next.workingDaysLeft ?? 0) < 0 ? { color: '#b3261e', fontWeight: 600 } : undefined}>
              {s.progress.next.text}
            </p>
          )}
        </div>
      </Card>
      {s.actionDetails.length > 0 && (
        <Card size="small" title="您现在可以" style={{ marginBottom: 12 }}>
          <div className="action-list">
            {s.actionDetails.map((d) => (
              <div key={d.action} className="action-row">
                <Button type={d.action === 'confirm' || d.action === 'sign' || d.action === 'publish-answer' ? 'primary' : 'default'} danger={SPECS[d.action]?.danger} onClick={() => setActing(d.action)}>
                  {d.label}
                </Button>
                <span className="action-effect">{d.effect}</span>
              </div>
            ))}
          </div>
        </Card>
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <Card size="small" title="建议内容" style={{ marginBottom: 12 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 16 }}>{s.body}</Typography.Paragraph>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
              { key: 'by', label: '提出人', children: (s.deputy ?? s.author).name },
              { key: 'region', label: '区域', children: s.region?.name ?? '—' },
              { key: 'lead', label: '主办单位', children: s.lead?.name ?? '—' },
              { key: 'co', label: '附议代表', children: s.cosigners?.map((c) => c.name).join('、') || '—' },
              { key: 'submitted', label: '提交时间', children: s.submittedAt ? chinaTime(s.submittedAt) : '—' },
            ]} />
          </Card>
          {(s.state === 'submitted' || s.state === 'accepted') && s.routing && (
            <Card size="small" title="分办建议" style={{ marginBottom: 12 }}>
              <ProposalCell routing={s.routing} />
            </Card>
          )}
          {!!s.answers.length && (
            <Card size="small" title="答复" style={{ marginBottom: 12 }}>
              {s.answers.map((a) => (
                <div key={a.id} style={{ marginBottom: 8 }}>
                  <b>第 {a.round} 轮 · {a.answerClass} {a.answerClassLabel}</b>（{a.state === 'published' ? `${chinaTime(a.publishedAt!)} 正式答复` : '草稿'}）
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Typography.Paragraph>
                </div>
              ))}
              {s.ratings.map((r) => (
                <div key={`${r.round}-${r.by.id}`}>
                  代表测评（第 {r.round} 轮）：<b>{r.ratingLabel}</b>
                  {r.comment ? `，${r.comment}` : ''}
                </div>
              ))}
            </Card>
          )}
          {(!!s.consultations.length || !!s.assignments.length) && (
            <Card size="small" title="办理情况" style={{ marginBottom: 12 }}>
              {s.assignments.map((a) => (
                <div key={`${a.department.code}-${a.role}`}>
                  {a.role === 'lead' ? '主办' : '协办'}：{a.department.name}，{a.signedAt ? `${chinaTime(a.signedAt)} 签收` : '未签收'}
                  {a.opinion ? `；协办意见：${a.opinion}` : ''}
                </div>
              ))}
              {s.consultations.map((c) => (
                <div key={c.id}>
                  面商（{CONSULT_METHOD_LABELS[c.method]}，{day(c.happenedOn)}）：{c.summary}
                </div>
              ))}
            </Card>
          )}
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title="期限" style={{ marginBottom: 12 }}>
            <DeadlineList s={s} />
            {s.deadlines.provisionalNote && <Alert type="info" style={{ marginTop: 8 }} message={s.deadlines.provisionalNote} />}
          </Card>
          <Card size="small" title="办理过程">
            <Timeline
              items={s.timeline.map((e) => ({
                key: e.id,
                children: (
                  <div>
                    <div>
                      <b>{e.label}</b> · {e.actor.name}
                    </div>
                    <div style={{ color: 'rgba(0,0,0,0.68)' }}>{chinaTime(e.at)}</div>
                    {e.note && <div>{e.note}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {acting && <ActionDialog s={s} action={acting} onClose={() => setActing(null)} onDone={reload} />}
    </>
  );
}

function ActionDialog({ s, action, onClose, onDone }: { s: SuggestionDetail; action: SuggestionAction; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const spec = SPECS[action] ?? { fields: [{ name: 'note', label: '备注', kind: 'area' as const }] };
  const detail = s.actionDetails.find((d) => d.action === action);
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const depts = useLoad(() => (spec.fields.some((f) => f.kind === 'dept' || f.kind === 'depts') ? api.departments() : Promise.resolve({ items: [] })), [action]);
  const label = detail?.label ?? ACTION_LABELS[action];
  const irreversible = detail?.irreversible ?? false;
  const submit = async () => {
    // A field the user left wrong is shown under the field itself: nothing more to do here.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: Record<string, unknown> = {};
    for (const f of spec.fields) {
      const x = v[f.name];
      if (x === undefined || x === null || x === '') continue;
      body[f.name] = f.kind === 'date' ? dayjs(x).format('YYYY-MM-DD') : f.kind === 'yesno' ? x === 'yes' : typeof x === 'string' ? x.trim() : x;
    }
    // Today as the API counts it (China time on its clock), not this computer's clock, which may be off.
    if (action === 'consult' && body.method !== 'none' && !body.happenedOn) body.happenedOn = s.today;
    setBusy(true);
    setError(null);
    try {
      await api.act(s.id, action, body as never);
      message.success(`${ACTION_LABELS[action]}：已完成`);
      onClose();
      onDone();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${label} · ${s.number}`}
      okText={irreversible ? `确认${label}` : label}
      cancelText="取消"
      okButtonProps={{ danger: spec.danger, loading: busy }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {detail && <p className="action-effect">{detail.effect}</p>}
      {irreversible && <Alert type="warning" showIcon message={detail?.confirm ?? `确定要${label}吗？`} style={{ marginBottom: 12 }} />}
      {action === 'confirm' && <ProposalCell routing={s.routing} />}
      {error && <Alert type="error" showIcon message={error} style={{ margin: '12px 0' }} role="alert" />}
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={action === 'assign' ? { lead: s.routing?.lead?.code, co: s.routing?.co.map((c) => c.code) } : {}}>
        {spec.fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}>
            {f.kind === 'area' ? (
              <Input.TextArea rows={4} maxLength={5000} />
            ) : f.kind === 'text' ? (
              <Input />
            ) : f.kind === 'dept' || f.kind === 'depts' ? (
              <Select
                mode={f.kind === 'depts' ? 'multiple' : undefined}
                showSearch
                optionFilterProp="label"
                options={(depts.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))}
                placeholder="输入单位名称查找"
              />
            ) : f.kind === 'class' ? (
              <Radio.Group options={Object.entries(ANSWER_CLASS_LABELS).map(([k, l]) => ({ value: k, label: `${k} ${l}` }))} />
            ) : f.kind === 'method' ? (
              <Select options={Object.entries(CONSULT_METHOD_LABELS).map(([k, l]) => ({ value: k, label: l }))} />
            ) : f.kind === 'date' ? (
              <DatePicker style={{ width: '100%' }} />
            ) : f.kind === 'months' ? (
              <InputNumber min={1} max={3} addonAfter="个月" />
            ) : (
              <Radio.Group options={[{ value: 'yes', label: f.yes ?? '是' }, { value: 'no', label: f.no ?? '否' }]} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
