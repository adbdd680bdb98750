/**
 * Two real jobs processes (`npm run jobs`) on one database: one leads and sends, the other waits; when the
 * leader is killed, the other takes over after the lease expires. Nothing is sent twice.
 */
import type { ChildProcess } from 'node:child_process';
import { SuggestionEventModel } from '../../models/definitions';
import { suggestionAt } from '../helpers/core';
import { databaseKinds, createTestCore, type TestCore } from '../helpers/db';
import { startJobs, until } from '../helpers/jobs';

describe.each(databaseKinds())('two jobs runners on %s', (kind) => {
  let t: TestCore;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    t = await createTestCore(kind);
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await t.close();
  });

  test('one leads and sends once; the other takes over when the leader dies', async () => {
    // Assigned long ago: overdue today, so the urge and the order are both due.
    t.clock.set('2025-06-02');
    const first = await suggestionAt(t.core, 'handling');
    const a = startJobs(t.config.databaseUrl, 'runner-a');
    children.push(a.child);
    // A runner's start (bundle, database, routing model) takes seconds, more on a loaded machine: wait for it, not a fixed bound.
    await until(() => a.ticks.some((x) => x.leader), 90_000);
    const b = startJobs(t.config.databaseUrl, 'runner-b');
    children.push(b.child);
    await until(() => b.ticks.length >= 3 && a.ticks.length >= 4, 90_000);
    expect(b.ticks.every((x) => !x.leader)).toBe(true);
    const count = (id: number) => SuggestionEventModel.count({ where: { suggestionId: id, action: ['urge', 'order'] } });
    expect(await count(first)).toBe(2);

    a.child.kill('SIGKILL');
    const second = await suggestionAt(t.core, 'handling');
    await until(() => b.ticks.some((x) => x.leader), 20_000);
    await until(async () => (await count(second)) === 2, 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await count(first)).toBe(2);
    expect(await count(second)).toBe(2);
    const events = await SuggestionEventModel.findAll({ where: { suggestionId: [first, second], action: 'urge' } });
    expect(events).toHaveLength(2);
  }, 240_000);
});
