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
