/** Small formatting helpers shared by the presenters. */

/** A date as an ISO string, or null. */
export const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);
