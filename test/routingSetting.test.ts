/**
 * Where a letter places its subject (core/routing/setting.ts) and what that does to the departments' words as
 * evidence: a word that only says where (学校 in 学校门口…, 超市 in 超市附近…, 学生 in 接送学生的车辆…) counts at a
 * third, so the problem outweighs the place; a unit's name never counts less. Text written for these tests.
 */
import { BOOST, DepartmentLexicon, SETTING_WEIGHT, type LexiconDepartment } from '../core/routing/lexicon';
import { settingMask } from '../core/routing/setting';
import { specificity } from '../core/routing/specificity';

/** The characters of `text` that settingMask marks, joined by | between runs. */
function settings(text: string): string {
  const mask = settingMask(text);
  let out = '';
  for (let i = 0; i < text.length; i++) out += mask[i] ? text[i] : mask[i - 1] ? '|' : '';
  return out.replace(/\|$/, '');
}

const CITY: LexiconDepartment[] = [
  { code: 'school', name: '青州市教育局', aliases: ['教育局'], keywords: ['学校', '学生', '收费'] },
  { code: 'traffic', name: '青州市公安局', aliases: ['交警'], keywords: ['减速带', '乱停放', '红绿灯'] },
  { code: 'shops', name: '青州市商务局', aliases: [], keywords: ['超市', '菜市场'] },
  { code: 'street', name: '青州市城市管理局', aliases: ['城管'], keywords: ['马路', '摆摊', '油烟'] },
];

describe('the place a letter names', () => {
  test('the nouns before a locative word are the place; the problem after it is not', () => {
    expect(settings('学校门口请设置减速带')).toBe('学校');
    expect(settings('超市附近车辆乱停放影响出行')).toBe('超市');
    expect(settings('小区楼下烧烤店油烟扰民')).toBe('小区');
    expect(settings('中学所在巷子车辆乱停放')).toBe('中学');
  });

  test('a noun that qualifies another with 的 is the place or owner, not the subject', () => {
    expect(settings('接送学生的车辆乱停放')).toBe('学生');
    // The letter's own frame is not a qualifier: in 关于…的建议 the subject comes before 的.
    expect(settings('关于拖欠保洁工人工资的建议')).toBe('');
    expect(settings('关于学校乱收费的问题')).toBe('');
  });

  test('after 在 everything up to the closing locative is the place', () => {
    expect(settings('请在社区学校东门马路上设置红绿灯')).toBe('社区学校东门马路上');
  });

  test('a letter without a place has none', () => {
    expect(settings('学校乱收费')).toBe('');
    expect(settings('拖欠农民工工资三个月')).toBe('');
  });
});

describe('a place word is weak evidence', () => {
  const lexicon = new DepartmentLexicon(CITY);

  test("the school before 门口 counts a third; the speed bump decides", () => {
    const found = lexicon.match('学校门口请设置减速带');
    expect(found.get('school')!.boost).toBeCloseTo(BOOST * specificity('学校') * SETTING_WEIGHT, 5);
    expect(found.get('traffic')!.boost).toBeGreaterThan(3 * found.get('school')!.boost);
    // The same word as the subject counts in full.
    expect(lexicon.match('学校乱收费').get('school')!.weights[0]).toBeCloseTo(BOOST * specificity('学校'), 5);
  });

  test('parking near a supermarket is a parking matter, not a trade one', () => {
    const found = lexicon.match('超市附近车辆乱停放影响出行');
    expect(found.get('traffic')!.boost).toBeGreaterThan(found.get('shops')!.boost);
    const students = lexicon.match('接送学生的车辆乱停放');
    expect(students.get('traffic')!.boost).toBeGreaterThan(students.get('school')!.boost);
  });

  test("a unit's name is never only a place", () => {
    const found = lexicon.match('教育局门口有人摆摊');
    expect(found.get('school')!.weights[0]).toBe(2 * BOOST);
  });

  test('a word met first as the place and then as the subject counts once, in full', () => {
    const found = lexicon.match('学校门口的小摊很多，学校收费也乱');
    const school = found.get('school')!;
    expect(school.words.filter((w) => w === '学校')).toHaveLength(1);
    expect(school.weights[school.words.indexOf('学校')]).toBeCloseTo(BOOST * specificity('学校'), 5);
  });
});
