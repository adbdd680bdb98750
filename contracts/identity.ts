/** zod schemas for identity: accounts created one by one, roster imports, and invitations that link WeChat. */
import { z } from 'zod';
import { DEPUTY_LEVELS, parseLevel, ROLES } from './enums';

/** The roles the office or admin may give an account it creates or imports (admins come from the command line). */
export const CREATABLE_ROLES = ['deputy', 'staff', 'office', 'citizen'] as const;
export type CreatableRole = (typeof CREATABLE_ROLES)[number];

/** What a roster file holds: deputies, department staff, or liaison stations. */
export const ROSTER_KINDS = ['deputies', 'staff', 'stations'] as const;
export type RosterKind = (typeof ROSTER_KINDS)[number];

/** The letters an invitation code is made of: no 0/O, 1/I/L, so it can be read aloud and typed. */
export const INVITATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITATION_LENGTH = 8;

/** An invitation code as a person types it: case, spaces and dashes do not matter. */
export const InvitationCode = z
  .string({ error: '邀请码必须是文字' })
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .refine((s) => s.length > 0, '请填写邀请码')
  .refine((s) => new RegExp(`^[${INVITATION_ALPHABET}]{${INVITATION_LENGTH}}$`).test(s), `邀请码是 ${INVITATION_LENGTH} 位字母和数字，请核对后再输入`);

const opt = (label: string, max: number) => z.string({ error: `${label}必须是文字` }).trim().max(max, `${label}不能超过 ${max} 字`).optional();

/** `POST /api/users`: one account, as the office or admin creates it. */
export const CreateUserRequest = z
  .object({
    username: z
      .string({ error: '用户名必须是文字' })
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9._-]{1,63}$/, '用户名以字母开头，只能有字母、数字和 . _ -，2 到 64 位')
      .optional(),
    name: z.string({ error: '姓名必须是文字' }).trim().min(1, '请填写姓名').max(64, '姓名不能超过 64 字'),
    role: z.enum(CREATABLE_ROLES, { error: '角色只能是 deputy（代表）、staff（承办单位）、office（人大工作人员）、citizen（群众）' }),
    level: z
      .preprocess((v) => (typeof v === 'string' ? (parseLevel(v) ?? v) : v), z.enum(DEPUTY_LEVELS, { error: '代表层级只能是 全国、省、市、区县、乡镇（或 national、provincial、city、county、township）' }))
      .optional(),
    region: opt('区域代码', 32),
    department: opt('单位代码', 32),
    station: opt('联络站', 128),
    delegation: opt('代表团', 64),
    electoralUnit: opt('选区', 128),
    workUnit: opt('工作单位', 128),
    post: opt('职务', 64),
    phone: z
      .string({ error: '手机号必须是文字' })
      .trim()
      .regex(/^[0-9+\- ]{5,20}$/, '手机号格式不对')
      .optional(),
    password: z.string({ error: '密码必须是文字' }).min(8, '密码至少 8 位').max(200, '密码过长').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.role === 'deputy' && !v.level) ctx.addIssue({ code: 'custom', path: ['level'], message: '代表请填写代表层级' });
    if (v.role !== 'deputy' && (v.level || v.delegation || v.electoralUnit)) ctx.addIssue({ code: 'custom', path: ['level'], message: '代表层级、代表团、选区只用于代表' });
    if (v.role === 'staff' && !v.department) ctx.addIssue({ code: 'custom', path: ['department'], message: '承办单位工作人员请填写单位代码' });
    if (v.password && v.role !== 'staff' && v.role !== 'office') ctx.addIssue({ code: 'custom', path: ['password'], message: '只有承办单位和人大工作人员用密码登录，代表和群众请用邀请码绑定微信' });
  });
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/** An account as the office sees it after creating or importing it. */
export const UserView = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  region: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
  department: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
  station: z.object({ id: z.number(), name: z.string() }).nullable(),
  phone: z.string().nullable(),
  post: z.string().nullable(),
  deputy: z.object({ level: z.enum(DEPUTY_LEVELS), levelLabel: z.string(), delegation: z.string() }).nullable(),
  wechatLinked: z.boolean(),
  active: z.boolean(),
});
export type UserView = z.infer<typeof UserView>;

/** `POST /api/users/:username/invitation`: the one-time code (shown once), its deadline, a link and its QR code. */
export const InvitationResponse = z.object({
  code: z.string(),
  expiresAt: z.string(),
  url: z.string(),
  qr: z.string(),
});
export type InvitationResponse = z.infer<typeof InvitationResponse>;

/** What a roster import did: rows new, updated, unchanged and refused (with reasons and row numbers). */
export const RosterImportSummary = z.object({
  kind: z.enum(ROSTER_KINDS),
  total: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  refused: z.number(),
  reasons: z.array(z.object({ reason: z.string(), count: z.number(), rows: z.array(z.number()) })),
  /** The usernames given to new accounts (first 200), so the office can invite them. */
  newUsers: z.array(z.object({ row: z.number(), username: z.string(), name: z.string() })),
});
export type RosterImportSummary = z.infer<typeof RosterImportSummary>;
