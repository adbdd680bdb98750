/**
 * The same complaint in other words (core/routing/variants.ts): a department that lists 违章搭建 is found by
 * 私自搭建 and 违法搭建 too, at a lower strength than its own word; a variant another department lists itself
 * stays that department's. Text written for these tests.
 */
import { BOOST, DepartmentLexicon, VARIANT_WEIGHT } from '../core/routing/lexicon';
import { specificity } from '../core/routing/specificity';
import { variantsOf } from '../core/routing/variants';

describe('other ways to write a complaint phrase', () => {
  test('each interchangeable word is replaced by each other member of its group', () => {
    expect(variantsOf('违章搭建')).toEqual(expect.arrayContaining(['违规搭建', '违法搭建', '私自搭建', '擅自搭建']));
    expect(variantsOf('延期交房')).toEqual(expect.arrayContaining(['逾期交房', '推迟交房']));
    expect(variantsOf('噪音扰民')).toEqual(expect.arrayContaining(['噪声扰民', '噪音影响休息']));
    expect(variantsOf('违章搭建')).not.toContain('违章搭建');
    // A phrase with no interchangeable word has no variants.
    expect(variantsOf('公交线路')).toEqual([]);
  });

  test("a variant counts for the department that lists the phrase, below the phrase's own strength", () => {
    const lexicon = new DepartmentLexicon([
      { code: 'street', name: '青州市城市管理局', aliases: [], keywords: ['违章搭建'] },
      { code: 'homes', name: '青州市住房和城乡建设局', aliases: [], keywords: ['延期交房'] },
    ]);
    const built = lexicon.match('楼顶有人私自搭建铁皮房');
    expect(built.get('street')?.words).toEqual(['私自搭建']);
    expect(built.get('street')!.boost).toBeCloseTo(BOOST * specificity('违章搭建') * VARIANT_WEIGHT, 5);
    expect(built.get('street')!.boost).toBeLessThan(lexicon.match('楼顶有人违章搭建').get('street')!.boost);
    expect(lexicon.match('开发商推迟交房一年多').get('homes')?.words).toEqual(['推迟交房']);
  });

  test('a variant that another department lists is left to that department', () => {
    const lexicon = new DepartmentLexicon([
      { code: 'street', name: '青州市城市管理局', aliases: [], keywords: ['违章搭建'] },
      { code: 'land', name: '青州市自然资源和规划局', aliases: [], keywords: ['违法搭建'] },
    ]);
    const found = lexicon.match('村里有人违法搭建');
    expect(found.get('land')?.words).toEqual(['违法搭建']);
    expect(found.has('street')).toBe(false);
  });
});
