/**
 * The demo city: regions, liaison stations, departments, deputies, citizens, staff, office and admin
 * accounts. Idempotent: every row is found by its natural key before it is created.
 */
import { DEPUTY_LEVELS } from '../contracts/enums';
import { hashPassword } from '../core/auth/password';
import { CITY, CITIZEN_NAMES, DEPUTY_NAMES, DISTRICTS, OCCUPATIONS } from './demo/city';
import { DEPARTMENTS } from './demo/departments';
import { DepartmentModel, DeputyModel, RegionModel, StationModel, UserModel } from './definitions';
import type { Database } from './db';

export const DEMO_PASSWORD = 'lvzhi-demo';

async function region(code: string, name: string, level: string, parent: RegionModel | null): Promise<RegionModel> {
  const found = await RegionModel.findOne({ where: { code } });
  if (found) return found;
  const r = await RegionModel.create({ code, name, level, parentId: parent?.id ?? null, path: '' });
  r.path = `${parent?.path ?? '/'}${r.id}/`;
  await r.save();
  return r;
}

/** Whether the database holds no users yet (a fresh database that wants the demo city). */
export async function isEmpty(_db: Database): Promise<boolean> {
  return (await UserModel.count()) === 0;
}

/** What the city's taxonomy seed found or created: the city, its towns with their districts, the departments. */
export interface Taxonomy {
  city: RegionModel;
  towns: { town: RegionModel; district: RegionModel }[];
  departments: DepartmentModel[];
}

/**
 * The city's region tree (city → districts and counties → towns and streets) and its departments with duties
 * and routing keywords — no accounts, no stations, no people. This is all `npm run seed` writes in production
 * (NODE_ENV=production or demo mode off): a city needs its regions and departments before it imports deputies
 * and staff; the admin edits them afterwards. Idempotent.
 */
export async function seedTaxonomy(db: Database): Promise<Taxonomy> {
  return db.sequelize.transaction(async () => {
    const city = await region(CITY.code, CITY.name, 'city', null);
    const towns: Taxonomy['towns'] = [];
    for (const d of DISTRICTS) {
      const district = await region(d.code, d.name, 'district', city);
      for (const [i, t] of d.towns.entries()) towns.push({ town: await region(`${d.code}${String(i + 1).padStart(3, '0')}`, t, 'town', district), district });
    }
    const departments: DepartmentModel[] = [];
    for (const dep of DEPARTMENTS) {
      let row = await DepartmentModel.findOne({ where: { code: dep.code } });
      if (!row) row = await DepartmentModel.create({ code: dep.code, name: dep.name, kind: dep.kind, duties: dep.duties, keywords: JSON.stringify(dep.keywords), aliases: JSON.stringify(dep.aliases) });
      else if (row.aliases === null) await row.update({ aliases: JSON.stringify(dep.aliases) });
      departments.push(row);
    }
    return { city, towns, departments };
  });
}

/** Creates whatever part of the demo city is missing (taxonomy, stations, demo accounts); returns how many accounts it created. */
export async function seedDemoCity(db: Database): Promise<{ created: number }> {
  let created = 0;
  // Demo accounts share one published password, so they share one hash (one slow KDF run for the seed).
  const demoHash = await hashPassword(DEMO_PASSWORD);
  const taxonomy = await seedTaxonomy(db);
  await db.sequelize.transaction(async () => {
    const users = new Set((await UserModel.findAll({ attributes: ['username'] })).map((u) => u.username));
    const user = async (attrs: { username: string; role: string; name: string; regionId?: number; departmentId?: number; stationId?: number }) => {
      if (users.has(attrs.username)) return (await UserModel.findOne({ where: { username: attrs.username } }))!;
      users.add(attrs.username);
      created += 1;
      return UserModel.create({
        passwordHash: demoHash,
        regionId: null,
        departmentId: null,
        stationId: null,
        wechatOpenid: null,
        ...attrs,
      });
    };

    const city = taxonomy.city;
    const towns: { town: RegionModel; district: RegionModel; station: StationModel }[] = [];
    for (const { town, district } of taxonomy.towns) {
      const name = `${district.name}${town.name}人大代表联络站`;
      const station =
        (await StationModel.findOne({ where: { name } })) ??
        (await StationModel.create({ name, kind: 'station', regionId: town.id, address: `淄博市${district.name}${town.name}便民服务中心二楼` }));
      towns.push({ town, district, station });
    }

    for (const [i, dep] of DEPARTMENTS.entries()) {
      const row = taxonomy.departments[i];
      await user({ username: `staff-${dep.code}`, role: 'staff', name: `${dep.name.replace(/^淄博市/, '')}承办员`, departmentId: row.id, regionId: city.id });
    }

    await user({ username: 'admin', role: 'admin', name: '系统管理员', regionId: city.id });
    await user({ username: 'bot', role: 'service', name: '履职通机器人', regionId: city.id });
    await user({ username: 'office', role: 'office', name: '市人大常委会选联工委', regionId: city.id });
    for (const d of DISTRICTS) {
      const district = (await RegionModel.findOne({ where: { code: d.code } }))!;
      await user({ username: `office-${d.key}`, role: 'office', name: `${d.name}人大常委会工作人员`, regionId: district.id });
    }

    const levels = [...DEPUTY_LEVELS];
    const levelPlan = [0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4];
    const parties = ['中共党员', '中共党员', '群众', '民盟盟员', '中共党员', '九三学社社员', '中共党员', '无党派人士'];
    const educations = ['大学本科', '研究生', '大专', '大学本科', '高中', '研究生'];
    for (const [i, name] of DEPUTY_NAMES.entries()) {
      const n = String(i + 1).padStart(2, '0');
      const username = `deputy${n}`;
      const place = towns[i % towns.length];
      const level = levels[levelPlan[i]];
      const u = await user({ username, role: 'deputy', name, regionId: place.town.id, stationId: place.station.id });
      if (!(await DeputyModel.findOne({ where: { userId: u.id } }))) {
        const job = OCCUPATIONS[i % OCCUPATIONS.length];
        await DeputyModel.create({
          userId: u.id,
          name,
          gender: i % 3 === 1 ? '女' : i % 2 === 0 ? '男' : '女',
          ethnicity: i % 17 === 5 ? '回族' : '汉族',
          birthYear: 1960 + ((i * 7) % 35),
          party: parties[i % parties.length],
          education: educations[i % educations.length],
          level,
          delegation: level === 'national' || level === 'provincial' ? '淄博代表团' : `${place.district.name}代表团`,
          electoralUnit: level === 'township' ? `${place.town.name}第${(i % 5) + 1}选区` : `${place.district.name}选区`,
          occupation: job.occupation,
          workUnit: job.workUnit,
          post: job.post,
          phone: `1386433${String(1000 + i * 37).slice(-4)}`,
          stationId: place.station.id,
          regionId: place.town.id,
          term: level === 'national' || level === 'provincial' ? '第十四届' : level === 'city' ? '第十七届' : '第十八届',
        });
      }
    }

    for (const [i, name] of CITIZEN_NAMES.entries()) {
      const place = towns[(i * 3) % towns.length];
      await user({ username: `citizen${String(i + 1).padStart(2, '0')}`, role: 'citizen', name, regionId: place.town.id });
    }
  });
  return { created };
}
