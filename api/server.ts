/** `npm start`: the API with the demo city on SQLite by default. Prints its URLs and the demo accounts. */
import pino from 'pino';
import { bootCore } from '../core/bootstrap';
import { calendarWarnings } from '../core/calendar/calendar';
import { chinaDate } from '../core/calendar/workdays';
import { loadConfig } from '../core/config';
import { DEMO_PASSWORD } from '../models/seed';
import { createApp } from './app';
import { JobRunner } from '../jobs/runner';
import { BotEngine } from '../bot/engine';
import { webChatRoutes } from '../bot/web';
import { ensureH5Built, serveH5 } from './h5App';
import { ensureConsoleBuilt, serveConsole } from './consoleApp';

async function main() {
  const config = loadConfig();
  // tsx maps every stack trace to the TypeScript sources, and Sequelize's SQLite driver formats a stack for every
  // statement (kept for its errors): with the maps that costs about 0.17 ms of CPU per statement. In production a
  // logged trace then names the same files and functions at the transpiled lines; SOURCE_MAPS=on keeps the maps.
  if (config.production && !/^(1|on|true|yes)$/i.test(process.env.SOURCE_MAPS ?? '')) process.setSourceMapsEnabled(false);
  const logger = pino({ level: config.logLevel });
  const core = await bootCore(config);
  // From 1 November on, a missing official holiday schedule for next year is said at every start.
  for (const warning of calendarWarnings(chinaDate(core.clock.now()))) logger.warn(warning);
  const app = createApp(core, logger);
  // The mini-program's H5 build is the browser front end for everyone, and the desktop console the one for the
  // office, departments and admin: both built (side by side) when older than their sources; APP_BUILD=off skips that.
  const skipBuilds = /^(0|off|false|no)$/i.test(process.env.APP_BUILD ?? '');
  const [h5, consoleBuilt] = skipBuilds ? [true, true] : await Promise.all([ensureH5Built(logger), ensureConsoleBuilt(logger)]);
  serveH5(app);
  serveConsole(app);
  // One machine runs everything: the API and the jobs runner (which only sweeps while it holds the lease).
  const jobs = config.jobs ? new JobRunner(core, { logger }) : null;
  jobs?.start();
  // The chat simulator at /chat: the bot as a front end of this same API, in demo mode only.
  let simulator: NodeJS.Timeout | null = null;
  if (config.demoMode) {
    const engine = new BotEngine({ apiUrl: `http://127.0.0.1:${config.port}`, serviceUsername: 'bot', servicePassword: DEMO_PASSWORD });
    const web = webChatRoutes(engine);
    app.use(web.router.routes());
    simulator = setInterval(() => web.pusher.runOnce().catch((err) => logger.warn({ err }, 'simulator pushes')), 3000);
  }
  const server = app.listen(config.port, () => {
    const base = config.publicUrl ?? `http://127.0.0.1:${config.port}`;
    const lines = [
      `履职通 API 已启动：${base}`,
      `  数据库      ${core.db.kind === 'sqlite' ? config.databaseUrl : 'MySQL'}${core.seeded ? '（已写入演示城市：淄博市）' : ''}`,
      `  接口文档    ${base}/docs`,
      `  OpenAPI     ${base}/api/openapi.json`,
      `  健康检查    ${base}/api/health`,
      `  小程序 H5   ${base}/app/${h5 ? '' : '（构建失败，见日志）'}`,
      `  工作台      ${base}/console/${consoleBuilt ? '' : '（构建失败，见日志）'}`,
      `  定时任务    ${jobs ? '已启动（催办、提醒、微信推送）' : '未启动（JOBS=off）'}`,
      ...(config.demoMode ? [`  聊天模拟器  ${base}/chat`] : []),
    ];
    if (config.demoMode) {
      lines.push(
        '',
        `演示账号（密码都是 ${DEMO_PASSWORD}）：`,
        '  市人大工作人员  office；区县：office-zhangdian、office-zichuan、office-boshan、office-zhoucun、office-linzi、office-huantai、office-gaoqing、office-yiyuan',
        '  承办单位        staff-<单位代码>，如 staff-housing、staff-edu、staff-transport',
        '  管理员          admin',
        '  代表            deputy01 … deputy50；群众 citizen01 … citizen10（也可 POST /api/auth/dev {"username":"deputy01"} 免密登录）',
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  });
  const stop = async () => {
    server.close();
    await jobs?.stop();
    if (simulator) clearInterval(simulator);
    await core.db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`启动失败：${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
