import { createSuggestion } from '../../../core/suggestions';
import { SuggestionEventModel, SuggestionModel } from '../../../models/definitions';
import { actor, ELEVATOR, must } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('createSuggestion', (t) => {
  test('ok: a deputy drafts with co-signers; a draft has a create event', async () => {
    const { id } = must(await createSuggestion(t().core, await actor('deputy01'), { ...ELEVATOR, cosigners: ['deputy02', 'deputy01'] }));
    const s = await SuggestionModel.findByPk(id);
    expect(s).toMatchObject({ state: 'draft', source: 'deputy', title: ELEVATOR.title });
    const events = await SuggestionEventModel.findAll({ where: { suggestionId: id } });
    expect(events.map((e) => [e.action, e.fromState, e.toState])).toEqual([['create', null, 'draft']]);
  });

  test('ok: submit at once, citizen to a station', async () => {
    const { id } = must(await createSuggestion(t().core, await actor('deputy01'), { ...ELEVATOR, submit: true }));
    expect((await SuggestionModel.findByPk(id))!.state).toBe('submitted');
    const c = must(await createSuggestion(t().core, await actor('citizen02'), { title: '小区路灯不亮', body: '晚上出行不安全。', station: 1, submit: true }));
    expect(await SuggestionModel.findByPk(c.id)).toMatchObject({ state: 'received', source: 'station', addressedStationId: 1 });
  });

  test('invalid: missing fields, wrong types, unknown co-signers, citizen without addressee', async () => {
    const deputy = await actor('deputy01');
    const cases: [unknown, string][] = [
      [{ body: 'x' }, '标题'],
      [{ title: 'x' }, '内容'],
      [{ title: 123, body: 'x' }, '标题'],
      [{ title: 'x'.repeat(100_000), body: 'x' }, '标题不能超过 200 字'],
      [{ ...ELEVATOR, submit: 'yes' }, '是否提交'],
      [{ ...ELEVATOR, cosigners: ['nobody', 'citizen01'] }, 'nobody、citizen01'],
    ];
    for (const [input, phrase] of cases) {
      const r = await createSuggestion(t().core, deputy, input);
      expect(r).toMatchObject({ ok: false, kind: 'invalid' });
      if (!r.ok) expect(r.message).toContain(phrase);
    }
    expect(await createSuggestion(t().core, await actor('citizen01'), ELEVATOR)).toMatchObject({ ok: false, kind: 'invalid' });
    expect(await createSuggestion(t().core, await actor('citizen01'), { ...ELEVATOR, deputy: 'staff-edu' })).toMatchObject({ ok: false, kind: 'invalid' });
  });

  test('forbidden: staff and office do not file suggestions', async () => {
    expect(await createSuggestion(t().core, await actor('staff-edu'), ELEVATOR)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await createSuggestion(t().core, await actor('office'), ELEVATOR)).toMatchObject({ ok: false, kind: 'forbidden' });
  });

  test('HTML and SQL in the text are stored verbatim', async () => {
    const title = `<script>alert('x')</script>'; DROP TABLE suggestions; --`;
    const body = `Robert'); DELETE FROM users WHERE ('1'='1 <img src=x onerror=alert(1)> 😀`;
    const { id } = must(await createSuggestion(t().core, await actor('deputy01'), { title, body }));
    expect(await SuggestionModel.findByPk(id)).toMatchObject({ title, body });
  });
});
