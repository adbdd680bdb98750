/** A production city on its first day, for routing tests: a fresh SQLite database holding only the departments given. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootCore } from '../../core/bootstrap';
import { loadConfig } from '../../core/config';
import type { CoreContext } from '../../core/context';
import { DepartmentModel } from '../../models/definitions';

export interface CityDepartment {
  code: string;
  name: string;
  kind?: string;
  duties: string;
  keywords: string[];
  aliases: string[];
}

/** The environment of a production API on a fresh database in a temporary folder (`remove` deletes it). */
export function firstDayEnv(name: string): { env: Record<string, string>; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lvzhi-${name}-`));
  const env = { NODE_ENV: 'production', JWT_SECRET: `${name}-test-secret`, DATABASE_URL: `sqlite:${path.join(dir, 'city.sqlite')}`, LOG_LEVEL: 'silent' };
  return { env, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Enters `departments` as an administrator would, with their duty texts, keywords and aliases. */
export async function enterDepartments(departments: readonly CityDepartment[]): Promise<void> {
  for (const d of departments) {
    await DepartmentModel.create({ code: d.code, name: d.name, kind: d.kind ?? 'government', duties: d.duties, keywords: JSON.stringify(d.keywords), aliases: JSON.stringify(d.aliases) });
  }
}

/**
 * Boots a fresh production database, enters `departments` and boots again: the second start trains the first
 * model from their duty texts alone, as a city's would. The caller closes the core it gets.
 */
export async function firstDayCore(env: Record<string, string>, departments: readonly CityDepartment[]): Promise<CoreContext> {
  const core = await bootCore(loadConfig(env));
  await enterDepartments(departments);
  await core.db.close();
  return bootCore(loadConfig(env));
}
