/** A department's routing keywords and aliases as stored (JSON arrays of strings): directory data that routing, the admin and the presenters read. */

/** Parses a department's stored keyword list; anything malformed counts as no keywords. */
export function parseKeywords(raw: string | null | undefined): string[] {
  return parseList(raw).map((k) => k.toLowerCase());
}

/** Parses a department's stored aliases (other names, kept as written); anything malformed counts as none. */
export function parseAliases(raw: string | null | undefined): string[] {
  return parseList(raw);
}

function parseList(raw: string | null | undefined): string[] {
  if (!raw) return [];
  try {
    const v = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string' && k.trim() !== '').map((k) => k.trim()) : [];
  } catch {
    return [];
  }
}

/** What a unit's own name ends with (longest first): cut off to find the short name people build on. */
const UNIT_SUFFIXES = ['管理委员会', '委员会', '管理局', '管理中心', '服务中心', '部门', '机关', '大队', '支队', '中心', '公司', '局', '委', '办', '厅'];
/** What people add to a short name to mean the unit (人社 + 部门, 环保 + 局, 交警 + 大队). */
const MENTION_SUFFIXES = ['局', '部门', '机关', '委', '办', '所', '站', '大队', '支队', '中心'];
/** Prefixes of place before a unit's name: 市, 县, 区, or a named city (淄博市). */
const PLACE_PREFIX = /^(?:.{2,3}?市|市|县|区)(?=.{2})/u;

/**
 * The ways a person names a department in a message: its name (with and without the city), its aliases, and
 * each short name (a name or alias without its place and its unit word: 住建局 → 住建, 交通运输局 → 交通运输)
 * joined to the unit words people write (住建部门, 交警大队, 环保局, 人社所). A short name alone is not a form unless
 * it is itself an alias (交警, 公安): 教育 or 交通 alone name a subject, not a unit.
 */
export function departmentNameForms(name: string, aliases: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const { whole, local, stem } of nameParts(name, aliases)) {
    forms.add(whole);
    forms.add(local);
    if (stem) for (const s of MENTION_SUFFIXES) forms.add(stem + s);
  }
  return [...forms].filter((f) => f.length >= 2);
}

/**
 * The short names of a department (its name and aliases without place and unit word: 教育局 → 教育, 住建局 → 住建):
 * where a department is asked for (an assignment, a roster column) a short name alone means the unit.
 */
export function departmentShortNames(name: string, aliases: readonly string[]): string[] {
  return [...new Set(nameParts(name, aliases).flatMap((p) => (p.stem ? [p.stem] : [])))];
}

/** Each name and alias as written, without its place, and its short name (null when under two characters). */
function nameParts(name: string, aliases: readonly string[]): { whole: string; local: string; stem: string | null }[] {
  const parts: { whole: string; local: string; stem: string | null }[] = [];
  for (const raw of [name, ...aliases]) {
    const whole = raw.normalize('NFKC').trim();
    if (whole.length < 2) continue;
    const local = whole.replace(PLACE_PREFIX, '');
    const suffix = UNIT_SUFFIXES.find((s) => local.endsWith(s) && local.length - s.length >= 2);
    const stem = suffix ? local.slice(0, -suffix.length) : local;
    parts.push({ whole, local, stem: stem.length >= 2 ? stem : null });
  }
  return parts;
}
