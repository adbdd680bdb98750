/**
 * Names resolved against the API, cached in the bot: departments by any name (the list, with the aliases the API
 * gives, is read once an hour) and deputies by name or username (GET /api/deputies?q=, asked when needed).
 */
import type { ApiClient } from '../contracts/client';
import { DepartmentIndex, type DepartmentRef } from './nlu/departments';

export interface PersonMatch {
  username: string;
  name: string;
  desc: string;
}

/** The bot's directory cache. */
export class Directory {
  private departments: { index: DepartmentIndex; at: number } | null = null;

  /** The department index (read from the API at most once an hour). */
  async departmentIndex(api: ApiClient): Promise<DepartmentIndex> {
    if (!this.departments || Date.now() - this.departments.at > 3_600_000) {
      const items = (await api.departments()).items as (DepartmentRef & { aliases?: string[] })[];
      this.departments = { index: new DepartmentIndex(items.map((d) => ({ code: d.code, name: d.name, aliases: d.aliases }))), at: Date.now() };
    }
    return this.departments.index;
  }

  /** Deputies matching a name (张志强代表 → 张志强) or a username; exact name matches first. */
  async people(api: ApiClient, said: string): Promise<PersonMatch[]> {
    if (/^[a-zA-Z][\w.-]*$/.test(said)) return [{ username: said, name: said, desc: '' }];
    const name = said.replace(/代表$/, '');
    const items = (await api.deputies({ q: name })).items;
    const exact = items.filter((d) => d.name === name);
    return (exact.length ? exact : items).map((d) => ({ username: d.username, name: d.name, desc: [d.levelLabel, d.delegation, d.station?.name].filter(Boolean).join('，') }));
  }
}
