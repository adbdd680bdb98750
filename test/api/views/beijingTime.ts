/**
 * Times people read are Beijing times, whatever the server's clock zone: the questionnaire export's 提交时间,
 * the WeChat subscribe message's time, inbox texts and the .ics file (UTC with Z, which calendar apps convert).
 * An instant just before midnight UTC is already the next morning in Beijing, so a UTC rendering shows up.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { chinaDateTime, chinaTime } from '../../../contracts/format';
import { deliverWechat } from '../../../core/notifications/wechatChannel';
import { notify } from '../../../core/notifications/notify';
import { UserModel } from '../../../models/definitions';
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';

/** A local imitation of WeChat's token and subscribe-message endpoints that keeps what it was sent. */
async function wechatImitation() {
  const sent: { touser: string; data: Record<string, { value: string }> }[] = [];
  const server = http.createServer((req, res) => {
    if (req.url!.startsWith('/cgi-bin/token')) return res.end(JSON.stringify({ access_token: 'tok', expires_in: 7200 }));
    let body = '';
    req.on('data', (c) => (body += c)).on('end', () => {
      sent.push(JSON.parse(body));
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

const LATE_EVENING_UTC = '2026-11-29T23:07:31Z'; // 2026-11-30 07:07 in Beijing

test('the formatters: a full Beijing date and time, and no NaN for an impossible instant', () => {
  expect(chinaDateTime(LATE_EVENING_UTC)).toBe('2026-11-30 07:07');
  expect(chinaDateTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00');
  expect(chinaTime('2026-12-31T16:00:00Z')).toBe('1月1日 00:00');
  expect(chinaTime(new Date(8.64e15))).toBe('时间不详');
  expect(chinaDateTime('not a time')).toBe('');
});

describe.each(databaseKinds())('Beijing time for people on %s', (kind) => {
  let api: TestApi;
  let wx: Awaited<ReturnType<typeof wechatImitation>>;
  let office: string;
  let deputy: string;
  beforeAll(async () => {
    wx = await wechatImitation();
    api = await startTestApi(kind, { WECHAT_API_BASE: wx.url });
    await UserModel.update({ wechatOpenid: 'o-deputy01' }, { where: { username: 'deputy01' } });
    office = await api.token('office');
    deputy = await api.token('deputy01');
    api.clock.set(LATE_EVENING_UTC);
  });
  afterAll(async () => {
    await api.close();
    await wx.close();
  });

  test('the WeChat subscribe message carries the Beijing time', async () => {
    const user = (await UserModel.findOne({ where: { username: 'deputy01' } }))!;
    await api.core.db.sequelize.transaction(() => notify([user.id], { kind: 'notice', title: '关于召开代表座谈会的通知', body: '周五下午三点', key: 'beijing-time' }, api.clock.now()));
    expect(await deliverWechat(api.core)).toBeGreaterThanOrEqual(1);
    const msg = wx.sent.find((m) => m.data.thing1.value === '关于召开代表座谈会的通知')!;
    expect(msg.data.time3.value).toBe('2026-11-30 07:07');
  });

  test('the questionnaire export shows 提交时间 in Beijing time (CSV and XLSX), the inbox text its deadline', async () => {
    const created = await api.http(
      'POST',
      '/api/questionnaires',
      { kind: 'survey', title: '联络站活动满意度', closesAt: '2026-12-05T10:00:00Z', audience: { users: ['deputy01'] }, questions: [{ id: 'q1', type: 'single', title: '满意吗', options: ['满意', '不满意'] }] },
      office,
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await api.http('POST', `/api/questionnaires/${id}/answers`, { answers: { q1: 0 } }, deputy)).status).toBe(200);

    const csv = await (await fetch(`${api.url}/api/questionnaires/${id}/export?format=csv`, { headers: { authorization: `Bearer ${office}` } })).text();
    expect(csv).toContain('提交时间');
    expect(csv).toContain('2026-11-30 07:07');
    expect(csv).not.toContain('2026-11-29');
    const xlsx = await fetch(`${api.url}/api/questionnaires/${id}/export?format=xlsx`, { headers: { authorization: `Bearer ${office}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const detail = wb.getWorksheet('明细')!;
    const header = (detail.getRow(1).values as unknown[]).indexOf('提交时间');
    expect(detail.getRow(2).getCell(header).value).toBe('2026-11-30 07:07');

    const inbox = (await api.http('GET', '/api/inbox', undefined, deputy)).body.items;
    const published = inbox.find((i: { ref: { id: number } | null }) => i.ref?.id === id);
    expect(published.body).toBe('请在 12月5日 18:00 前完成。');

    // A deadline in a far year is a typing slip: refused in Chinese, never “请在NaN月NaN日前完成”.
    const far = await api.http('POST', '/api/questionnaires', { kind: 'survey', title: '远期问卷', closesAt: '+275760-09-13T00:00:00.000Z', audience: { users: ['deputy01'] }, questions: [{ id: 'q1', type: 'single', title: '满意吗', options: ['满意', '不满意'] }] }, office);
    expect([far.status, far.body.error.message]).toEqual([400, expect.stringContaining('截止时间应在 2000')]);
  });

  test('the .ics file states the meeting in UTC with Z, so calendar apps show 09:00 in Beijing', async () => {
    const created = await api.http(
      'POST',
      '/api/meetings',
      { kind: 'reception', title: '代表座谈会', place: '市人大常委会 302 会议室', startsAt: '2026-12-03T09:00:00+08:00', endsAt: '2026-12-03T11:00:00+08:00', invitees: { users: ['deputy01'] } },
      office,
    );
    expect(created.status).toBe(201);
    const ics = await (await fetch(`${api.url}/api/meetings/${created.body.id}/ics`, { headers: { authorization: `Bearer ${deputy}` } })).text();
    expect(ics).toContain('DTSTART:20261203T010000Z');
    expect(ics).toContain('DTEND:20261203T030000Z');
  });
});
