/**
 * zod schemas of the admin API (regions, stations, departments, users) and the audit log: requests the API
 * validates with and responses the console reads.
 */
import { z } from 'zod';
import { DEPARTMENT_KINDS, REGION_LEVELS, ROLES } from './enums';
import { Department, DepartmentRef, RegionRef, page, pageSize } from './schemas';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);
const regionCode = z
  .string({ error: '区域代码必须是文字' })
  .trim()
  .regex(/^[0-9A-Za-z_-]{1,32}$/, '区域代码只能由字母、数字、下划线和短横线组成（最长 32 位）');
const deptCode = z
  .string({ error: '单位代码必须是文字' })
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, '单位代码应以小写字母开头，只含小写字母、数字、下划线和短横线（最长 32 位）');
const words = (label: string, maxItems: number, maxLen: number) =>
  z
    .array(text(label, maxLen), { error: `${label}应为文字列表` })
    .max(maxItems, `${label}最多 ${maxItems} 个`)
    .transform((xs) => [...new Set(xs)]);
const boolish = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])], { error: '只能是 true 或 false' })
  .transform((v) => v === true || v === 'true' || v === '1');
const atLeastOne = (o: Record<string, unknown>) => Object.values(o).some((v) => v !== undefined);

export const STATION_KINDS = ['station', 'point'] as const;
/** Roles the admin may give through the API (the chat bot's `service` account is made by the seed only). */
export const ASSIGNABLE_ROLES = ROLES.filter((r) => (r as string) !== 'service') as readonly (typeof ROLES)[number][];

// ---------- regions ----------
export const CreateRegionRequest = z
  .object({ code: regionCode, name: text('区域名称', 64), parent: regionCode.optional() })
  .strict();
export const RenameRegionRequest = z.object({ name: text('区域名称', 64) }).strict();
export const AdminRegion = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  levelLabel: z.string(),
  parentId: z.number().nullable(),
});

// ---------- stations ----------
export const CreateStationRequest = z
  .object({
    name: text('联络站名称', 128),
    kind: z.enum(STATION_KINDS, { error: '类别只能是 station（联络站）或 point（联络点）' }).default('station'),
    region: regionCode,
    address: text('地址', 255),
  })
  .strict();
export const UpdateStationRequest = z
  .object({
    name: text('联络站名称', 128).optional(),
    kind: z.enum(STATION_KINDS, { error: '类别只能是 station（联络站）或 point（联络点）' }).optional(),
    region: regionCode.optional(),
    address: text('地址', 255).optional(),
    active: z.boolean({ error: '是否启用必须是 true 或 false' }).optional(),
  })
  .strict()
  .refine(atLeastOne, '请至少修改一项');
export const AdminStation = z.object({ id: z.number(), name: z.string(), kind: z.string(), address: z.string(), region: RegionRef, active: z.boolean() });

// ---------- departments ----------
const departmentFields = {
  name: text('单位名称', 128),
  kind: z.enum(DEPARTMENT_KINDS, { error: `类别只能是 ${DEPARTMENT_KINDS.join('、')}` }),
  duties: text('职责', 5000),
  aliases: words('别名', 20, 64),
  keywords: words('分类关键词', 300, 32),
};
export const CreateDepartmentRequest = z
  .object({ code: deptCode, ...departmentFields, aliases: departmentFields.aliases.default([]), keywords: departmentFields.keywords.default([]) })
  .strict();
export const UpdateDepartmentRequest = z
  .object({
    name: departmentFields.name.optional(),
    kind: departmentFields.kind.optional(),
    duties: departmentFields.duties.optional(),
    aliases: departmentFields.aliases.optional(),
    keywords: departmentFields.keywords.optional(),
    active: z.boolean({ error: '是否启用必须是 true 或 false' }).optional(),
  })
  .strict()
  .refine(atLeastOne, '请至少修改一项');
export const AdminDepartment = Department.extend({ active: z.boolean() });

// ---------- users ----------
export const ListUsersQuery = z
  .object({
    q: z.string({ error: '关键词必须是文字' }).trim().max(64, '关键词不能超过 64 字').optional(),
    role: z.enum(ROLES, { error: '角色代码不存在' }).optional(),
    region: regionCode.optional(),
    active: boolish.optional(),
    page,
    pageSize,
  })
  .strict();
export const UpdateUserRequest = z
  .object({
    name: text('姓名', 64).optional(),
    role: z.enum(ASSIGNABLE_ROLES, { error: `角色只能是 ${ASSIGNABLE_ROLES.join('、')}` }).optional(),
    region: regionCode.nullable().optional(),
    department: deptCode.nullable().optional(),
    station: z.number({ error: '联络站编号必须是数字' }).int('联络站编号必须是整数').positive('联络站编号必须是正数').nullable().optional(),
  })
  .strict()
  .refine(atLeastOne, '请至少修改一项');
export const DeactivateUserRequest = z
  .object({ reason: z.string({ error: '理由必须是文字' }).trim().max(500, '理由不能超过 500 字').optional() })
  .strict();
export const AdminUser = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  active: z.boolean(),
  region: RegionRef.nullable(),
  department: DepartmentRef.nullable(),
  station: z.object({ id: z.number(), name: z.string() }).nullable(),
  wechatLinked: z.boolean(),
});
export const UserPage = z.object({ items: z.array(AdminUser), total: z.number(), page: z.number(), pageSize: z.number() });

// ---------- audit log ----------
const day = z
  .string({ error: '日期必须是文字' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '没有这一天，日期格式应为 YYYY-MM-DD');
export const AuditQuery = z
  .object({
    actor: z.string({ error: '操作人必须是文字' }).trim().min(1, '操作人不能为空').max(64, '操作人过长').optional(),
    action: z
      .string({ error: '操作必须是文字' })
      .trim()
      .regex(/^[a-z][a-z0-9_.-]{0,63}$/, '操作代码格式不对（如 users.deactivate、signin.failed）')
      .optional(),
    object: z
      .string({ error: '对象必须是文字' })
      .trim()
      .regex(/^[a-z_]{1,32}(:[^\s]{1,64})?$/, '对象格式应为 类型 或 类型:编号（如 user:12）')
      .optional(),
    from: day.optional(),
    to: day.optional(),
    page,
    pageSize,
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, '开始日期不能晚于结束日期');
export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.object({ id: z.number().nullable(), username: z.string().nullable(), name: z.string().nullable() }),
  action: z.string(),
  actionLabel: z.string(),
  object: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** The object in words: 账号 钱老师（citizen10）, 区域 审计街道; null when the row is about none. */
  objectLabel: z.string().nullable(),
  /** What changed, in words: each field with its name and its value before (null for a creation) and after. */
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  clientAddress: z.string().nullable(),
});
export const AuditPage = z.object({ items: z.array(AuditEntry), total: z.number(), page: z.number(), pageSize: z.number() });

export type CreateRegionRequest = z.input<typeof CreateRegionRequest>;
export type CreateStationRequest = z.input<typeof CreateStationRequest>;
export type UpdateStationRequest = z.input<typeof UpdateStationRequest>;
export type CreateDepartmentRequest = z.input<typeof CreateDepartmentRequest>;
export type UpdateDepartmentRequest = z.input<typeof UpdateDepartmentRequest>;
export type ListUsersQuery = z.input<typeof ListUsersQuery>;
export type UpdateUserRequest = z.input<typeof UpdateUserRequest>;
export type AuditQuery = z.input<typeof AuditQuery>;
export type AdminRegion = z.infer<typeof AdminRegion>;
export type AdminStation = z.infer<typeof AdminStation>;
export type AdminDepartment = z.infer<typeof AdminDepartment>;
export type AdminUser = z.infer<typeof AdminUser>;
export type UserPage = z.infer<typeof UserPage>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditPage = z.infer<typeof AuditPage>;
