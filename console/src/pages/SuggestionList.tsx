/** Every suggestion the caller may see: filters, search by words, sorting and the API's paging; each row opens its detail. */
import { Alert, Button, Checkbox, DatePicker, Grid, Input, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { SUGGESTION_STATES } from '../../../contracts/enums';
import { STATE_LABELS } from '../../../contracts/labels';
import type { SuggestionSummary } from '../../../contracts/schemas';
import { api } from '../api';
import { useLoad } from '../hooks';
import { go, href } from '../router';
import { day } from '../format';

const KEYS = ['q', 'state', 'lead', 'region', 'month', 'overdue', 'sort', 'page', 'pageSize'] as const;

/** A tag for the deadline: overdue in red, working days left otherwise. */
export function DeadlineTag({ s }: { s: SuggestionSummary }) {
  const next = s.deadlines.next;
  if (s.deadlines.overdue) return <Tag color="red">已超期{next && next.workingDaysLeft < 0 ? ` ${-next.workingDaysLeft} 个工作日` : ''} · {day(s.deadlines.answerBy)}到期</Tag>;
  if (!next) return <span>—</span>;
  const color = next.workingDaysLeft <= 5 ? 'orange' : 'default';
  return (
    <Tag color={color}>
      {next.label} {day(next.date)}
      {next.provisional ? '（暂定）' : ''} · 剩 {next.workingDaysLeft} 个工作日
    </Tag>
  );
}

/** The suggestions table. */
export function SuggestionList({ query }: { query: URLSearchParams }) {
  const f = Object.fromEntries(KEYS.map((k) => [k, query.get(k) ?? undefined])) as Record<(typeof KEYS)[number], string | undefined>;
  const set = (patch: Partial<Record<(typeof KEYS)[number], string | undefined>>) => go('/suggestions', { ...f, page: undefined, ...patch });
  const page = Number(f.page ?? 1) || 1;
  const pageSize = Number(f.pageSize ?? 20) || 20;
  const list = useLoad(
    () =>
      api.listSuggestions({
        q: f.q,
        state: f.state as never,
        lead: f.lead,
        region: f.region,
        month: f.month,
        overdue: f.overdue === 'true' ? true : undefined,
        sort: (f.sort as 'deadline' | 'updated') ?? undefined,
        page,
        pageSize,
      }),
    [query.toString()],
  );
  const depts = useLoad(() => api.departments(), []);
  const regions = useLoad(() => api.regions(), []);
  const districts = (regions.data?.items ?? []).filter((r) => r.level === 'district');
  // On a phone one column carries the title with its facts, so nothing scrolls sideways.
  const narrow = !Grid.useBreakpoint().md;

  return (
    <>
      <Typography.Title level={2} className="page-title">
        建议列表
      </Typography.Title>
      <div className="toolbar" role="search">
        <Input.Search
          aria-label="按字词搜索标题和内容"
          placeholder="搜索标题或内容中的字词"
          defaultValue={f.q}
          allowClear
          enterButton="搜索"
          style={{ maxWidth: 360 }}
          onSearch={(v) => set({ q: v.trim() || undefined })}
        />
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 150 }}
          value={f.state}
          onChange={(v) => set({ state: v })}
          options={SUGGESTION_STATES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: STATE_LABELS[s] }))}
        />
        <Select
          aria-label="主办单位"
          placeholder="全部主办单位"
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          value={f.lead}
          onChange={(v) => set({ lead: v })}
          options={(depts.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))}
        />
        <Select aria-label="区县" placeholder="全部区县" allowClear style={{ width: 140 }} value={f.region} onChange={(v) => set({ region: v })} options={districts.map((r) => ({ value: r.code, label: r.name }))} />
        <DatePicker
          picker="month"
          aria-label="提交月份"
          placeholder="提交月份"
          value={f.month ? dayjs(`${f.month}-01`) : null}
          onChange={(d) => set({ month: d ? d.format('YYYY-MM') : undefined })}
        />
        <Checkbox checked={f.overdue === 'true'} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}>
          只看超期
        </Checkbox>
        {KEYS.some((k) => k !== 'page' && k !== 'pageSize' && f[k]) && <Button onClick={() => go('/suggestions')}>清除筛选</Button>}
      </div>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 12 }} />}
      <Table<SuggestionSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={narrow ? undefined : { x: 1000 }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          set({ sort: s?.columnKey === 'deadline' && s.order ? 'deadline' : undefined, page: String(page) });
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t} 件`,
          onChange: (p, ps) => go('/suggestions', { ...f, page: p, pageSize: ps }),
        }}
        locale={{ emptyText: f.q || f.state || f.lead || f.region || f.month || f.overdue ? '没有符合条件的建议，换个条件试试' : '还没有建议' }}
        columns={narrow ? [
          {
            title: '建议',
            key: 'card',
            render: (_: unknown, s) => (
              <div>
                <a href={href(`/suggestions/${s.id}`)} style={{ fontSize: 16 }}>{s.title}</a>
                <div>{s.number} · {s.stateLabel}{s.lead ? ` · ${s.lead.name}` : ''}</div>
                {(s.deadlines.overdue || s.deadlines.next) && <DeadlineTag s={s} />}
              </div>
            ),
          },
        ] : [
          { title: '编号', dataIndex: 'number', width: 116 },
          { title: '标题', dataIndex: 'title', render: (t: string, s) => <a href={href(`/suggestions/${s.id}`)}>{t}</a> },
          { title: '状态', dataIndex: 'stateLabel', width: 132, render: (t: string) => <span style={{ whiteSpace: 'nowrap' }}>{t}</span> },
          { title: '主办单位', key: 'lead', width: 170, render: (_: unknown, s) => s.lead?.name ?? '—' },
          { title: '区域', key: 'region', width: 96, render: (_: unknown, s) => s.region?.name ?? '—' },
          { title: '提出人', key: 'author', width: 84, render: (_: unknown, s) => (s.deputy ?? s.author).name },
          { title: '期限', key: 'deadline', width: 240, sorter: true, sortOrder: f.sort === 'deadline' ? 'ascend' : null, render: (_: unknown, s) => <DeadlineTag s={s} /> },
        ]}
      />
    </>
  );
}
