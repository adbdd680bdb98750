/** Notifications and their outbox, notices, questionnaires, meetings, and the job bookkeeping. */
import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const str = (n: number, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });
const int = (allowNull = true) => ({ type: DataTypes.INTEGER, allowNull });
const text = (allowNull = true) => ({ type: DataTypes.TEXT, allowNull });
const date = (allowNull = true) => ({ type: DataTypes.DATE, allowNull });
const bool = (defaultValue: boolean) => ({ type: DataTypes.BOOLEAN, allowNull: false, defaultValue });

/** Creates the tables of notices, questionnaires, meetings, notifications, outbox and jobs. */
export async function up({ context: qi }: { context: QueryInterface }) {
  const create = (name: string, attrs: Parameters<QueryInterface['createTable']>[1]) =>
    qi.createTable(name, attrs, { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' });

  await create('notifications', {
    id,
    userId: int(false),
    kind: str(48),
    title: str(255),
    body: text(false),
    refType: str(32, true),
    refId: int(),
    readAt: date(),
    dedupeKey: str(190),
    createdAt: date(false),
  });
  await qi.addIndex('notifications', ['dedupeKey'], { unique: true });
  await qi.addIndex('notifications', ['userId', 'readAt']);
  await qi.addIndex('notifications', ['refType', 'refId']);

  await create('outbox', {
    id,
    notificationId: int(false),
    userId: int(false),
    channel: str(16),
    status: str(16),
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    nextAttemptAt: date(false),
    claimedUntil: date(),
    lastError: text(),
    idempotencyKey: str(128),
    createdAt: date(false),
    sentAt: date(),
  });
  await qi.addIndex('outbox', ['idempotencyKey'], { unique: true });
  await qi.addIndex('outbox', ['channel', 'status', 'nextAttemptAt']);

  await create('notices', {
    id,
    title: str(255),
    body: text(false),
    audience: text(false),
    createdByUserId: int(false),
    regionId: int(),
    publishedAt: date(false),
  });
  await qi.addIndex('notices', ['regionId']);

  await create('questionnaires', {
    id,
    kind: str(16),
    title: str(255),
    description: text(false),
    audience: text(false),
    questions: text(false),
    rules: text(false),
    anonymous: bool(false),
    opensAt: date(false),
    closesAt: date(false),
    createdByUserId: int(false),
    regionId: int(),
    createdAt: date(false),
  });
  await qi.addIndex('questionnaires', ['regionId']);

  await create('questionnaire_recipients', { id, questionnaireId: int(false), userId: int(false) });
  await qi.addIndex('questionnaire_recipients', ['questionnaireId', 'userId'], { unique: true });
  await qi.addIndex('questionnaire_recipients', ['userId']);

  await create('responses', {
    id,
    questionnaireId: int(false),
    userId: int(false),
    answers: text(false),
    createdAt: date(false),
    updatedAt: date(false),
  });
  await qi.addIndex('responses', ['questionnaireId', 'userId'], { unique: true });

  await create('meetings', {
    id,
    kind: str(16),
    title: str(255),
    agenda: text(false),
    place: str(255),
    startsAt: date(false),
    endsAt: date(false),
    checkinCode: str(16),
    state: str(16),
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    createdByUserId: int(false),
    regionId: int(),
    createdAt: date(false),
    updatedAt: date(false),
  });
  await qi.addIndex('meetings', ['startsAt']);
  await qi.addIndex('meetings', ['regionId']);

  await create('meeting_invitees', {
    id,
    meetingId: int(false),
    userId: int(false),
    rsvp: str(16),
    leaveReason: text(),
    leaveState: str(16, true),
    checkedInAt: date(),
    respondedAt: date(),
  });
  await qi.addIndex('meeting_invitees', ['meetingId', 'userId'], { unique: true });
  await qi.addIndex('meeting_invitees', ['userId']);

  await create('job_marks', { key: { type: DataTypes.STRING(190), primaryKey: true, allowNull: false }, job: str(48), createdAt: date(false) });
  await create('leases', { name: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false }, holder: str(128), expiresAt: date(false) });

  await qi.addColumn('users', 'system', bool(false));
}

/** Drops the tables of this migration. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('users', 'system');
  for (const t of ['leases', 'job_marks', 'meeting_invitees', 'meetings', 'responses', 'questionnaire_recipients', 'questionnaires', 'notices', 'outbox', 'notifications']) {
    await qi.dropTable(t);
  }
}
