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
import { chinaTime, day } from '../format';
import { ProposalCell } from './ConfirmQueue';

type Field = { name: string; label: string; kind: 'text' | 'area' | 'dept' | 'depts' | 'class' | 'method' | 'date' | 'months' | 'yesno'; required?: boolean; yes?: string; no?: string };
interface Spec {
  fields: Field[];
  /** Asked before the act: it cannot be taken back. */
  irreversible?: string;
  danger?: boolean;
}

const SPECS: Partial<Record<SuggestionAction, Spec>> = {
  accept: { fields: [{ name: 'note', label: '备注', kind: 'area' }] },
  reject: { fields: [{ name: 'reason', label: '不予立案理由', kind: 'area', required: true }], irreversible: '不予立案后，这件建议转为参阅件，不再交办。', danger: true },
  assign: {
    fields: [
      { name: 'lead', label: '主办单位', kind: 'dept', required: true },
      { name: 'co', label: '协办单位', kind: 'depts' },
      { name: 'note', label: '备注', kind: 'area' },
    ],
    irreversible: '交办后承办单位开始计时。',
  },
  confirm: { fields: [{ name: 'note', label: '备注', kind: 'area' }], irreversible: '按分办建议交办后，承办单位开始计时。' },
  sign: { fields: [], irreversible: '签收后由本单位办理，不能再签收第二次。' },
  return: { fields: [{ name: 'reason', label: '退回理由', kind: 'area', required: true }], irreversible: '退回后由人大机关重新分办。', danger: true },
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
  'publish-answer': { fields: [], irreversible: '正式答复后代表即可看到并测评，答复内容不能再修改。' },
  'decide-redo': {
    fields: [
      { name: 'redo', label: '决定', kind: 'yesno', required: true, yes: '重新办理', no: '办结' },
      { name: 'note', label: '意见', kind: 'area', required: true },
    ],
    irreversible: '决定后即通知代表和承办单位。',
  },
  close: { fields: [{ name: 'note', label: '办结说明', kind: 'area' }], irreversible: '办结后这件建议不再办理。', danger: true },
  urge: { fields: [{ name: 'note', label: '催办意见', kind: 'area' }] },
  withdraw: { fields: [{ name: 'reason', label: '撤回理由', kind: 'area' }], irreversible: '撤回后不再办理。', danger: true },
};

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
      </Card>
      <Card size="small" title="可做的操作" style={{ marginBottom: 12 }}>
        {s.actions.length ? (
          <Space wrap>
            {s.actions.map((a) => (
              <Button key={a} type={a === 'confirm' || a === 'sign' || a === 'publish-answer' ? 'primary' : 'default'} danger={SPECS[a]?.danger} onClick={() => setActing(a)}>
                {ACTION_LABELS[a] ?? a}
              </Button>
            ))}
          </Space>
        ) : (
          <span>现在没有需要您做的操作。</span>
        )}
      </Card>
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
            {s.deadlines.next ? (
              <p style={{ fontSize: 16, margin: 0 }}>
                {s.deadlines.next.label}：{day(s.deadlines.next.date)}，
                {s.deadlines.overdue ? <b style={{ color: '#b3261e' }}>已超期</b> : `还有 ${s.deadlines.next.workingDaysLeft} 个工作日`}
              </p>
            ) : (
              <p style={{ margin: 0 }}>没有进行中的期限</p>
            )}
            {s.deadlines.provisionalNote && <Alert type="info" style={{ marginTop: 8 }} message={s.deadlines.provisionalNote} />}
            <Descriptions size="small" column={1} style={{ marginTop: 8 }} items={[
              { key: 'r', label: '退回期限', children: day(s.deadlines.returnBy) },
              { key: 'c', label: '协办意见期限', children: day(s.deadlines.coOpinionBy) },
              { key: 'a', label: '答复期限', children: day(s.deadlines.answerBy) },
              ...(s.deadlines.redoBy ? [{ key: 'd', label: '重新答复期限', children: day(s.deadlines.redoBy) }] : []),
            ]} />
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
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const depts = useLoad(() => (spec.fields.some((f) => f.kind === 'dept' || f.kind === 'depts') ? api.departments() : Promise.resolve({ items: [] })), [action]);
  const label = ACTION_LABELS[action] ?? action;
  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = {};
    for (const f of spec.fields) {
      const x = v[f.name];
      if (x === undefined || x === null || x === '') continue;
      body[f.name] = f.kind === 'date' ? dayjs(x).format('YYYY-MM-DD') : f.kind === 'yesno' ? x === 'yes' : typeof x === 'string' ? x.trim() : x;
    }
    if (action === 'consult' && body.method !== 'none' && !body.happenedOn) body.happenedOn = dayjs().format('YYYY-MM-DD');
    setBusy(true);
    setError(null);
    try {
      await api.act(s.id, action, body as never);
      message.success(`${label}：已完成`);
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
      okText={spec.irreversible ? `确认${label}` : label}
      cancelText="取消"
      okButtonProps={{ danger: spec.danger, loading: busy }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {spec.irreversible && <Alert type="warning" showIcon message={`${spec.irreversible}确定要${label}吗？`} style={{ marginBottom: 12 }} />}
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
