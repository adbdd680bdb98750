/** A department's tasks by deadline, with the working days left (签收, then 办理 until the answer). */
import { Alert, Card, Col, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import type { SuggestionSummary } from '../../../contracts/schemas';
import { api } from '../api';
import { useLoad } from '../hooks';
import { href } from '../router';
import { DeadlineTag } from './SuggestionList';

/** The staff's task list. */
export function Tasks() {
  const [state, setState] = useState<'open' | 'assigned' | 'handling' | 'all'>('open');
  const [page, setPage] = useState(1);
  const assigned = useLoad(() => api.listSuggestions({ state: 'assigned', sort: 'deadline', pageSize: 100 }), []);
  const handling = useLoad(() => api.listSuggestions({ state: 'handling', sort: 'deadline', pageSize: 100 }), []);
  const all = useLoad(() => (state === 'all' ? api.listSuggestions({ sort: 'deadline', page, pageSize: 20 }) : Promise.resolve(null)), [state, page]);
  const open = [...(assigned.data?.items ?? []), ...(handling.data?.items ?? [])].sort(
    (a, b) => (a.deadlines.next?.workingDaysLeft ?? 9999) - (b.deadlines.next?.workingDaysLeft ?? 9999) || a.id - b.id,
  );
  const rows = state === 'all' ? (all.data?.items ?? []) : state === 'open' ? open : open.filter((s) => s.state === state);
  const overdue = open.filter((s) => s.deadlines.overdue).length;
  const soon = open.filter((s) => !s.deadlines.overdue && (s.deadlines.next?.workingDaysLeft ?? 99) <= 5).length;
  const error = assigned.error ?? handling.error ?? all.error;
  return (
    <>
      <Typography.Title level={2} className="page-title">
        我的任务
      </Typography.Title>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title="待签收" suffix="件" value={assigned.data?.total ?? 0} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title="办理中" suffix="件" value={handling.data?.total ?? 0} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title="5 个工作日内到期" suffix="件" value={soon} valueStyle={{ color: soon ? '#ad4e00' : undefined }} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title="已超期" suffix="件" value={overdue} valueStyle={{ color: overdue ? '#b3261e' : undefined }} /></Card>
        </Col>
      </Row>
      <div className="toolbar">
        <Segmented
          value={state}
          onChange={(v) => setState(v as typeof state)}
          options={[
            { value: 'open', label: '未办结' },
            { value: 'assigned', label: '待签收' },
            { value: 'handling', label: '办理中' },
            { value: 'all', label: '全部' },
          ]}
        />
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table<SuggestionSummary>
        rowKey="id"
        loading={assigned.loading || handling.loading || all.loading}
        dataSource={rows}
        scroll={{ x: 760 }}
        pagination={state === 'all' ? { current: page, pageSize: 20, total: all.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 件` } : { pageSize: 20, showTotal: (t) => `共 ${t} 件` }}
        locale={{ emptyText: state === 'open' ? '眼下没有要办的建议，新的交办会出现在这里' : '没有这类建议' }}
        columns={[
          { title: '期限', key: 'deadline', width: 280, render: (_: unknown, s) => <DeadlineTag s={s} /> },
          { title: '标题', dataIndex: 'title', render: (t: string, s) => <a href={href(`/suggestions/${s.id}`)}>{t}</a> },
          { title: '状态', dataIndex: 'stateLabel', width: 132, render: (t: string) => <span style={{ whiteSpace: 'nowrap' }}>{t}</span> },
          { title: '编号', dataIndex: 'number', width: 130 },
          { title: '代表', key: 'deputy', width: 100, render: (_: unknown, s) => (s.deputy ?? s.author).name },
        ]}
      />
    </>
  );
}
