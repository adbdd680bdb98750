/**
 * The dashboard's counts kept by the database as suggestions are written: `suggestion_tallies` holds, per key, how
 * many suggestions have it (and how many of them were answered, answered with a deadline, answered on time), and
 * triggers on `suggestions` move a row's count from its old key to its new one in the same transaction as the write
 * — whatever writes it (a use case, a sweep, an import, a bulk statement). Three grains of key:
 * - `all`: region, lead department, state, answer class, rating (the dashboard over every month);
 * - `month`: the same with the month of submission (Beijing time; a dashboard over a period of months);
 * - `share`: region, month, state, answer class, rating (the by-month and by-district figures).
 * Nothing here depends on the day: what is overdue is read from `suggestions (state, answerDueOn, …)`, a covering
 * index added here that also serves the overdue list. The tallies of the suggestions already stored are counted
 * once, as the migration runs (like building an index), then the triggers are created; the API is not running
 * during a migration. The earlier per-bucket counts (`dashboard_counts`, `dashboard_views`) are dropped.
 *
 * On MySQL the account that migrates needs the TRIGGER privilege, and with binary logging on, SUPER or
 * `log_bin_trust_function_creators = 1` (MySQL's rule for any trigger).
 */
import { DataTypes, type QueryInterface } from 'sequelize';

type Grain = 'all' | 'month' | 'share';
const GRAINS: Grain[] = ['all', 'month', 'share'];
const COLUMNS = ['k', 'grain', 'regionId', 'month', 'leadDepartmentId', 'state', 'latestAnswerClass', 'latestRating', 'n', 'answered', 'answeredWithDeadline', 'answeredOnTime'];
const SUMS = ['n', 'answered', 'answeredWithDeadline', 'answeredOnTime'];
/** The columns of `suggestions` a tally depends on: an update that changes none of them leaves the tallies alone. */
const INPUTS = ['state', 'regionId', 'leadDepartmentId', 'latestAnswerClass', 'latestRating', 'submittedAt', 'answeredAt', 'answerDueOn'];
const OVERDUE_INDEX = 'suggestions_state_answer_due_outcome';

/** The SQL expressions of one suggestion row's tally in `grain` (`r`: `NEW`, `OLD`, or a table alias), per dialect. */
function tallyOf(mysql: boolean, r: string, grain: Grain) {
  const month = mysql ? `DATE_FORMAT(${r}.submittedAt + INTERVAL 8 HOUR, '%Y-%m')` : `strftime('%Y-%m', ${r}.submittedAt, '+8 hours')`;
  const answeredDay = mysql ? `DATE(${r}.answeredAt + INTERVAL 8 HOUR)` : `date(${r}.answeredAt, '+8 hours')`;
  const bit = (cond: string) => `(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;
  const withDeadline = `${r}.answeredAt IS NOT NULL AND ${r}.answerDueOn IS NOT NULL`;
  const parts = [
    `'${grain}'`,
    `IFNULL(${r}.regionId, '')`,
    grain === 'all' ? "''" : `IFNULL(${month}, '')`,
    grain === 'share' ? "''" : `IFNULL(${r}.leadDepartmentId, '')`,
    `${r}.state`,
    `IFNULL(${r}.latestAnswerClass, '')`,
    `IFNULL(${r}.latestRating, '')`,
  ];
  const key = mysql ? `CONCAT_WS('|', ${parts.join(', ')})` : parts.join(" || '|' || ");
  return {
    key,
    values: [
      key,
      `'${grain}'`,
      `${r}.regionId`,
      grain === 'all' ? 'NULL' : month,
      grain === 'share' ? 'NULL' : `${r}.leadDepartmentId`,
      `${r}.state`,
      `${r}.latestAnswerClass`,
      `${r}.latestRating`,
    ],
    sums: ['1', bit(`${r}.answeredAt IS NOT NULL`), bit(withDeadline), bit(`${withDeadline} AND ${answeredDay} <= ${r}.answerDueOn`)],
  };
}

/** Adds one row's tally (`sign` 1) or takes it off (-1), in every grain: one upsert per grain. */
function upserts(mysql: boolean, r: 'NEW' | 'OLD', sign: 1 | -1): string[] {
  return GRAINS.map((grain) => {
    const t = tallyOf(mysql, r, grain);
    const sums = t.sums.map((s) => (sign < 0 ? `-${s}` : s));
    const merge = mysql ? SUMS.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ') : SUMS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ');
    const conflict = mysql ? `ON DUPLICATE KEY UPDATE ${merge}` : `ON CONFLICT(k) DO UPDATE SET ${merge}`;
    return `INSERT INTO suggestion_tallies (${COLUMNS.join(', ')}) VALUES (${[...t.values, ...sums].join(', ')}) ${conflict};`;
  });
}

/** The three triggers' statements for the dialect. */
function triggers(mysql: boolean): string[] {
  const unchanged = INPUTS.map((c) => (mysql ? `OLD.${c} <=> NEW.${c}` : `OLD.${c} IS NEW.${c}`)).join(' AND ');
  if (mysql) {
    return [
      `CREATE TRIGGER suggestions_tally_insert AFTER INSERT ON suggestions FOR EACH ROW BEGIN ${upserts(true, 'NEW', 1).join(' ')} END`,
      `CREATE TRIGGER suggestions_tally_update AFTER UPDATE ON suggestions FOR EACH ROW BEGIN IF NOT (${unchanged}) THEN ${[...upserts(true, 'OLD', -1), ...upserts(true, 'NEW', 1)].join(' ')} END IF; END`,
      `CREATE TRIGGER suggestions_tally_delete AFTER DELETE ON suggestions FOR EACH ROW BEGIN ${upserts(true, 'OLD', -1).join(' ')} END`,
    ];
  }
  return [
    `CREATE TRIGGER suggestions_tally_insert AFTER INSERT ON suggestions BEGIN ${upserts(false, 'NEW', 1).join(' ')} END`,
    `CREATE TRIGGER suggestions_tally_update AFTER UPDATE ON suggestions WHEN NOT (${unchanged}) BEGIN ${[...upserts(false, 'OLD', -1), ...upserts(false, 'NEW', 1)].join(' ')} END`,
    `CREATE TRIGGER suggestions_tally_delete AFTER DELETE ON suggestions BEGIN ${upserts(false, 'OLD', -1).join(' ')} END`,
  ];
}

/** Counts every stored suggestion into the tallies (one GROUP BY per grain). */
async function countStored(qi: QueryInterface, mysql: boolean): Promise<void> {
  for (const grain of GRAINS) {
    const t = tallyOf(mysql, 's', grain);
    const head = t.values.map((v, i) => (i === 0 ? v : `MIN(${v})`));
    await qi.sequelize.query(
      `INSERT INTO suggestion_tallies (${COLUMNS.join(', ')}) SELECT ${[...head, ...t.sums.map((x) => `SUM(${x})`)].join(', ')} FROM suggestions s GROUP BY ${t.key}`,
    );
  }
}

/** Creates suggestion_tallies, counts the stored suggestions into it, creates the triggers and the overdue index. */
export async function up({ context: qi }: { context: QueryInterface }) {
  const mysql = qi.sequelize.getDialect() === 'mysql';
  await qi.createTable(
    'suggestion_tallies',
    {
      k: { type: DataTypes.STRING(191), primaryKey: true, allowNull: false },
      grain: { type: DataTypes.STRING(8), allowNull: false },
      regionId: { type: DataTypes.INTEGER, allowNull: true },
      month: { type: DataTypes.STRING(7), allowNull: true },
      leadDepartmentId: { type: DataTypes.INTEGER, allowNull: true },
      state: { type: DataTypes.STRING(16), allowNull: false },
      latestAnswerClass: { type: DataTypes.STRING(1), allowNull: true },
      latestRating: { type: DataTypes.STRING(32), allowNull: true },
      n: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      answered: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      answeredWithDeadline: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      answeredOnTime: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    },
    { charset: 'utf8mb4', collate: 'utf8mb4_bin' },
  );
  await qi.addIndex('suggestion_tallies', ['grain', 'month'], { name: 'suggestion_tallies_grain_month' });
  await countStored(qi, mysql);
  for (const sql of triggers(mysql)) await qi.sequelize.query(sql);
  // Overdue figures and the overdue list from the index alone (it starts with the (state, answerDueOn) one's columns).
  await qi.addIndex('suggestions', ['state', 'answerDueOn', 'leadDepartmentId', 'regionId', 'submittedAt', 'answeredAt'], { name: OVERDUE_INDEX });
  await qi.removeIndex('suggestions', 'suggestions_state_answer_due');
  await qi.dropTable('dashboard_counts');
  await qi.dropTable('dashboard_views');
}

/** Drops the triggers and the tallies, and puts back the (state, answerDueOn) index and the per-bucket tables. */
export async function down({ context: qi }: { context: QueryInterface }) {
  for (const name of ['suggestions_tally_insert', 'suggestions_tally_update', 'suggestions_tally_delete']) await qi.sequelize.query(`DROP TRIGGER IF EXISTS ${name}`);
  await qi.dropTable('suggestion_tallies');
  await qi.addIndex('suggestions', ['state', 'answerDueOn'], { name: 'suggestions_state_answer_due' });
  await qi.removeIndex('suggestions', OVERDUE_INDEX);
  const { up: perBucket } = await import('./020-dashboard-counts');
  await perBucket({ context: qi });
}
