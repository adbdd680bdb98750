/** 帮助: what the person can say, by role. */
import { HELP } from '../replies';
import type { Turn } from '../turn';

/** Shows the help for the person's role. */
export async function help(t: Turn): Promise<void> {
  t.say(HELP[t.role] ?? HELP.deputy);
}
