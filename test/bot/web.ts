/** The web chat simulator: the page, a message through the engine, and a push arriving. */
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { BotEngine } from '../../bot/engine';
import { webChatRoutes } from '../../bot/web';
import { UserModel } from '../../models/definitions';
import { notify } from '../../core/notifications/notify';
import { startTestApi, type TestApi } from '../helpers/api';

describe('web chat simulator', () => {
  let api: TestApi;
  let server: Server;
  let url: string;
  let web: ReturnType<typeof webChatRoutes>;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
    web = webChatRoutes(new BotEngine({ apiUrl: api.url, serviceUsername: 'bot', servicePassword: 'lvzhi-demo' }));
    const app = new Koa();
    app.use(bodyParser());
    app.use(web.router.routes());
    server = await new Promise<Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await api.close();
  });

  test('serves the page, answers a message, shows pushes', async () => {
    expect(await (await fetch(`${url}/chat`)).text()).toContain('聊天模拟器');
    const res = await fetch(`${url}/chat/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: 'deputy01', chat: 'g@chatroom', text: '帮助', mention: true }) });
    const { replies } = (await res.json()) as { replies: { chat: string; text: string }[] };
    expect(replies[0]).toMatchObject({ chat: 'g@chatroom', text: expect.stringContaining('@deputy01 我可以帮你') });
    expect((await fetch(`${url}/chat/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(400);
    const u = (await UserModel.findOne({ where: { username: 'deputy01' } }))!;
    await notify([u.id], { kind: 'notice', title: '模拟器推送', body: '你好', key: 'web-push' }, api.clock.now());
    expect(await web.pusher.runOnce()).toBeGreaterThanOrEqual(1);
    const pushes = (await (await fetch(`${url}/chat/pushes?user=deputy01`)).json()) as { items: string[] };
    expect(pushes.items).toContain('【模拟器推送】\n你好');
    expect(((await (await fetch(`${url}/chat/pushes?user=deputy01`)).json()) as { items: string[] }).items).toEqual([]);
  });
});
