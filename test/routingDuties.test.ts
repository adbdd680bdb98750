/**
 * Who else answers for a letter's subject in a city's split of duties (duties.ts): after the lead and the
 * departments the letter's own words name, the places go to the departments whose duty text contains one of the
 * letter's specific words, before neighbours that only share vocabulary. Departments written for this test.
 */
import { DutyIndex } from '../core/routing/duties';
import { firstDayCore, firstDayEnv } from './helpers/firstDay';

const CITY = [
  {
    code: 'urban',
    name: '青州市城市管理局',
    aliases: ['城管局'],
    keywords: ['路灯', '路灯不亮', '占道经营', '下水道', '城市道路', '人行天桥'],
    duties: '负责城市道路、人行天桥、下水道和路灯的日常管护，查处占道经营和流动摊贩。',
  },
  {
    code: 'housing',
    name: '青州市住房和城乡建设局',
    aliases: ['住建局'],
    keywords: ['物业', '商品房', '城市道路', '人行天桥', '下水道'],
    duties: '负责城市道路、人行天桥和下水道等市政设施的建设和改造，监管物业服务和商品房销售，监管建筑工地上农民工工资的支付。',
  },
  {
    code: 'power',
    name: '青州供电公司',
    aliases: ['供电公司'],
    keywords: ['停电', '电压', '电费', '电表'],
    duties: '负责城乡电网运行和供电服务，处理停电抢修、线路跳闸和电压不稳，保障路灯等市政设施的供电。',
  },
  {
    code: 'labour',
    name: '青州市人力资源和社会保障局',
    aliases: ['人社局'],
    keywords: ['拖欠工资', '社保', '养老保险', '劳动合同'],
    duties: '受理拖欠工资和劳动合同纠纷的投诉，经办养老保险的参保和缴费。',
  },
  {
    code: 'school',
    name: '青州市教育局',
    aliases: ['教育局'],
    keywords: ['校车', '学位', '入学'],
    duties: '管理中小学和幼儿园，安排入学和学位，监管校车安全。',
  },
];

describe('duty texts that name the subject', () => {
  const index = new DutyIndex(CITY);

  test("a letter's specific word found in duty texts, inside longer duty words too (工资 in 农民工工资)", () => {
    const m = index.mentions('工地包工头拖欠工资三个月');
    expect([...m.keys()].sort()).toEqual(['housing', 'labour']);
    const lights = index.mentions('巷子里的路灯一直不亮');
    expect([...lights.keys()].sort()).toEqual(['power', 'urban']);
  });

  test("a word several duty texts name is shared among them; the lexicon's own words count too", () => {
    const m = index.mentions('路灯');
    expect(m.get('urban')).toBeCloseTo(m.get('power')!, 9);
    const alone = index.mentions('晚上一片漆黑', '', ['路灯']);
    expect([...alone.keys()].sort()).toEqual(['power', 'urban']);
  });

  test('a duty text naming more of the letter, or rarer words of it, scores higher', () => {
    const m = index.mentions('路灯线路老化天天跳闸');
    expect(m.get('power')!).toBeGreaterThan(m.get('urban')!);
  });

  test('what a letter says without the duty word: siting, noise, prices, illegal building, drainage', () => {
    const city = new DutyIndex([
      { code: 'planning', duties: '负责建设项目选址和规划许可，查处违反规划的违法建设。' },
      { code: 'environment', duties: '查处工业和建筑施工噪声污染。' },
      { code: 'prices', duties: '管理政府定价的商品和服务价格，制定出租车运价和停车收费标准。' },
      { code: 'drainage', duties: '负责城市排水设施和内涝防治。' },
      { code: 'school', duties: '管理中小学和幼儿园。' },
    ]);
    // Whatever the facility, objecting to where it is built names the planning office's 选址.
    expect([...city.mentions('强烈反对在小区旁边建加油站').keys()]).toEqual(['planning']);
    expect([...city.mentions('变电站要建在居民楼旁边').keys()]).toEqual(['planning']);
    expect(city.mentions('工地晚上打桩吵得睡不着').has('environment')).toBe(true);
    expect(city.mentions('出租车不打表乱要价').has('prices')).toBe(true);
    expect(city.mentions('楼顶私搭乱建的阳光房').has('planning')).toBe(true);
    expect(city.mentions('一下大雨路口就积水成河').has('drainage')).toBe(true);
    // Asking for a school is not an objection to a site: the school office, not planning.
    expect([...city.mentions('希望新建一所小学').keys()]).toEqual(['school']);
  });

  test("the body counts as far as the model reads it: a long letter's tail names no one", () => {
    expect(index.mentions('来信', `路灯${'。'.repeat(700)}`).has('urban')).toBe(true);
    expect(index.mentions('来信', `${'。'.repeat(700)}路灯`).size).toBe(0);
  });

  test('words every letter uses and unspecific words name no one', () => {
    expect(index.mentions('关于解决有关部门管理问题的建议').size).toBe(0);
    expect(index.mentions('').size).toBe(0);
    expect(new DutyIndex([]).mentions('路灯不亮').size).toBe(0);
  });

  test('an edited duty text changes who is named (nothing is listed by hand)', () => {
    expect(index.mentions('营养餐的饭菜太差').has('school')).toBe(false);
    const edited = new DutyIndex(CITY.map((d) => (d.code === 'school' ? { ...d, duties: `${d.duties}管理学校食堂和营养餐。` } : d)));
    expect(edited.mentions('营养餐的饭菜太差').has('school')).toBe(true);
  });
});

describe("a city's first day", () => {
  const { env, remove } = firstDayEnv('duties');
  afterAll(remove);

  test('after the lead, a department whose duty text names the subject comes before a mere neighbour', async () => {
    const core = await firstDayCore(env, CITY);
    try {
      // City management lights the street; the power company's duty text says it feeds the lights, so it is
      // second, before housing (city management's closest neighbour by shared duties, which never names lights).
      const lights = await core.router.rank('巷子里的路灯几个月没亮了', '', 3);
      expect(lights.map((d) => d.code).slice(0, 2)).toEqual(['urban', 'power']);
      expect(lights[0].why).toContain('路灯');
      // Wages on a building site: labour first by its keyword, housing next because its duties name the wages.
      const wages = await core.router.rank('建筑工地包工头拖欠工资半年', '', 3);
      expect(wages.map((d) => d.code).slice(0, 2)).toEqual(['labour', 'housing']);
      // A department that returned the letter stays out even when its duty text names the subject.
      const returned = await core.router.rank('巷子里的路灯几个月没亮了', '', 3, ['power']);
      expect(returned.map((d) => d.code)).not.toContain('power');
      expect(returned[0].code).toBe('urban');
    } finally {
      await core.db.close();
    }
  });
});
