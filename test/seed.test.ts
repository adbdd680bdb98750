/** The demo city: exactly the congress office's department list, five levels of deputies, every account. */
import fs from 'node:fs';
import path from 'node:path';
import { DEPUTY_LEVELS } from '../contracts/enums';
import { seedDemoCity } from '../models/seed';
import { DepartmentModel, DeputyModel, RegionModel, StationModel, UserModel } from '../models/definitions';
import { DEPARTMENTS } from '../models/demo/departments';
import { eachDatabase } from './helpers/db';

eachDatabase('demo city', (t) => {
  test('departments are exactly those of shared/data/departments.csv, each with duties and keywords', async () => {
    const csv = path.resolve(__dirname, '../../shared/data/departments.csv');
    const rows = fs.readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const stored = await DepartmentModel.findAll({ order: [['id', 'ASC']] });
    expect(stored.map((d) => [d.code, d.name, d.kind])).toEqual(rows.map(([code, name, kind]) => [code, name, kind.trim()]));
    expect(DEPARTMENTS.every((d) => d.duties.length > 10 && d.keywords.length >= 5)).toBe(true);
    expect(await UserModel.count({ where: { role: 'staff' } })).toBe(rows.length);
  });

  test('淄博市 with its 5 districts and 3 counties, towns and stations', async () => {
    const districts = await RegionModel.findAll({ where: { level: 'district' } });
    expect(districts.map((d) => d.name).sort()).toEqual(['临淄区', '博山区', '周村区', '张店区', '桓台县', '沂源县', '淄川区', '高青县'].sort());
    expect(await RegionModel.count({ where: { level: 'town' } })).toBeGreaterThanOrEqual(16);
    expect(await StationModel.count()).toBeGreaterThanOrEqual(16);
  });

  test('50 deputies of all five levels with full profiles; citizens, office and admin accounts', async () => {
    const deputies = await DeputyModel.findAll();
    expect(deputies).toHaveLength(50);
    expect(new Set(deputies.map((d) => d.level))).toEqual(new Set(DEPUTY_LEVELS));
    for (const d of deputies) {
      for (const f of ['name', 'gender', 'ethnicity', 'party', 'education', 'delegation', 'electoralUnit', 'occupation', 'workUnit', 'post', 'phone', 'term'] as const) {
        expect([d.name, f, Boolean(d[f])]).toEqual([d.name, f, true]);
      }
      expect(d.stationId).not.toBeNull();
    }
    for (const u of ['deputy01', 'deputy50', 'citizen01', 'office', 'office-zhangdian', 'office-yiyuan', 'admin', 'staff-power']) {
      expect(await UserModel.count({ where: { username: u } })).toBe(1);
    }
  });

  test('seeding again changes nothing', async () => {
    const before = await UserModel.count();
    expect((await seedDemoCity(t().core.db)).created).toBe(0);
    expect(await UserModel.count()).toBe(before);
    expect(await DepartmentModel.count()).toBe(31);
  });
});
