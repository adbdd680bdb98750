/**
 * The departments' own words as routing evidence, on text written for these tests: a unit named in the way
 * people write it (环保部门, 交警大队, 人社所) counts for that unit; a rare phrase outweighs a common word; a
 * keyword's specific head word finds other compounds; deciding words are whole words; a second subject in the
 * title proposes a co-handler, and a city's first-day router does all of this with no history.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootCore } from '../core/bootstrap';
import { loadConfig } from '../core/config';
import { departmentNameForms } from '../core/directory/departmentWords';
import { ADDRESSEE_WEIGHT, BOOST, DepartmentLexicon, type LexiconDepartment } from '../core/routing/lexicon';
import { specificity } from '../core/routing/specificity';
import { DepartmentModel } from '../models/definitions';

const CITY: (LexiconDepartment & { duties: string })[] = [
  { code: 'env', name: '青州市生态环境局', aliases: ['环保局'], keywords: ['油烟', '偷排', '异味'], duties: '监督大气、水和土壤污染防治，查处企业偷排废水废气，受理异味和工业噪声投诉。' },
  { code: 'traffic', name: '青州市公安局', aliases: ['交警'], keywords: ['减速带', '违停', '信号灯'], duties: '维护道路交通秩序，设置信号灯、减速带和交通标志，查处违法停车。' },
  { code: 'labour', name: '青州市人力资源和社会保障局', aliases: ['人社局'], keywords: ['拖欠工资', '社保', '学校招聘'], duties: '受理拖欠工资投诉，经办养老保险等社会保险，组织事业单位招聘。' },
  { code: 'school', name: '青州市教育局', aliases: ['教育局'], keywords: ['学校', '校车', '学位'], duties: '管理中小学和幼儿园，安排入学和学位，监管校车安全。' },
];

describe('unit names as people write them', () => {
  test("a unit's short name joined to a unit word names that unit; a short name alone does not", () => {
    const forms = departmentNameForms('青州市人力资源和社会保障局', ['人社局']);
    expect(forms).toEqual(expect.arrayContaining(['青州市人力资源和社会保障局', '人力资源和社会保障局', '人社局', '人社部门', '人社所']));
    expect(departmentNameForms('青州市公安局', ['交警'])).toEqual(expect.arrayContaining(['交警', '交警大队', '交警部门', '公安机关']));
    expect(forms).not.toContain('人社');
    expect(departmentNameForms('青州市教育局', [])).not.toContain('教育');
  });

  test('a unit named in the message counts for it at full strength, whatever the subject words', () => {
    const lexicon = new DepartmentLexicon(CITY);
    const named = lexicon.match('请环保部门管一管楼下的烧烤');
    expect(named.get('env')?.words).toEqual(['环保部门']);
    const labour = lexicon.match('人社所对学校拖欠代课老师工资不闻不问');
    expect(labour.get('labour')?.words).toContain('人社所');
    expect(labour.get('labour')!.boost).toBeGreaterThan(labour.get('school')?.boost ?? 0);
    expect(lexicon.match('交警大队不管门口违停').get('traffic')?.words).toEqual(['交警大队', '违停']);
    // 教育 alone is a subject, not a unit.
    expect(lexicon.match('加强青少年法治教育').has('school')).toBe(false);
  });
});

describe('the unit a letter is written to', () => {
  test('a unit named as the one addressed (向…, 请…, 建议…) outweighs a unit the letter only complains about', () => {
    const lexicon = new DepartmentLexicon(CITY);
    const found = lexicon.match('教育局对学校体育老师长期旷工不闻不问，只好向人社局反映');
    expect(found.get('labour')?.words).toEqual(['人社局']);
    expect(found.get('labour')!.boost).toBeCloseTo(BOOST * 2 * ADDRESSEE_WEIGHT, 5);
    expect(found.get('school')!.words).toEqual(expect.arrayContaining(['教育局']));
    expect(found.get('labour')!.boost).toBeGreaterThan(found.get('school')!.boost);
    // Only mentioned (not after 向, 请, 建议 …), the same unit counts as any name.
    const mentioned = lexicon.match('人社局说教育局对学校体育老师长期旷工不闻不问');
    expect(mentioned.get('labour')!.boost).toBeCloseTo(BOOST * 2, 5);
    expect(mentioned.get('school')!.boost).toBeGreaterThan(mentioned.get('labour')!.boost);
    expect(lexicon.match('请交警大队管一管').get('traffic')!.boost).toBeCloseTo(BOOST * 2 * ADDRESSEE_WEIGHT, 5);
  });
});

describe('specific words decide', () => {
  test('specificity comes from general Chinese: 项目 and 学校 are common, 油烟 and 校车 are not', () => {
    expect(specificity('项目')).toBeLessThan(0.4);
    expect(specificity('学校')).toBeLessThan(0.4);
    expect(specificity('油烟')).toBe(1);
    expect(specificity('校车')).toBe(1);
    // A phrase jieba's table does not list takes its most specific listed part.
    expect(specificity('占道经营')).toBeGreaterThan(specificity('经营'));
  });

  test('a rare keyword outweighs a common one of another department', () => {
    const lexicon = new DepartmentLexicon([
      { code: 'school', name: '青州市教育局', aliases: [], keywords: ['学校'] },
      { code: 'env', name: '青州市生态环境局', aliases: [], keywords: ['油烟'] },
    ]);
    const found = lexicon.match('学校门口饭店油烟呛人');
    expect(found.get('env')!.boost).toBeGreaterThan(2 * found.get('school')!.boost);
  });

  test("a keyword's specific head word finds other compounds at half strength; a generic part does not", () => {
    const lexicon = new DepartmentLexicon(CITY);
    const found = lexicon.match('学校门口马路上请设置减速装置');
    expect(found.get('traffic')?.words).toEqual(['减速']);
    expect(found.get('traffic')!.boost).toBeCloseTo((BOOST * specificity('减速')) / 2, 5);
    expect(found.get('traffic')!.boost).toBeLessThan(lexicon.match('学校门口请设置减速带').get('traffic')!.boost);
    // 学校招聘 (labour) does not lend 学校 to labour: 学校 is too common to stand for it.
    expect(lexicon.match('学校门口请设置减速装置').has('labour')).toBe(false);
  });

  test('deciding words are whole words: 违停 is not found across 违|停车场 words, 社保 is found in 社保卡', () => {
    const lexicon = new DepartmentLexicon(CITY);
    expect(lexicon.match('新建了违法停车场').has('traffic')).toBe(false);
    expect(lexicon.match('社保卡丢了怎么补办').get('labour')?.words).toEqual(['社保']);
  });
});

describe("a city's first day", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-lexicon-'));
  const env = { NODE_ENV: 'production', JWT_SECRET: 'lexicon-test-secret', DATABASE_URL: `sqlite:${path.join(dir, 'city.sqlite')}`, LOG_LEVEL: 'silent' };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a named unit leads; a second subject in the title is a co-handler; one subject has none', async () => {
    let core = await bootCore(loadConfig(env));
    for (const d of CITY) await DepartmentModel.create({ code: d.code, name: d.name, kind: 'government', duties: d.duties, keywords: JSON.stringify(d.keywords), aliases: JSON.stringify(d.aliases) });
    await core.db.close();
    core = await bootCore(loadConfig(env));
    try {
      const named = await core.router.propose('请人社部门过问一下');
      expect(named.lead?.code).toBe('labour');
      expect(named.lead?.why).toContain('人社部门');

      const two = await core.router.propose('学校的校车严重超载，并且拖欠工资', '');
      expect(two.lead?.code).toBe('school');
      expect(two.co.map((d) => d.code)).toEqual(['labour']);
      expect(two.co[0].why).toContain('拖欠工资');

      const one = await core.router.propose('校车超载太危险', '');
      expect(one.lead?.code).toBe('school');
      expect(one.co).toEqual([]);

      // Nothing the departments' words know: no deciding word, so a person decides.
      const unknown = await core.router.propose('你好', '');
      expect(unknown.needsReview).toBe(true);
    } finally {
      await core.db.close();
    }
  });
});
