/** A department's routing keywords as stored (a JSON array of strings). */

/** Parses a department's stored keyword list; anything malformed counts as no keywords. */
export function parseKeywords(raw: string | null | undefined): string[] {
  if (!raw) return [];
  try {
    const v = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string' && k.trim() !== '').map((k) => k.trim().toLowerCase()) : [];
  } catch {
    return [];
  }
}
