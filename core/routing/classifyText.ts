/** The routing proposal for text that is not (yet) a suggestion: what the intake form shows as you type. */
import { ClassifyRequest, type RoutingProposal } from '../../contracts/schemas';
import { formatZodError } from '../../contracts/validation';
import type { CoreContext } from '../context';
import { invalid, ok, type Outcome } from '../result';

/** Proposes departments for a title and body. */
export async function classifyText(ctx: CoreContext, input: unknown): Promise<Outcome<RoutingProposal>> {
  const parsed = ClassifyRequest.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  return ok(await ctx.router.propose(parsed.data.title, parsed.data.body ?? ''));
}
