/**
 * Departments by any name people use: the full name (淄博市住房和城乡建设局), without the city (住房和城乡建设局),
 * without 和 (住房城乡建设局), the short forms (住建局, 住建, 市住建, 住建部门) and the code (housing), plus the aliases
 * the API lists for a department when it has them. Text is read by longest match from left to right, so a name
 * is never split at 和 while 和 between two names still separates them.
 */
export interface DepartmentRef {
  code: string;
  name: string;
  aliases?: string[];
}

const CITY = /^(?:淄博市|淄博|国网淄博|市)/;
const SUFFIX = /(?:委员会|事务局|服务局|局|委|办公室|办|中心|公司|院|厅|部)$/;

/** The short forms of one department name. */
export function aliasesOf(name: string): string[] {
  const out = new Set<string>();
  const local = name.replace(CITY, '');
  out.add(name);
  out.add(local);
  out.add(local.replace(/和|及|与/g, ''));
  const core = local.replace(SUFFIX, '');
  const suffix = local.slice(core.length);
  const kind = /委员会$/.test(local) ? '委' : suffix.endsWith('局') ? '局' : suffix;
  const cores = new Set([core, core.replace(/和|及|与/g, '')]);
  // Abbreviations from the first characters of the two-character words of official names: 住房和城乡建设 → 住建,
  // 发展和改革 → 发改, 人力资源和社会保障 → 人社, 卫生健康 → 卫健, 市场监督管理 → 市监, 国有资产监督管理 → 国资.
  const chunks = core.split(/和|及|与/).flatMap((p) => p.match(/[^和及与]{1,2}/g) ?? []);
  for (let i = 0; i < chunks.length; i++) for (let j = i + 1; j < chunks.length; j++) cores.add(chunks[i][0] + chunks[j][0]);
  if (chunks.length >= 3) cores.add(chunks.map((c) => c[0]).join(''));
  if (chunks[0]?.length === 2 && chunks[0] !== core) out.add(chunks[0] + (kind || '局'));
  if (/市场监督/.test(core)) cores.add('市场监管');
  if (/卫生健康/.test(core)) cores.add('卫健');
  for (const c of cores) {
    if (c.length < 2) continue;
    out.add(c);
    for (const s of new Set([kind, suffix, '部门', '局', '委'])) if (s) out.add(c + s);
    out.add(`市${c}`);
    if (kind) out.add(`市${c}${kind}`);
  }
  return [...out].filter((a) => a.length >= 2);
}

/** Everyday names no rule derives (older names, the public's words), by the official name's key word. */
const EVERYDAY: [RegExp, string[]][] = [
  [/生态环境/, ['环保局', '环保部门', '环保']],
  [/自然资源/, ['规划局', '国土局', '国土部门']],
  [/供电/, ['电业局', '电力公司', '供电所']],
  [/公安/, ['派出所', '交警']],
  [/中级人民法院/, ['法院', '中院']],
  [/人民检察院/, ['检察院']],
  [/住房公积金/, ['公积金中心', '公积金']],
  [/城市管理/, ['城管']],
];

/** The everyday names of one department (see EVERYDAY). */
export function everydayNames(name: string): string[] {
  return EVERYDAY.filter(([re]) => re.test(name)).flatMap(([, names]) => names);
}

export interface DepartmentMatch {
  code: string;
  name: string;
  said: string;
}

/** An index of departments by every alias; aliases shared by two departments are kept as ambiguous. */
export class DepartmentIndex {
  private readonly byAlias = new Map<string, DepartmentRef[]>();
  private readonly longest: number;

  constructor(readonly departments: DepartmentRef[]) {
    for (const d of departments) {
      const names = new Set([d.code.toLowerCase(), ...aliasesOf(d.name), ...everydayNames(d.name), ...(d.aliases ?? []).flatMap((a) => [a, ...aliasesOf(a)])]);
      for (const a of names) {
        const list = this.byAlias.get(a) ?? [];
        if (!list.includes(d)) list.push(d);
        this.byAlias.set(a, list);
      }
    }
    this.longest = Math.max(2, ...[...this.byAlias.keys()].map((k) => k.length));
  }

  /**
   * Reads department names from text, longest match first, left to right. Returns the matches, the pieces that
   * look like a department but match none, and names that fit more than one department.
   */
  read(text: string): { found: DepartmentMatch[]; unknown: string[]; ambiguous: { said: string; options: DepartmentRef[] }[] } {
    const t = text.replace(/\s+/g, ' ');
    const found: DepartmentMatch[] = [];
    const unknown: string[] = [];
    const ambiguous: { said: string; options: DepartmentRef[] }[] = [];
    let i = 0;
    let pending = '';
    const flush = () => {
      const p = pending.replace(/^(?:和|及|与|、|由|给|到|主办|协办|为|是|改|，|,)+|(?:主办|协办|来办|办理|负责)+$/g, '').trim();
      if (p && /[\u4e00-\u9fa5]{2,}/.test(p) && SUFFIX.test(p.replace(/部门$/, '局'))) unknown.push(p);
      pending = '';
    };
    while (i < t.length) {
      let hit: { len: number; list: DepartmentRef[] } | null = null;
      for (let len = Math.min(this.longest, t.length - i); len >= 2; len--) {
        const piece = t.slice(i, i + len);
        const list = this.byAlias.get(piece) ?? this.byAlias.get(piece.toLowerCase());
        if (list) {
          hit = { len, list };
          break;
        }
      }
      if (!hit) {
        const c = t[i];
        if (/[\s,，、;；/]/.test(c)) flush();
        else pending += c;
        i += 1;
        continue;
      }
      flush();
      const said = t.slice(i, i + hit.len);
      if (hit.list.length === 1) {
        if (!found.some((f) => f.code === hit!.list[0].code)) found.push({ code: hit.list[0].code, name: hit.list[0].name, said });
      } else ambiguous.push({ said, options: hit.list });
      i += hit.len;
    }
    flush();
    return { found, unknown, ambiguous };
  }
}
