/** Turning zod errors into one short Chinese sentence for users. */
import type { z } from 'zod';
import { FIELD_LABELS } from './labels';

/** Phrases the first issues of a zod error as a Chinese message, naming the fields in Chinese. */
export function formatZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.find((p) => typeof p === 'string') as string | undefined;
    const label = field ? (FIELD_LABELS[field] ?? field) : '';
    if (issue.code === 'unrecognized_keys') return `不认识的字段：${issue.keys.join('、')}`;
    // Messages we wrote already name the field; zod's locale messages do not.
    const msg = issue.message;
    return label && !msg.includes(label) ? `${label}：${msg}` : msg;
  });
  return parts.join('；');
}
