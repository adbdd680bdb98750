/**
 * How many people a notice, questionnaire or meeting invitation would reach, before it is sent: the publish
 * forms show it. The same resolveAudience as publishing, so the figure is the number of inbox entries the
 * publication will write (an office counts only its own region's subtree, as it publishes there).
 */
import { AudienceCountRequest, type AudienceCount } from '../../contracts/engagement';
import { DEPUTY_LEVELS, type DeputyLevel } from '../../contracts/enums';
import { DEPUTY_LEVEL_LABELS } from '../../contracts/labels';
import { DeputyModel } from '../../models/definitions';
import { invalid } from '../result';
import { plainUseCase } from '../useCase';
import { resolveAudience } from './audience';
import { publishes } from './policy';

/** Counts the recipients of an audience: in all, deputies by level, and others named one by one. */
export const countAudience = plainUseCase({
  name: 'notices.audience',
  input: AudienceCountRequest,
  readOnly: true,
  who: ({ actor }) => (publishes(actor) ? null : '只有人大工作人员可以查看发送对象人数'),
  apply: async ({ actor, input }): Promise<AudienceCount | ReturnType<typeof invalid>> => {
    const userIds = await resolveAudience(input.audience, actor);
    if (typeof userIds === 'string') return invalid(userIds);
    const deputies = userIds.length ? await DeputyModel.findAll({ where: { userId: userIds }, attributes: ['level'] }) : [];
    const byLevel = DEPUTY_LEVELS.map((level) => ({
      level,
      label: DEPUTY_LEVEL_LABELS[level],
      count: deputies.filter((d) => (d.level as DeputyLevel) === level).length,
    })).filter((x) => x.count > 0);
    return { count: userIds.length, deputies: deputies.length, others: userIds.length - deputies.length, byLevel };
  },
});
