/** Turning zod errors into one short Chinese sentence for users. */
import type { z } from 'zod';
import { FIELD_LABELS } from './labels';

/** Phrases the first issues of a zod error as a Chinese message, naming the fields in Chinese. */
export function formatZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.find((p) => typeof p === 'string') as string | undefined;
    // A label may list other names the field goes by ('代码|登录凭证'): the first is shown, any counts as named.
    const [label, ...aliases] = (field ? (FIELD_LABELS[field] ?? field) : '').split('|');
    if (issue.code === 'unrecognized_keys') return `不认识的字段：${issue.keys.join('、')}`;
    // Messages we wrote already name the field; zod's locale messages do not.
    const msg = issue.message;
    return label && ![label, ...aliases].some((l) => msg.includes(l)) ? `${label}：${msg}` : msg;
  });
  return parts.join('；');
}
