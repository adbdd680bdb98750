/**
 * The chairman's dashboard: the key figures, the trend by month, shares as pies, districts, and departments ranked
 * with on-time rate, overdue count and satisfaction. Every figure opens the list it counts.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Dropdown, Empty, Row, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { DepartmentRow } from '../../../contracts/schemas';
import { api, download, messageOf } from '../api';
import { Chart } from '../Chart';
import { useLoad } from '../hooks';
import { go, href } from '../router';
import { pct } from '../format';

const AXIS = { axisLabel: { fontSize: 14 } };
const PALETTE = ['#b3261e', '#1d4ed8', '#059669', '#d97706', '#7c3aed', '#0891b2', '#64748b', '#db2777', '#65a30d'];

/** A month (YYYY-MM) on an axis: 6月, or 2026年6月 when the months shown span more than one year (or none are given). */
function monthLabel(month: string, shown: readonly { month: string }[]): string {
  const oneYear = shown.length > 0 && shown.every((m) => m.month.slice(0, 4) === month.slice(0, 4));
  return oneYear ? `${Number(month.slice(5, 7))}月` : `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** The dashboard page. */
export function Dashboard() {
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const from = range?.[0].format('YYYY-MM');
  const to = range?.[1].format('YYYY-MM');
  const { data: s, error, loading } = useLoad(() => api.stats({ from, to }), [from, to]);
  const [exporting, setExporting] = useState(false);

  const exportAs = async (format: 'xlsx' | 'csv') => {
    setExporting(true);
    const key = 'export';
    message.open({ key, type: 'loading', content: '正在导出，请稍候…', duration: 0 });
    try {
      const q = new URLSearchParams({ format, ...(from ? { from } : {}), ...(to ? { to } : {}) });
      const name = await download(`/api/stats/suggestions/export?${q}`, `建议办理统计.${format}`);
      message.open({ key, type: 'success', content: `导出完成：${name}` });
    } catch (err) {
      message.open({ key, type: 'error', content: messageOf(err) });
    } finally {
      setExporting(false);
    }
  };

  const trend = useMemo(
    () =>
      s && {
        tooltip: { trigger: 'axis' },
        legend: { data: ['提交', '其中已答复'], top: 0, textStyle: { fontSize: 14 } },
        grid: { left: 48, right: 24, top: 52, bottom: 36 },
        xAxis: { type: 'category', data: s.byMonth.map((m) => monthLabel(m.month, s.byMonth)), ...AXIS },
        yAxis: { type: 'value', name: '件', minInterval: 1, nameTextStyle: { fontSize: 14 }, ...AXIS },
        series: [
          { name: '提交', type: 'line', data: s.byMonth.map((m) => m.submitted), color: '#b3261e' },
          { name: '其中已答复', type: 'line', data: s.byMonth.map((m) => m.answered), color: '#1d4ed8' },
        ],
      },
    [s],
  );
  const pie = (data: { name: string; value: number; code: string }[]) => ({
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { bottom: 0, textStyle: { fontSize: 14 }, formatter: (name: string) => `${name} ${data.find((d) => d.name === name)?.value ?? ''}` },
    series: [{ type: 'pie', radius: ['34%', '62%'], center: ['50%', '40%'], data: data.filter((d) => d.value), label: { fontSize: 14, formatter: '{d}%' }, labelLine: { length: 6, length2: 6 } }],
  });
  const districts = useMemo(
    () =>
      s && {
        tooltip: { trigger: 'axis' },
        grid: { left: 80, right: 56, top: 10, bottom: 30 },
        xAxis: { type: 'value', minInterval: 1, ...AXIS },
        yAxis: { type: 'category', data: [...s.byRegion].reverse().map((r) => r.name), ...AXIS },
        series: [{ type: 'bar', data: [...s.byRegion].reverse().map((r) => r.count), color: '#b3261e', label: { show: true, position: 'right', fontSize: 14, formatter: '{c} 件' } }],
      },
    [s],
  );

  return (
    <>
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <Typography.Title level={2} className="page-title" style={{ margin: 0 }}>
          建议办理统计
        </Typography.Title>
        <div className="toolbar" style={{ margin: 0 }}>
          <DatePicker.RangePicker picker="month" aria-label="统计期间（提交月份）" placeholder={['开始月份', '结束月份']} value={range} onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} disabledDate={(d) => d.isAfter(dayjs().endOf('month'))} />
          <Dropdown trigger={['click']} menu={{ items: [{ key: 'xlsx', label: '导出 Excel（XLSX）' }, { key: 'csv', label: '导出承办单位表（CSV）' }], onClick: ({ key }) => exportAs(key as 'xlsx' | 'csv') }}>
            <Button icon={<DownloadOutlined />} loading={exporting}>
              {exporting ? '正在导出…' : '导出'}
            </Button>
          </Dropdown>
        </div>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {s?.warnings.map((w) => <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 12 }} />)}
      <Row gutter={[12, 12]} className="kpi">
        {[
          { title: '建议总数', value: s?.total, unit: '件', to: href('/suggestions') },
          { title: '已答复', value: s?.answered, unit: '件', to: href('/suggestions', { state: 'answered' }) },
          { title: '按期答复率', value: s ? pct(s.onTimeRate) : undefined, to: href('/suggestions', { overdue: true }), hint: '超期未答复的计为未按期' },
          { title: '超期未答复', value: s?.overdue, unit: '件', to: href('/suggestions', { overdue: true }), danger: !!s?.overdue },
          { title: '满意率', value: s ? pct(s.satisfactionRate) : undefined, to: href('/suggestions', { state: 'closed' }), hint: '满意与基本满意' },
        ].map((k) => (
          <Col key={k.title} flex="1 1 160px">
            {/* The link is named by what it shows (title, figure, hint) and then where it goes: what is seen is what is heard. */}
            <a style={{ display: 'block', height: '100%' }} href={k.to}>
              <Card size="small" hoverable loading={loading && !s} style={{ height: '100%' }}>
                <Statistic title={k.title} value={k.value ?? '—'} suffix={k.unit && k.value !== undefined ? k.unit : undefined} valueStyle={{ color: k.danger ? '#b3261e' : undefined }} />
                {k.hint && <div style={{ fontSize: 14, color: 'rgba(0,0,0,0.68)' }}>{k.hint}</div>}
                <span className="sr-only">，查看清单</span>
              </Card>
            </a>
          </Col>
        ))}
      </Row>
      {s && s.total === 0 && (
        // A new city, or a period with nothing in it: say so instead of drawing empty axes and grey rings.
        <Card style={{ marginTop: 12 }}>
          <Empty description={range ? '这段时间没有提交的建议，换个月份范围看看。' : '还没有建议。代表在小程序或群聊里提交建议后，这里会显示按月趋势、各区县、办理状态和承办单位排名。'} />
        </Card>
      )}
      {s && s.total > 0 && (
        <>
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} xl={14}>
              <Card size="small" title="按月趋势（点击月份查看清单）">
                <Chart label={`按月提交与答复：${s.byMonth.map((m) => `${monthLabel(m.month, [])} 提交 ${m.submitted} 件、其中已答复 ${m.answered} 件`).join('；')}`} option={trend!} onClick={(p) => go('/suggestions', { month: s.byMonth[p.dataIndex]?.month })} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title="各区县建议数">
                <Chart
                  label={`各区县：${s.byRegion.map((r) => `${r.name} ${r.count} 件`).join('；')}`}
                  option={districts!}
                  height={Math.max(220, s.byRegion.length * 30 + 40)}
                  onClick={(p) => {
                    const r = [...s.byRegion].reverse()[p.dataIndex];
                    if (r && r.code !== 'city') go('/suggestions', { region: r.code });
                  }}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} md={8}>
              <Card size="small" title="办理状态">
                <Chart label={`办理状态：${s.byState.map((x) => `${x.label} ${x.count} 件`).join('；')}`} option={pie(s.byState.map((x) => ({ name: x.label, value: x.count, code: x.code })))} onClick={(p) => go('/suggestions', { state: (p.data as { code: string }).code })} />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small" title="答复类别">
                <Chart label={`答复类别：${s.answerClasses.map((x) => `${x.code} ${x.label} ${x.count} 件`).join('；')}`} option={pie(s.answerClasses.map((x) => ({ name: `${x.code} ${x.label}`, value: x.count, code: x.code })))} />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small" title="代表测评">
                <Chart label={`代表测评：${s.ratings.map((x) => `${x.label} ${x.count} 件`).join('；')}`} option={pie(s.ratings.map((x) => ({ name: x.label, value: x.count, code: x.code })))} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title="承办单位排名（以按期答复率排序，点数字查看清单）" style={{ marginTop: 12 }}>
            <Table<DepartmentRow>
              rowKey="code"
              size="small"
              scroll={{ x: 760 }}
              dataSource={[...s.byDepartment].sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.overdue - b.overdue || b.total - a.total)}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: '这段时间还没有交办的建议' }}
              columns={[
                { title: '排名', key: 'rank', width: 64, render: (_: unknown, _r, i) => i + 1 },
                { title: '承办单位', dataIndex: 'name', render: (n: string, r) => <a href={href('/suggestions', { lead: r.code })}>{n}</a> },
                { title: '主办件数', dataIndex: 'total', width: 100, sorter: (a, b) => a.total - b.total, render: (n: number, r) => <a href={href('/suggestions', { lead: r.code })}>{n}</a> },
                { title: '已答复', dataIndex: 'answered', width: 90, sorter: (a, b) => a.answered - b.answered },
                { title: '按期答复率', dataIndex: 'onTimeRate', width: 120, sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1), render: (n: number | null) => pct(n) },
                {
                  title: '超期未答复',
                  dataIndex: 'overdue',
                  width: 110,
                  sorter: (a, b) => a.overdue - b.overdue,
                  render: (n: number, r) => (n ? <a style={{ color: '#b3261e', fontWeight: 600 }} href={href('/suggestions', { lead: r.code, overdue: true })}>{n}</a> : 0),
                },
                { title: '满意率', dataIndex: 'satisfactionRate', width: 150, sorter: (a, b) => (a.satisfactionRate ?? -1) - (b.satisfactionRate ?? -1), render: (n: number | null, r) => (r.rated ? `${pct(n)}（${r.rated} 件）` : '—') },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
