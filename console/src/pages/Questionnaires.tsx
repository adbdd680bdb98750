/** Questionnaire results for the office: response rate, each question's answers as bars, the ballot's outcome, export. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { QuestionnaireItem } from '../../../contracts/client';
import { api, download, messageOf } from '../api';
import { Chart } from '../Chart';
import { useLoad } from '../hooks';
import { href } from '../router';
import { chinaDateTime } from '../format';

/** The list, or one questionnaire's results. */
export function Questionnaires({ id }: { id?: number }) {
  return id ? <Results id={id} /> : <List />;
}

function List() {
  const list = useLoad(() => api.questionnaires(), []);
  return (
    <>
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <Typography.Title level={2} className="page-title" style={{ margin: 0 }}>
          问卷结果
        </Typography.Title>
        <Button type="primary" href="#/publish/questionnaire">
          发布问卷
        </Button>
      </div>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<QuestionnaireItem>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 600 }}
        locale={{ emptyText: '还没有问卷，点“发布问卷”开始' }}
        columns={[
          { title: '标题', dataIndex: 'title', render: (t: string, q) => <a href={href(`/questionnaires/${q.id}`)}>{t}</a> },
          { title: '类型', dataIndex: 'kindLabel', width: 90 },
          { title: '截止', key: 'c', width: 170, render: (_: unknown, q) => chinaDateTime(q.closesAt) },
          { title: '状态', key: 's', width: 90, render: (_: unknown, q) => (q.open === false ? <Tag>已截止</Tag> : <Tag color="green">进行中</Tag>) },
        ]}
      />
    </>
  );
}

function Results({ id }: { id: number }) {
  const { message } = App.useApp();
  const q = useLoad(() => api.questionnaire(id), [id]);
  const r = useLoad(() => api.questionnaireResults(id), [id]);
  const [busy, setBusy] = useState(false);
  const exportXlsx = async () => {
    setBusy(true);
    message.open({ key: 'qx', type: 'loading', content: '正在导出，请稍候…', duration: 0 });
    try {
      const name = await download(`/api/questionnaires/${id}/export?format=xlsx`, `问卷结果-${id}.xlsx`);
      message.open({ key: 'qx', type: 'success', content: `导出完成：${name}` });
    } catch (err) {
      message.open({ key: 'qx', type: 'error', content: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };
  const error = q.error ?? r.error;
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button href="#/questionnaires">← 问卷列表</Button>
        <Button icon={<DownloadOutlined />} loading={busy} onClick={exportXlsx}>
          {busy ? '正在导出…' : '导出 Excel'}
        </Button>
      </Space>
      <Typography.Title level={2} className="page-title">
        {q.data?.title ?? '问卷结果'}
      </Typography.Title>
      {error && <Alert type="error" showIcon message={error} />}
      {r.data && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={8}><Card size="small"><Statistic title="应答人数" suffix="人" value={r.data.eligible} /></Card></Col>
            <Col xs={8}><Card size="small"><Statistic title="已答" suffix="人" value={r.data.responded} /></Card></Col>
            <Col xs={8}><Card size="small"><Statistic title="回收率" value={`${r.data.responseRate}%`} /></Card></Col>
          </Row>
          {r.data.ballot && (
            <Card size="small" title="票决结果" style={{ marginBottom: 12 }}>
              <p>{r.data.ballot.rule}（{r.data.ballot.quorumMet ? '已达到法定人数' : '未达到法定人数'}，通过需 {r.data.ballot.votesNeeded} 票）</p>
              {r.data.ballot.candidates.map((c) => (
                <div key={c.label}>
                  {c.label}：{c.votes} 票 {c.passed ? <Tag color="green">通过</Tag> : <Tag>未通过</Tag>}
                </div>
              ))}
            </Card>
          )}
          {r.data.questions.map((x) => (
            <Card key={x.id} size="small" title={x.title} style={{ marginBottom: 12 }}>
              {x.options?.length ? (
                <Chart
                  height={Math.max(160, x.options.length * 40 + 40)}
                  label={`${x.title}：${x.options.map((o) => `${o.label} ${o.count} 人（${o.percent}%）`).join('；')}`}
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 140, right: 110, top: 10, bottom: 24 },
                    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 14 } }, // each bar says "n 人": no axis name to collide with it
                    yAxis: { type: 'category', data: [...x.options].reverse().map((o) => o.label), axisLabel: { fontSize: 14 } },
                    series: [{ type: 'bar', data: [...x.options].reverse().map((o) => o.count), color: '#b3261e', label: { show: true, position: 'right', fontSize: 14, formatter: (p: { dataIndex: number }) => { const o = [...x.options!].reverse()[p.dataIndex]; return `${o.count} 人（${o.percent}%）`; } } }],
                  }}
                />
              ) : x.average !== undefined ? (
                <p>平均分：{x.average ?? '—'}</p>
              ) : (
                <p>文字回答请导出 Excel 查看。</p>
              )}
            </Card>
          ))}
        </>
      )}
    </>
  );
}
