/** The office's routing queue: proposals confident enough to confirm in a batch, and those a person must route. */
import { Alert, App, Button, Grid, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PresentedRouting, SuggestionSummary } from '../../../contracts/schemas';
import { api, messageOf } from '../api';
import { useLoad } from '../hooks';
import { href } from '../router';
import { chinaTime } from '../format';

/** The proposal as the office reads it: lead, co-handlers, 高/中/低 and the reasons (the API's presented routing). */
export function ProposalCell({ routing }: { routing: PresentedRouting | null }) {
  const r = routing;
  if (!r?.lead) return <span>没有把握的分办建议，请人工选择承办单位</span>;
  const color = r.confidenceLevel === 'high' ? 'green' : r.confidenceLevel === 'medium' ? 'gold' : 'default';
  return (
    <Space direction="vertical" size={2}>
      <span>
        主办：<b>{r.lead.name}</b> <Tag color={color}>把握{r.confidenceLabel}</Tag>
      </span>
      {!!r.co.length && <span>协办：{r.co.map((x) => x.name).join('、')}</span>}
      {!!r.lead.why.length && <span style={{ color: 'rgba(0,0,0,0.7)' }}>依据词：{r.lead.why.join('、')}</span>}
      {r.reasons.map((x) => (
        <span key={x} style={{ color: 'rgba(0,0,0,0.7)' }}>
          {x}
        </span>
      ))}
    </Space>
  );
}

/** The batch confirm page. */
export function ConfirmQueue() {
  const { modal, message } = App.useApp();
  const [queue, setQueue] = useState<'confirm' | 'review'>('confirm');
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ ok: number; failed: string[] } | null>(null);
  const list = useLoad(() => api.listSuggestions({ queue, pageSize: 100 }), [queue]);
  const items = list.data?.items ?? [];
  // On a phone one column carries the title and the proposal, so the table needs no sideways scroll.
  const narrow = !Grid.useBreakpoint().md;

  const confirmAll = () =>
    modal.confirm({
      title: `确认分办选中的 ${selected.length} 件建议？`,
      content: '确认后即交办给所列主办、协办单位，办理期限从今天起算，不能撤销（如需改派请到建议详情操作）。',
      okText: '确认分办',
      cancelText: '再看看',
      onOk: async () => {
        setBusy(true);
        const failed: string[] = [];
        let ok = 0;
        for (const id of selected) {
          const s = items.find((x) => x.id === id);
          try {
            await api.act(id, 'confirm');
            ok += 1;
          } catch (err) {
            failed.push(`${s?.number ?? id} ${s?.title ?? ''}：${messageOf(err)}`);
          }
        }
        setBusy(false);
        setSelected([]);
        setReport({ ok, failed });
        if (ok) message.success(`已确认分办 ${ok} 件`);
        list.reload();
      },
    });

  return (
    <>
      <Typography.Title level={2} className="page-title">
        分办确认
      </Typography.Title>
      <div className="toolbar">
        <Segmented
          value={queue}
          onChange={(v) => {
            setQueue(v as 'confirm' | 'review');
            setSelected([]);
          }}
          options={[
            { value: 'confirm', label: '可一键确认' },
            { value: 'review', label: '需人工分办' },
          ]}
        />
        {queue === 'confirm' && (
          <Button type="primary" disabled={!selected.length} loading={busy} onClick={confirmAll}>
            批量确认分办（{selected.length}）
          </Button>
        )}
      </div>
      {report && (
        <Alert
          style={{ marginBottom: 12 }}
          type={report.failed.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setReport(null)}
          message={`已确认 ${report.ok} 件${report.failed.length ? `，${report.failed.length} 件没有成功` : ''}`}
          description={report.failed.length ? report.failed.join('\n') : undefined}
        />
      )}
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<SuggestionSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={items}
        rowSelection={queue === 'confirm' ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as number[]), columnTitle: undefined } : undefined}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 件` }}
        locale={{ emptyText: queue === 'confirm' ? '没有待确认的分办建议' : '没有需要人工分办的建议' }}
        columns={narrow ? [
          {
            title: '建议与分办建议',
            key: 'card',
            render: (_: unknown, s) => (
              <Space direction="vertical" size={4}>
                <a href={href(`/suggestions/${s.id}`)} style={{ fontSize: 16 }}>{s.title}</a>
                <span>{s.number}</span>
                <ProposalCell routing={s.routing} />
              </Space>
            ),
          },
        ] : [
          { title: '编号', dataIndex: 'number', width: 130 },
          { title: '标题', dataIndex: 'title', render: (t: string, s) => <a href={href(`/suggestions/${s.id}`)}>{t}</a> },
          { title: '分办建议', key: 'routing', width: 360, render: (_: unknown, s) => <ProposalCell routing={s.routing} /> },
          { title: '提交时间', key: 'at', width: 130, render: (_: unknown, s) => (s.submittedAt ? chinaTime(s.submittedAt) : '—') },
        ]}
      />
    </>
  );
}
