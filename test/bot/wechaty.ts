/** The Wechaty transport on the real Wechaty runtime with wechaty-puppet-mock, against the real API. */
import { WechatyBuilder, type Wechaty } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { BotEngine } from '../../bot/engine';
import { attachWechaty } from '../../bot/wechaty';
import { Pusher } from '../../bot/pusher';
import { notify } from '../../core/notifications/notify';
import { UserModel } from '../../models/definitions';
import { NotificationSettingModel } from '../../models/engagement';
import { startTestApi, type TestApi } from '../helpers/api';
import { until } from '../helpers/jobs';

describe('Wechaty transport', () => {
  let api: TestApi;
  let bot: Wechaty;
  let mocker: mock.Mocker;
  let pusher: Pusher;
  let botUser: mock.ContactMock;
  let deputy: mock.ContactMock;
  let staff: mock.ContactMock;
  let room: mock.RoomMock;
  const heard: { where: string; text: string }[] = [];

  beforeAll(async () => {
    api = await startTestApi('sqlite');
    api.clock.set(new Date().toISOString());
    mocker = new mock.Mocker();
    bot = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) });
    pusher = attachWechaty(bot, new BotEngine({ apiUrl: api.url, serviceUsername: 'bot', servicePassword: 'lvzhi-demo' }));
    const loggedIn = new Promise((r) => bot.once('login', r));
    await bot.start();
    botUser = mocker.createContact({ id: 'lvzhi-bot', name: '履职通' });
    deputy = mocker.createContact({ id: 'deputy01', name: '王建国' });
    staff = mocker.createContact({ id: 'staff-housing', name: '住建局承办员' });
    room = mocker.createRoom({ id: 'deputies@chatroom', topic: '张店区代表履职群', memberIdList: [botUser.id, deputy.id, staff.id] });
    mocker.login(botUser);
    await loggedIn;
    // Only what the bot says: these emitters also see the contacts' own messages.
    const fromBot = (where: string) => (m: mock.MessageMock) => {
      if (m.payload.talkerId === botUser.id) heard.push({ where, text: m.payload.text ?? '' });
    };
    deputy.on('message', fromBot('deputy'));
    staff.on('message', fromBot('staff'));
    room.on('message', fromBot('room'));
  });
  afterAll(async () => {
    await bot.stop();
    await api.close();
  });

  const said = async (n: number) => {
    await until(() => heard.length >= n, 15_000);
    return heard.slice(n - 1);
  };

  test('a private conversation: submit a suggestion in two messages', async () => {
    deputy.say('提建议 关于增设公交站台遮雨棚的建议｜科苑街道公交站没有遮雨棚，雨天等车很不方便。').to(botUser);
    const [preview] = await said(1);
    expect(preview).toMatchObject({ where: 'deputy', text: expect.stringContaining('交通运输局') });
    deputy.say('确认').to(botUser);
    const [done] = await said(2);
    expect(done.text).toContain('已提交');
    const mine = await (await api.as('deputy01')).listSuggestions();
    expect(mine.items[0].title).toBe('关于增设公交站台遮雨棚的建议');
  });

  test('in the group: ignored unless @mentioned; details go privately', async () => {
    const before = heard.length;
    deputy.say('大家早上好').to(room);
    await new Promise((r) => setTimeout(r, 500));
    expect(heard.length).toBe(before);
    deputy.say('@履职通 我的建议', [botUser]).to(room);
    await until(() => heard.length >= before + 2, 15_000);
    const got = heard.slice(before);
    expect(got).toContainEqual({ where: 'room', text: '@王建国 详情已私信发给你。' });
    expect(got).toContainEqual({ where: 'deputy', text: expect.stringContaining('关于增设公交站台遮雨棚的建议') });
  });

  test('pushes reach the contact once', async () => {
    const before = heard.length;
    const u = (await UserModel.findOne({ where: { username: 'staff-housing' } }))!;
    // The clock is the real one: keep this test about pushing, whatever the hour (quiet hours would defer it).
    await NotificationSettingModel.upsert({ userId: u.id, chat: true, wechat: true, quietHours: false, updatedAt: api.clock.now() });
    await notify([u.id], { kind: 'notice', title: '承办单位培训', body: '周四下午', key: 'wechaty-push' }, api.clock.now());
    expect(await pusher.runOnce()).toBe(1);
    expect(await pusher.runOnce()).toBe(0);
    await until(() => heard.length > before, 10_000);
    expect(heard.slice(before)).toEqual([{ where: 'staff', text: '【承办单位培训】\n周四下午' }]);
  });
});
