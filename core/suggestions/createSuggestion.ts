/**
 * Creates a suggestion as a draft, or submits it at once. A deputy writes their own (with co-signers picked
 * by name or username, each asked on submission); a citizen writes an opinion addressed to a deputy or a
 * liaison station. An unknown or ambiguous co-signer name is refused here, before anything is stored.
 */
import { Op } from 'sequelize';
import { CreateSuggestionRequest } from '../../contracts/schemas';
import { formatZodError } from '../../contracts/validation';
import { PhotoModel, StationModel, SuggestionModel, UserModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { forbidden, invalid, ok, type Outcome } from '../result';
import { recordEvent } from './events';
import { inTransaction } from '../useCase';
import { submitSuggestion } from './submitSuggestion';
import { resolveCosigners, setInvitations } from './cosigners';

/** Creates the suggestion and, with `submit: true`, submits it. Returns the new id. */
export async function createSuggestion(ctx: CoreContext, actor: Actor, input: unknown): Promise<Outcome<{ id: number }>> {
  if (actor.role !== 'deputy' && actor.role !== 'citizen') return forbidden('只有代表可以提建议，群众可以向代表或联络站反映意见');
  const parsed = CreateSuggestionRequest.safeParse(input);
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const req = parsed.data;
  const now = ctx.clock.now();
  const created = await inTransaction(ctx, async () => {
    let cosignerIds: number[] = [];
    let addressedDeputyUserId: number | null = null;
    let addressedStationId: number | null = null;
    let regionId = actor.regionId;
    let source: string = 'deputy';
    if (actor.role === 'deputy') {
      if (req.deputy || req.station) return invalid('代表提建议不需要指定代表或联络站');
      const resolved = await resolveCosigners(actor, req.cosigners ?? []);
      if (typeof resolved === 'string') return invalid(resolved);
      cosignerIds = resolved;
    } else {
      if (req.cosigners?.length) return invalid('群众意见不能邀请附议');
      if (!req.deputy && !req.station) return invalid('请选择要反映意见的代表或联络站');
      if (req.deputy) {
        const deputy = await UserModel.findOne({ where: { username: req.deputy, role: 'deputy', active: true } });
        if (!deputy) return invalid('没有找到这位代表');
        addressedDeputyUserId = deputy.id;
        regionId = deputy.regionId;
        source = 'citizen';
      } else {
        const station = await StationModel.findByPk(req.station!);
        if (!station || station.active === false) return invalid('没有找到这个联络站');
        addressedStationId = station.id;
        regionId = station.regionId;
        source = 'station';
      }
    }
    const s = await SuggestionModel.create({
      title: req.title,
      body: req.body,
      source,
      state: 'draft',
      authorUserId: actor.id,
      deputyUserId: actor.role === 'deputy' ? actor.id : null,
      citizenUserId: actor.role === 'citizen' ? actor.id : null,
      addressedDeputyUserId,
      addressedStationId,
      regionId,
      leadDepartmentId: null,
      routing: null,
      routingNeedsReview: null,
      rejectReason: null,
      submittedAt: null,
      assignedAt: null,
      assignedOn: null,
      returnDueOn: null,
      coOpinionDueOn: null,
      answerDueOn: null,
      redoDueOn: null,
      answeredAt: null,
      closedAt: null,
    });
    await setInvitations(s.id, cosignerIds);
    const photos = [...new Set(req.photos ?? [])];
    if (photos.length) {
      const [attached] = await PhotoModel.update({ suggestionId: s.id }, { where: { id: { [Op.in]: photos }, uploaderUserId: actor.id, suggestionId: null } });
      if (attached !== photos.length) return invalid('有照片不存在、不是您上传的，或已用在别的意见里，请重新上传');
    }
    await recordEvent({ suggestionId: s.id, actor, action: 'create', from: null, to: 'draft', at: now });
    return ok({ id: s.id });
  });
  if (!created.ok || !req.submit) return created;
  const submitted = await submitSuggestion(ctx, actor, created.value.id, {});
  return submitted.ok ? created : submitted;
}
