/**
 * `npm run bot`: the chat bot process for real chats. Transports are chosen by configuration:
 * BOT_TRANSPORTS=wecom serves the WeCom 智能机器人 callback on BOT_PORT and pushes through WECOM_WEBHOOK_URL.
 * (The console transport is `npm run bot:console`; the web simulator runs inside `npm start`.)
 */
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { BotEngine } from './engine';
import { Pusher } from './pusher';
import { wecomRoutes, wecomWebhookSend } from './wecom';
import { attachWechaty } from './wechaty';

async function main() {
  const env = process.env;
  const engine = new BotEngine({ apiUrl: env.API_URL || 'http://127.0.0.1:3000', serviceUsername: env.BOT_USERNAME || 'bot', servicePassword: env.BOT_PASSWORD || 'lvzhi-demo' });
  const transports = (env.BOT_TRANSPORTS || 'wecom').split(',').map((s) => s.trim()).filter(Boolean);
  const app = new Koa();
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '1mb' }));
  const timers: NodeJS.Timeout[] = [];
  for (const t of transports) {
    if (t === 'wechaty') {
      // The puppet comes from WECHATY_PUPPET (and its token from WECHATY_PUPPET_SERVICE_TOKEN), as Wechaty reads them.
      const { WechatyBuilder } = await import('wechaty');
      const bot = WechatyBuilder.build({ name: 'lvzhi' });
      const pusher = attachWechaty(bot, engine);
      bot.on('scan', (qrcode) => void process.stdout.write(`请用微信扫码登录：https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}\n`));
      bot.on('login', (user) => void process.stdout.write(`Wechaty 已登录：${user.name()}\n`));
      await bot.start();
      timers.push(setInterval(() => pusher.runOnce().catch((e) => process.stderr.write(`推送失败：${e instanceof Error ? e.message : e}\n`)), 5000));
      continue;
    }
    if (t !== 'wecom') throw new Error(`不支持的渠道：${t}（支持 wecom、wechaty；控制台用 npm run bot:console）`);
    if (!env.WECOM_TOKEN || !env.WECOM_AES_KEY) throw new Error('企业微信渠道需要 WECOM_TOKEN 和 WECOM_AES_KEY');
    const routes = wecomRoutes(engine, { token: env.WECOM_TOKEN, encodingAESKey: env.WECOM_AES_KEY, receiveId: env.WECOM_RECEIVE_ID ?? '', path: env.WECOM_CALLBACK_PATH });
    app.use(routes.routes());
    if (env.WECOM_WEBHOOK_URL) {
      const webhook = env.WECOM_WEBHOOK_URL;
      const pusher = new Pusher(() => engine.serviceClient(), { transport: 'wecom', perMinute: 20, send: (to, text) => wecomWebhookSend(webhook, to, text) });
      timers.push(setInterval(() => pusher.runOnce().catch((e) => process.stderr.write(`推送失败：${e instanceof Error ? e.message : e}\n`)), 5000));
    }
  }
  const port = Number(env.BOT_PORT || 3001);
  const server = app.listen(port, () => process.stdout.write(`履职通机器人已启动：${transports.join('、')}，回调地址 http://127.0.0.1:${port}${env.WECOM_CALLBACK_PATH || '/wecom/callback'}\n`));
  const stop = () => {
    timers.forEach(clearInterval);
    server.close(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`机器人启动失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
