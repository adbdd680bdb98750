/**
 * The bare baseline of `npm run bench:api`: Koa and the database driver alone (mysql2, or sqlite3), answering the
 * benchmark's URLs with the same page size, order and totals as the product — token check, the caller's row, the
 * page of summary columns, its total, the names on it; the detail with its tables; the dashboard as GROUP BYs.
 * No framework of ours, no ORM: what the database and Node can do, for the product to be compared with.
 * Run as a child process by bench/api.ts (env: DATABASE_URL, JWT_SECRET, PORT).
 */
import Koa from 'koa';
import jwt from 'jsonwebtoken';
import mysql from 'mysql2/promise';
import sqlite3 from 'sqlite3';

type Row = Record<string, unknown>;
interface Db {
  all(sql: string, params?: unknown[]): Promise<Row[]>;
}

function open(url: string): Db {
  if (url.startsWith('mysql://')) {
    const pool = mysql.createPool({ uri: url, connectionLimit: 10, timezone: 'Z', charset: 'utf8mb4' });
    return { all: async (sql, params = []) => (await pool.query(sql, params))[0] as Row[] };
  }
  const db = new sqlite3.Database(url.slice('sqlite:'.length), sqlite3.OPEN_READONLY);
  return { all: (sql, params = []) => new Promise((res, rej) => db.all(sql, params, (err, rows) => (err ? rej(err) : res(rows as Row[])))) };
}

const SUMMARY = 's.id, s.title, s.source, s.state, s.authorUserId, s.deputyUserId, s.regionId, s.leadDepartmentId, s.round, s.routing, s.submittedAt, s.assignedOn, s.returnDueOn, s.coOpinionDueOn, s.answerDueOn, s.redoDueOn, s.answeredAt, s.closedAt, s.createdAt, s.updatedAt';
const inList = (ids: number[]) => (ids.length ? ids.map(Number).join(',') : 'NULL');

async function main() {
  const url = process.env.DATABASE_URL!;
  const secret = process.env.JWT_SECRET!;
  const db = open(url);
  const app = new Koa();
  const regionIdsUnder = async (path: string) => (await db.all('SELECT id FROM regions WHERE path LIKE ?', [`${path}%`])).map((r) => Number(r.id));

  app.use(async (ctx) => {
    const token = /^Bearer (.+)$/.exec(ctx.get('authorization'))?.[1];
    let uid: number;
    try {
      uid = Number((jwt.verify(token ?? '', secret, { issuer: 'lvzhi' }) as jwt.JwtPayload).sub);
    } catch {
      ctx.status = 401;
      return;
    }
    const [user] = await db.all('SELECT u.id, u.role, u.departmentId, u.regionId, r.path FROM users u LEFT JOIN regions r ON r.id = u.regionId WHERE u.id = ?', [uid]);
    if (!user) {
      ctx.status = 401;
      return;
    }
    const officeWhere = async (): Promise<[string, unknown[]]> => {
      const path = String(user.path);
      const ids = await regionIdsUnder(path);
      const city = path.split('/').filter(Boolean).length === 1;
      // A city office whose subtree is every region sees everything but drafts.
      if (city && ids.length === Number((await db.all('SELECT COUNT(*) AS n FROM regions'))[0].n)) return [`s.state <> 'draft'`, []];
      return [`s.state <> 'draft' AND ${city ? `(s.regionId IN (${inList(ids)}) OR s.regionId IS NULL)` : `s.regionId IN (${inList(ids)})`}`, []];
    };
    const m = /^\/api\/suggestions(?:\/(\d+))?$/.exec(ctx.path);
    if (m && !m[1]) {
      const where: string[] = [];
      const params: unknown[] = [];
      // A department's page walks the updatedAt index testing each row; its total is read off the assignments.
      if (user.role === 'staff') {
        where.push('(SELECT COUNT(*) FROM suggestion_assignments a WHERE a.suggestionId = s.id AND a.departmentId = ?) > 0');
        params.push(user.departmentId);
      } else if (user.role === 'office') where.push((await officeWhere())[0]);
      if (ctx.query.overdue === 'true') {
        where.push(`s.state IN ('assigned', 'handling') AND s.answerDueOn < ?`);
        params.push(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
      }
      if (typeof ctx.query.region === 'string') {
        const [r] = await db.all('SELECT path FROM regions WHERE code = ?', [ctx.query.region]);
        if (!r) {
          ctx.status = 400;
          return;
        }
        where.push(`s.regionId IN (${inList(await regionIdsUnder(String(r.path)))})`);
      }
      const pageSize = Math.min(100, Number(ctx.query.pageSize ?? 20));
      const page = Math.max(1, Number(ctx.query.page ?? 1));
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const [rows, [{ n }]] = await Promise.all([
        db.all(`SELECT ${SUMMARY} FROM suggestions s ${w} ORDER BY s.updatedAt DESC, s.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, params),
        user.role === 'staff' && where.length === 1
          ? db.all('SELECT COUNT(DISTINCT suggestionId) AS n FROM suggestion_assignments WHERE departmentId = ?', [user.departmentId])
          : db.all(`SELECT COUNT(*) AS n FROM suggestions s ${w}`, params),
      ]);
      const userIds = [...new Set(rows.flatMap((r) => [r.authorUserId, r.deputyUserId]).filter((x) => x !== null))] as number[];
      const [users, depts, regions] = await Promise.all([
        db.all(`SELECT id, username, name FROM users WHERE id IN (${inList(userIds)})`),
        db.all(`SELECT id, code, name FROM departments WHERE id IN (${inList(rows.map((r) => Number(r.leadDepartmentId)).filter(Boolean))})`),
        db.all(`SELECT id, code, name, level FROM regions WHERE id IN (${inList(rows.map((r) => Number(r.regionId)).filter(Boolean))})`),
      ]);
      const byId = (xs: Row[]) => new Map(xs.map((x) => [Number(x.id), x]));
      const [u, d, g] = [byId(users), byId(depts), byId(regions)];
      ctx.body = {
        items: rows.map((r) => ({ ...r, author: u.get(Number(r.authorUserId)), deputy: u.get(Number(r.deputyUserId)) ?? null, lead: d.get(Number(r.leadDepartmentId)) ?? null, region: g.get(Number(r.regionId)) ?? null })),
        total: Number(n),
        page,
        pageSize,
      };
      return;
    }
    if (m && m[1]) {
      const id = Number(m[1]);
      const [s] = await db.all('SELECT s.*, r.path AS regionPath FROM suggestions s LEFT JOIN regions r ON r.id = s.regionId WHERE s.id = ?', [id]);
      if (!s) {
        ctx.status = 404;
        return;
      }
      const by = 'WHERE suggestionId = ? ORDER BY id';
      const [assignments, events, answers, ratings, cosigners, consultations, extensions, photos] = await Promise.all(
        ['suggestion_assignments', 'suggestion_events', 'answers', 'ratings', 'suggestion_cosigners', 'consultations', 'extensions', 'photos'].map((t) =>
          db.all(`SELECT ${t === 'photos' ? 'id' : '*'} FROM ${t} ${by}`, [id]),
        ),
      );
      if (user.role === 'staff' && !assignments.some((a) => Number(a.departmentId) === Number(user.departmentId))) {
        ctx.status = 404;
        return;
      }
      const userIds = [s.authorUserId, s.deputyUserId, s.citizenUserId, ...ratings.map((r) => r.userId), ...cosigners.map((c) => c.userId)].filter((x) => x !== null);
      const deptIds = [...assignments.map((a) => a.departmentId), ...answers.map((a) => a.departmentId), s.leadDepartmentId].filter((x) => x !== null);
      const [users, depts] = await Promise.all([
        db.all(`SELECT id, username, name FROM users WHERE id IN (${inList(userIds as number[])})`),
        db.all(`SELECT id, code, name FROM departments WHERE id IN (${inList(deptIds as number[])})`),
      ]);
      ctx.body = { ...s, assignments, events, answers, ratings, cosigners, consultations, extensions, photos, users, departments: depts };
      return;
    }
    if (ctx.path === '/api/stats/suggestions') {
      const [w] = await officeWhere();
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const base = `FROM suggestions s WHERE ${w} AND s.state NOT IN ('draft', 'received', 'replied')`;
      const [byState, byDept, byRegion, ratings, classes] = await Promise.all([
        db.all(`SELECT s.state, COUNT(*) AS n ${base} GROUP BY s.state`),
        db.all(
          `SELECT s.leadDepartmentId, COUNT(*) AS n, SUM(CASE WHEN s.answeredAt IS NOT NULL THEN 1 ELSE 0 END) AS answered, SUM(CASE WHEN s.state IN ('assigned','handling') AND s.answerDueOn < ? THEN 1 ELSE 0 END) AS overdue ${base} GROUP BY s.leadDepartmentId`,
          [today],
        ),
        db.all(`SELECT s.regionId, COUNT(*) AS n ${base} GROUP BY s.regionId`),
        db.all(`SELECT r.rating, COUNT(*) AS n FROM ratings r JOIN suggestions s ON s.id = r.suggestionId WHERE ${w} GROUP BY r.rating`),
        db.all(`SELECT a.answerClass, COUNT(*) AS n FROM answers a JOIN suggestions s ON s.id = a.suggestionId WHERE ${w} AND a.state = 'published' GROUP BY a.answerClass`),
      ]);
      ctx.body = { byState, byDept, byRegion, ratings, classes };
      return;
    }
    ctx.status = 404;
  });
  const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
  server.keepAliveTimeout = 60_000;
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
