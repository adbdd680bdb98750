/**
 * Routing on a city's first day: a production database with no history gets a model from its departments'
 * duties, aliases and keywords; deciding words are whole words; co-handlers come from a second subject;
 * the aliases are data the API hands out.
 */
import { bootCore } from '../core/bootstrap';
import { loadConfig } from '../core/config';
import { wholeWords } from '../core/routing/classifier';
import { DEFAULT_FEATURES } from '../core/routing/features';
import { DepartmentLexicon } from '../core/routing/lexicon';
import { DepartmentModel, RoutingExampleModel, RoutingModelVersion, UserModel } from '../models/definitions';
import { DEPARTMENTS } from '../models/demo/departments';
import { ELEVATOR } from './helpers/core';
import { startTestApi, type TestApi } from './helpers/api';
import { enterDepartments, firstDayEnv } from './helpers/firstDay';

describe('a production city on its first day', () => {
  const { env, remove } = firstDayEnv('first-day');
  afterAll(remove);

  test('no departments: no model and every proposal waits for a person; departments entered: the next start trains from their duties alone', async () => {
    let core = await bootCore(loadConfig(env));
    expect(core.seeded).toBe(false);
    expect(await UserModel.count()).toBe(0);
    expect(core.router.version).toBe('untrained');
    expect(await core.router.propose('小区物业乱收物业费')).toMatchObject({ lead: null, needsReview: true });
    await enterDepartments(DEPARTMENTS);
    await core.db.close();

    core = await bootCore(loadConfig(env));
    try {
      expect(await RoutingExampleModel.count()).toBe(0);
      const versions = await RoutingModelVersion.findAll();
      expect(versions.map((v) => [v.status, v.reason])).toEqual([['current', 'initial']]);
      const cases: [string, string, string, string][] = [
        ['投诉小区物业公司乱收物业费', '', 'housing', '物业费'],
        ['工地老板拖欠农民工工资三个月', '', 'hrss', '农民工工资'],
        ['市住建局对烂尾楼不管不问', '', 'housing', '住建局'],
        ['城管对占道经营的流动摊贩视而不见', '', 'urban', '占道经营'],
        ['孩子入学划片不合理', '学区划分让孩子上学要走很远', 'edu', '划片'],
        ['居民医保报销比例太低', '', 'medins', '居民医保'],
        ['冬天暖气不热', '供暖公司说温度达标', 'housing', '暖气不热'],
        ['交警支队在路口查处电动车', '', 'police', '交警支队'],
        // The problem outweighs the place (setting.ts) and a phrase is found in its everyday variants (variants.ts).
        ['学校门口接送孩子的车辆乱停放', '', 'police', '乱停放'],
        ['楼顶有人私自搭建铁皮棚', '', 'urban', '私自搭建'],
        ['开发商一再推迟交房', '', 'housing', '推迟交房'],
        ['组里的路一下雨就泥泞希望道路硬化', '', 'transport', '道路硬化'],
        ['新楼离我家太近楼间距不够遮挡采光', '', 'nr', '楼间距'],
        // Everyday words for duties beyond the frequent ones (models/demo/departments.ts).
        ['快递网点丢件，快递公司互相推诿', '', 'transport', '快递'],
        ['商场电梯困人半小时', '电梯年检已经过期', 'market', '电梯困人'],
        ['村里的扶贫资金被挪用', '', 'agri', '扶贫资金'],
        ['楼道里有人飞线充电', '', 'emergency', '飞线充电'],
        ['退役士兵安置岗位迟迟不落实', '', 'vets', '退役士兵'],
      ];
      for (const [title, body, code, word] of cases) {
        const p = await core.router.propose(title, body);
        expect([title, p.lead?.code]).toEqual([title, code]);
        expect([title, p.lead?.why]).toEqual([title, expect.arrayContaining([expect.stringContaining(word)])]);
      }
      // A start with the same departments does not train again.
      await core.db.close();
      core = await bootCore(loadConfig(env));
      expect(await RoutingModelVersion.count()).toBe(1);
      // A department added later: the next start trains a version that knows it.
      await DepartmentModel.create({ code: 'weather', name: '淄博市气象局', kind: 'government', duties: '负责天气预报、气象灾害预警和人工影响天气作业。', keywords: JSON.stringify(['天气预报', '气象', '人工增雨', '冰雹预警']), aliases: JSON.stringify(['气象台']) });
      await core.db.close();
      core = await bootCore(loadConfig(env));
      expect(await RoutingModelVersion.count({ where: { status: 'current' } })).toBe(1);
      expect((await core.router.propose('建议开展人工增雨缓解旱情')).departments.map((d) => d.code)).toContain('weather');
    } finally {
      await core.db.close();
    }
  }, 600_000);
});

describe('deciding words and co-handlers', () => {
  test('deciding words are whole words of the message, never a fragment across words (上下 in 上|下楼)', () => {
    const words = wholeWords(ELEVATOR.title, ELEVATOR.body, DEFAULT_FEATURES.maxBodyChars);
    expect(words.has('加装电梯')).toBe(true);
    expect(words.has('上下')).toBe(false);
  });

  test("a department's words count only as whole words or the head or tail of one word", () => {
    const lexicon = new DepartmentLexicon(DEPARTMENTS);
    expect(lexicon.match('拖欠保洁工人工资').get('hrss')?.words).toEqual(['拖欠', '工资']);
    // 基本农田 is the specific phrase; 农田 inside it does not also count for agriculture.
    const farmland = lexicon.match('损毁基本农田');
    expect(farmland.get('nr')?.words).toEqual(['基本农田']);
    expect(farmland.has('agri')).toBe(false);
    // An alias weighs more than a keyword.
    const named = lexicon.match('请交警支队处理');
    expect(named.get('police')!.boost).toBeGreaterThan(lexicon.match('请处理违停').get('police')!.boost);
  });
});

describe('aliases and co-handlers in the demo city', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi('sqlite');
  });
  afterAll(async () => {
    await new Promise((resolve) => t.server.close(resolve));
    await t.close();
  });

  test('GET /api/departments gives every department its aliases, so a chat can resolve 住建局 or 交警支队', async () => {
    const r = await t.http('GET', '/api/departments', undefined, await t.token('deputy01'));
    expect(r.status).toBe(200);
    const byCode = new Map<string, { aliases: string[] }>(r.body.items.map((d: { code: string; aliases: string[] }) => [d.code, d]));
    expect(byCode.get('housing')?.aliases).toEqual(expect.arrayContaining(['住建局', '市住建', '住房城乡建设局']));
    expect(byCode.get('police')?.aliases).toEqual(expect.arrayContaining(['交警支队']));
    expect(byCode.get('health')?.aliases).toEqual(expect.arrayContaining(['卫健委']));
    expect(byCode.get('hrss')?.aliases).toEqual(expect.arrayContaining(['人社局']));
    expect([...byCode.values()].every((d) => Array.isArray(d.aliases) && d.aliases.length > 0)).toBe(true);
  });

  test('a second subject in the text proposes a co-handler; a single subject does not', async () => {
    const two = await t.core.router.propose('关于小区物业不作为和拖欠保洁工人工资的建议', '物业公司服务差，长期拖欠保洁工人工资。');
    expect(two.lead?.code).toBe('housing');
    expect(two.co.map((d) => d.code)).toContain('hrss');
    expect(two.co.find((d) => d.code === 'hrss')?.why).toEqual(expect.arrayContaining([expect.stringContaining('工资')]));
    const one = await t.core.router.propose('关于增加公交线路和班次的建议', '早晚高峰公交车太挤。');
    expect(one.lead?.code).toBe('transport');
    expect(one.co).toEqual([]);
  });
});
