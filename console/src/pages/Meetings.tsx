/** Meetings: the list, one meeting's attendance with leave approval, and a check-in QR code to project on a screen. */
import { Alert, App, Button, Card, Col, Descriptions, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { MeetingItem } from '../../../contracts/client';
import { api, getJson, postJson } from '../api';
import { useAct, useLoad } from '../hooks';
import { href } from '../router';
import { chinaDateTime, chinaSpan } from '../format';

interface Person {
  username: string;
  name: string;
  rsvp: string;
  rsvpLabel: string;
  leaveReason: string | null;
  leaveState: string | null;
  checkedInAt: string | null;
}
interface MeetingDetail extends MeetingItem {
  checkinCode?: string;
  attendance?: { invited: number; attending: number; leave: number; noAnswer: number; checkedIn: number; rate: number; rateExcludingLeave: number; people: Person[] };
}

/** What a deputy's phone opens when it scans the check-in code (the mini-program reads `code=`). */
export const checkinLink = (code: string) => `${window.location.origin}/app/#/engage/meetings/index?code=${encodeURIComponent(code)}`;

function QrImage({ text, size }: { text: string; size: number }) {
  const [src, setSrc] = useState<string>('');
  useEffect(() => {
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: size }).then(setSrc);
  }, [text, size]);
  return src ? <img src={src} width={size} height={size} alt="签到二维码：请用履职通小程序扫码签到" /> : null;
}

const LEAVE_LABELS: Record<string, string> = { pending: '待审批', approved: '已同意', refused: '未同意', rejected: '未同意' };

/** The meetings page (list, detail, or the projector view). */
export function Meetings({ id, projector }: { id?: number; projector?: boolean }) {
  if (id && projector) return <Projector id={id} />;
  if (id) return <MeetingPage id={id} />;
  return <MeetingList />;
}

function MeetingList() {
  const list = useLoad(() => api.meetings(), []);
  return (
    <>
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <Typography.Title level={2} className="page-title" style={{ margin: 0 }}>
          会议活动
        </Typography.Title>
        <Button type="primary" href="#/publish/meeting">
          发起会议
        </Button>
      </div>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<MeetingItem>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 640 }}
        locale={{ emptyText: '还没有会议，点“发起会议”邀请代表' }}
        columns={[
          { title: '会议', dataIndex: 'title', render: (t: string, m) => <a href={href(`/meetings/${m.id}`)}>{t}</a> },
          { title: '类型', dataIndex: 'kindLabel', width: 120 },
          { title: '时间', key: 'at', width: 170, render: (_: unknown, m) => chinaDateTime(m.startsAt) },
          { title: '地点', dataIndex: 'place', width: 200 },
        ]}
      />
    </>
  );
}

function MeetingPage({ id }: { id: number }) {
  const { modal } = App.useApp();
  const act = useAct();
  const { data: m, error, reload } = useLoad(() => getJson<MeetingDetail>(`/api/meetings/${id}`), [id]);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!m) return null;
  const a = m.attendance;
  const decide = (p: Person, approve: boolean) =>
    modal.confirm({
      title: `${approve ? '同意' : '不同意'}${p.name}的请假？`,
      content: p.leaveReason ? `请假理由：${p.leaveReason}` : undefined,
      okText: approve ? '同意请假' : '不同意',
      cancelText: '取消',
      onOk: () => act(() => postJson(`/api/meetings/${id}/leave-decision`, { user: p.username, approve }), approve ? '已同意请假' : '已不同意请假', reload),
    });
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button href="#/meetings">← 会议列表</Button>
        <Tag color={m.state === 'cancelled' ? 'default' : 'blue'}>{m.kindLabel}</Tag>
      </Space>
      <Typography.Title level={2} className="page-title">
        {m.title}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={16}>
          <Card size="small" title="会议信息" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
              { key: 't', label: '时间', children: chinaSpan(m.startsAt, m.endsAt) },
              { key: 'p', label: '地点', children: m.place },
              { key: 'a', label: '议程', children: <span style={{ whiteSpace: 'pre-wrap' }}>{m.agenda || '—'}</span> },
            ]} />
          </Card>
          {a && (
            <Card size="small" title="出席情况">
              <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
                <Col xs={8} md={4}><Statistic title="应到" suffix="人" value={a.invited} /></Col>
                <Col xs={8} md={4}><Statistic title="回复参加" suffix="人" value={a.attending} /></Col>
                <Col xs={8} md={4}><Statistic title="请假" suffix="人" value={a.leave} /></Col>
                <Col xs={8} md={4}><Statistic title="未回复" suffix="人" value={a.noAnswer} /></Col>
                <Col xs={8} md={4}><Statistic title="已签到" suffix="人" value={a.checkedIn} /></Col>
                <Col xs={8} md={4}><Statistic title="出席率" value={`${a.rateExcludingLeave}%`} /></Col>
              </Row>
              <Table<Person>
                rowKey="username"
                size="small"
                dataSource={a.people}
                scroll={{ x: 640 }}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: '代表', dataIndex: 'name', width: 110 },
                  { title: '回复', dataIndex: 'rsvpLabel', width: 80 },
                  {
                    title: '请假',
                    key: 'leave',
                    render: (_: unknown, p) =>
                      p.rsvp !== 'leave' ? '—' : (
                        <Space wrap>
                          <span>{p.leaveReason}</span>
                          <Tag color={p.leaveState === 'pending' ? 'orange' : p.leaveState === 'approved' ? 'green' : 'default'}>{LEAVE_LABELS[p.leaveState ?? ''] ?? p.leaveState}</Tag>
                          {p.leaveState === 'pending' && (
                            <>
                              <Button size="small" type="primary" onClick={() => decide(p, true)}>同意</Button>
                              <Button size="small" onClick={() => decide(p, false)}>不同意</Button>
                            </>
                          )}
                        </Space>
                      ),
                  },
                  { title: '签到', key: 'in', width: 150, render: (_: unknown, p) => (p.checkedInAt ? chinaDateTime(p.checkedInAt) : '未签到') },
                ]}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="签到二维码">
            {m.checkinCode ? (
              <Space direction="vertical" align="center" style={{ width: '100%' }}>
                <QrImage text={checkinLink(m.checkinCode)} size={220} />
                <div style={{ fontSize: 16 }}>
                  签到码 <b style={{ letterSpacing: 2 }}>{m.checkinCode}</b>
                </div>
                <Button type="primary" href={`#/meetings/${m.id}/qr`} target="_blank">
                  投屏显示
                </Button>
              </Space>
            ) : (
              <Empty description="这个会议没有签到码" />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** A full-screen page to project: the QR code, the code in large type, and the count checked in (refreshed). */
function Projector({ id }: { id: number }) {
  const { data: m, error, reload } = useLoad(() => getJson<MeetingDetail>(`/api/meetings/${id}`), [id]);
  useEffect(() => {
    const t = setInterval(reload, 10_000);
    return () => clearInterval(t);
  }, [reload]);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!m?.checkinCode) return null;
  const size = Math.min(window.innerWidth - 48, window.innerHeight - 260, 560);
  return (
    <main style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', background: '#fff', gap: 12, padding: 24, boxSizing: 'border-box' }}>
      <h1 style={{ fontSize: 32, margin: 0, textAlign: 'center' }}>{m.title}</h1>
      <QrImage text={checkinLink(m.checkinCode)} size={Math.max(size, 200)} />
      <div style={{ fontSize: 28 }}>
        用履职通小程序扫码签到 · 签到码 <b style={{ letterSpacing: 4 }}>{m.checkinCode}</b>
      </div>
      {m.attendance && (
        <div style={{ fontSize: 26 }} role="status">
          已签到 {m.attendance.checkedIn} / 应到 {m.attendance.invited} 人
        </div>
      )}
    </main>
  );
}
