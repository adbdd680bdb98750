import { loadActor } from '../../../core/auth/actor';
import { positional, readRows } from '../../../models/fastRead';
import { UserModel } from '../../../models/definitions';
import { eachDatabase } from '../../helpers/db';

/**
 * The driver-level reads (models/fastRead.ts) that every request makes: parameters as the driver takes them, the
 * current transaction's own connection (a write not committed yet is seen inside it, and not outside), and the
 * caller's account read that way (an account switched off is refused at once).
 */
eachDatabase('readRows', (t) => {
  test('named parameters become placeholders; a list becomes one per value; an unknown name is an error', () => {
    expect(positional('id IN (:ids) AND role = :role', { ids: [3, 1, 2], role: 'staff' })).toEqual({ sql: 'id IN (?, ?, ?) AND role = ?', values: [3, 1, 2, 'staff'] });
    expect(positional('id IN (:ids)', { ids: [] }).sql).toBe('id IN (NULL)');
    expect(() => positional('id = :id', {})).toThrow(/:id/);
  });

  test('reads in the current transaction on its connection, and the actor follows the stored account', async () => {
    const db = t().core.db;
    const deputy = (await UserModel.findOne({ where: { username: 'deputy02' } }))!;
    const nameOf = async () => (await readRows(db.sequelize, 'SELECT name FROM users WHERE id = ?', [deputy.id]))[0]?.name;
    const before = await nameOf();
    let inside: unknown;
    await db.sequelize
      .transaction(async () => {
        await UserModel.update({ name: '改名中' }, { where: { id: deputy.id } });
        // Another connection would not see this write yet: the read is on the transaction's own.
        inside = await nameOf();
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(inside).toBe('改名中');
    expect(await nameOf()).toBe(before);

    const actor = await loadActor(deputy.id);
    expect(actor).toMatchObject({ id: deputy.id, username: 'deputy02', role: 'deputy', system: false });
    expect(typeof actor!.system).toBe('boolean');
    await UserModel.update({ active: false }, { where: { id: deputy.id } });
    try {
      expect(await loadActor(deputy.id)).toBeNull();
    } finally {
      await UserModel.update({ active: true }, { where: { id: deputy.id } });
    }
    expect(await loadActor(999_999_999)).toBeNull();
  });
});
