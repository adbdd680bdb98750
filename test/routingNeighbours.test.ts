/**
 * A city's split of duties, read from the departments' own duty texts and keywords (neighbours.ts): departments
 * that share specific words are neighbours, and when a letter names only one department the places after it
 * go to its neighbours, after any department the letter's own words name. Departments written for this test.
 */
import { departmentNeighbours, withNeighbours } from '../core/routing/neighbours';
import { firstDayCore, firstDayEnv } from './helpers/firstDay';

const CITY = [
  {
    code: 'housing',
    name: '青州市住房和城乡建设局',
    aliases: ['住建局'],
    keywords: ['物业', '城市道路', '下水道', '人行天桥', '商品房'],
    duties: '负责城市道路、人行天桥和下水道等市政设施的建设和改造，监管物业服务和商品房销售。',
  },
  {
    code: 'urban',
    name: '青州市城市管理局',
    aliases: ['城管局'],
    keywords: ['路灯', '占道经营', '下水道', '城市道路', '人行天桥'],
    duties: '负责路灯、下水道疏通、城市道路和人行天桥的日常管护，查处占道经营。',
  },
  {
    code: 'medins',
    name: '青州市医疗保障局',
    aliases: ['医保局'],
    keywords: ['医保', '参保', '缴费', '报销', '门诊'],
    duties: '经办城乡居民医保的参保和缴费，审核门诊和住院费用的报销。',
  },
  {
    code: 'labour',
    name: '青州市人力资源和社会保障局',
    aliases: ['人社局'],
    keywords: ['社保', '参保', '缴费', '拖欠工资', '养老保险'],
    duties: '经办养老保险的参保和缴费，受理拖欠工资投诉。',
  },
  {
    code: 'health',
    name: '青州市卫生健康委员会',
    aliases: ['卫健委'],
    keywords: ['医院', '门诊', '医疗纠纷', '住院'],
    duties: '管理医院的门诊和住院服务，调处医疗纠纷。',
  },
  {
    code: 'school',
    name: '青州市教育局',
    aliases: ['教育局'],
    keywords: ['校车', '学位', '入学'],
    duties: '管理中小学和幼儿园，安排入学和学位，监管校车安全。',
  },
];

describe('neighbours from the duty texts', () => {
  const neighbours = departmentNeighbours(CITY);

  test('departments that share specific duty words are neighbours, closest first; each row sums to 1', () => {
    expect([...neighbours.get('urban')!.keys()][0]).toBe('housing');
    expect([...neighbours.get('housing')!.keys()][0]).toBe('urban');
    expect([...neighbours.get('medins')!.keys()].slice(0, 2).sort()).toEqual(['health', 'labour']);
    for (const row of neighbours.values()) {
      if (row.size) expect([...row.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
  });

  test('a department that shares no specific word has no neighbours, and no one has it', () => {
    expect(neighbours.get('school')!.size).toBe(0);
    for (const [code, row] of neighbours) if (code !== 'school') expect(row.has('school')).toBe(false);
  });

  test('a likely department passes a share of its probability to its neighbours only', () => {
    const p = new Map([
      ['urban', 0.97],
      ['housing', 0.001],
      ['school', 0.005],
      ['medins', 0.002],
    ]);
    const r = withNeighbours(p, neighbours, 0.1);
    expect(r.get('urban')).toBeCloseTo(0.97, 3);
    expect(r.get('school')).toBe(0.005);
    expect(r.get('housing')!).toBeGreaterThan(r.get('school')!);
    expect(r.get('medins')).toBe(0.002);
  });

  test('an edited duty text changes the neighbours (nothing is listed by hand)', () => {
    const edited = CITY.map((d) => (d.code === 'school' ? { ...d, keywords: [...d.keywords, '住院'], duties: `${d.duties}管理学生住院的医疗纠纷。` } : d));
    expect(departmentNeighbours(edited).get('school')!.has('health')).toBe(true);
  });
});

describe("a city's first day", () => {
  const { env, remove } = firstDayEnv('neighbours');
  afterAll(remove);

  test("the places after the lead: a department the letter names, then the lead's neighbours", async () => {
    const core = await firstDayCore(env, CITY);
    try {
      // Only city management's word: its neighbour in the city's split (housing, which builds the same
      // streets) is second; the lead and its score are the evidence's.
      const lights = await core.router.rank('巷子里的路灯几个月没亮了', '', 3);
      expect(lights.map((d) => d.code).slice(0, 2)).toEqual(['urban', 'housing']);
      expect(lights[0].why).toContain('路灯');
      expect(lights[1].why).toEqual([]);

      // Only medical insurance's word: social security and health, which share its duties, follow.
      const clinic = await core.router.rank('特殊病种报销怎么办理', '', 3);
      expect(clinic[0].code).toBe('medins');
      expect(clinic.slice(1).map((d) => d.code).sort()).toEqual(['health', 'labour']);

      // A department that returned the letter is never brought back as a neighbour; the next one takes its place.
      const returned = await core.router.rank('巷子里的路灯几个月没亮了', '', 3, ['housing']);
      expect(returned[0].code).toBe('urban');
      expect(returned.map((d) => d.code)).not.toContain('housing');

      // A department the letter's own words name comes before a neighbour that only shares duties.
      const named = await core.router.rank('路灯坏了，晚上校车经过很危险', '', 3);
      expect(named.map((d) => d.code)).toEqual(['school', 'urban', 'housing']);
    } finally {
      await core.db.close();
    }
  });
});
