/** The office's own texts reach deputies: a meeting's agenda (议程) and a survey's description (说明), in the DTOs and the inbox. */
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';

describe.each(databaseKinds())('agenda and description reach deputies on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  test('a meeting invitation carries the agenda; a survey carries its description', async () => {
    const office = await api.as('office');
    const deputy = await api.as('deputy03');
    const agenda = '一、听取老旧小区改造情况汇报；二、实地查看三个小区；三、座谈交流';
    const start = new Date(Date.now() + 3 * 86400e3);
    const m = await office.createMeeting({ kind: 'inspection', title: '老旧小区改造专题视察', place: '张店区科苑街道', agenda, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 7200e3).toISOString(), invitees: { users: ['deputy03'] } });
    const description = '本次调查了解代表对履职服务的意见，约需 5 分钟，结果只做汇总统计。';
    const q = await office.publishQuestionnaire({ kind: 'survey', title: '履职服务满意度调查', description, closesAt: new Date(Date.now() + 5 * 86400e3).toISOString(), audience: { users: ['deputy03'] }, questions: [{ id: 'q1', type: 'rating', title: '总体评分' }] });

    const meeting = (await deputy.meetings()).items.find((x) => x.id === m.id)!;
    expect(meeting.agenda).toBe(agenda);
    const survey = (await deputy.questionnaires()).items.find((x) => x.id === q.id)!;
    expect(survey.description).toBe(description);
    expect((await deputy.questionnaire(q.id)).description).toBe(description);

    const inbox = (await deputy.inbox()).items;
    const invite = inbox.find((i) => i.ref?.type === 'meeting' && i.ref.id === m.id)!;
    expect(invite.body).toContain(`议程：${agenda}。`);
    expect(invite.body).toContain('请回复参加或请假');
    const published = inbox.find((i) => i.ref?.type === 'questionnaire' && i.ref.id === q.id)!;
    expect(published.body).toContain(`说明：${description}`);
    expect(published.body).toMatch(/前完成。$/);
  });

  test('without an agenda or description the text stays as it was; a very long one is clipped', async () => {
    const office = await api.as('office');
    const deputy = await api.as('deputy04');
    const start = new Date(Date.now() + 3 * 86400e3);
    const plain = await office.createMeeting({ kind: 'reception', title: '代表接待日', place: '联络站', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3600e3).toISOString(), invitees: { users: ['deputy04'] } });
    const long = await office.createMeeting({ kind: 'committee', title: '常委会会议', place: '会议室', agenda: '议'.repeat(3000), startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3600e3).toISOString(), invitees: { users: ['deputy04'] } });
    const inbox = (await deputy.inbox()).items;
    const a = inbox.find((i) => i.ref?.id === plain.id && i.ref.type === 'meeting')!;
    expect(a.body).not.toContain('议程');
    const b = inbox.find((i) => i.ref?.id === long.id && i.ref.type === 'meeting')!;
    expect(b.body.length).toBeLessThan(700);
    expect(b.body).toContain('…');
  });
});
