/** The first schema: regions, people, departments and the whole suggestion lifecycle. */
import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const stamps = { createdAt: { type: DataTypes.DATE, allowNull: false }, updatedAt: { type: DataTypes.DATE, allowNull: false } };
const created = { createdAt: { type: DataTypes.DATE, allowNull: false } };
const str = (n: number, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });
const int = (allowNull = true) => ({ type: DataTypes.INTEGER, allowNull });
const text = (allowNull = true) => ({ type: DataTypes.TEXT, allowNull });
const date = (allowNull = true) => ({ type: DataTypes.DATE, allowNull });
const day = (allowNull = true) => ({ type: DataTypes.DATEONLY, allowNull });

/** Creates every table and index of the first schema. */
export async function up({ context: qi }: { context: QueryInterface }) {
  const create = (name: string, attrs: Parameters<QueryInterface['createTable']>[1]) =>
    qi.createTable(name, attrs, { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' });
  // MEDIUMTEXT on MySQL (TEXT stops at 64 KB); SQLite has one TEXT type.
  const longText = (allowNull = true) => ({ type: qi.sequelize.getDialect() === 'mysql' ? DataTypes.TEXT('medium') : DataTypes.TEXT, allowNull });
  await create('regions', { id, code: str(32), name: str(64), level: str(16), parentId: int(), path: str(255), ...stamps });
  await qi.addIndex('regions', ['code'], { unique: true });
  await qi.addIndex('regions', ['path']);

  await create('stations', { id, name: str(128), kind: str(16), regionId: int(false), address: str(255), ...stamps });
  await qi.addIndex('stations', ['regionId']);

  await create('departments', {
    id,
    code: str(32),
    name: str(128),
    kind: str(32),
    duties: text(false),
    keywords: text(false),
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    ...stamps,
  });
  await qi.addIndex('departments', ['code'], { unique: true });

  await create('users', {
    id,
    username: str(64),
    passwordHash: str(255, true),
    role: str(16),
    name: str(64),
    regionId: int(),
    departmentId: int(),
    stationId: int(),
    wechatOpenid: str(128, true),
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    ...stamps,
  });
  await qi.addIndex('users', ['username'], { unique: true });
  await qi.addIndex('users', ['wechatOpenid'], { unique: true });
  await qi.addIndex('users', ['regionId']);
  await qi.addIndex('users', ['departmentId']);

  await create('deputies', {
    id,
    userId: int(false),
    name: str(64),
    gender: str(8),
    ethnicity: str(16),
    birthYear: int(false),
    party: str(32),
    education: str(32),
    level: str(16),
    delegation: str(64),
    electoralUnit: str(128),
    occupation: str(64),
    workUnit: str(128),
    post: str(64),
    phone: str(32, true),
    stationId: int(),
    regionId: int(),
    term: str(32),
    ...stamps,
  });
  await qi.addIndex('deputies', ['userId'], { unique: true });
  await qi.addIndex('deputies', ['regionId']);
  await qi.addIndex('deputies', ['stationId']);

  await create('suggestions', {
    id,
    title: str(255),
    body: longText(false),
    source: str(16),
    state: str(16),
    authorUserId: int(false),
    deputyUserId: int(),
    citizenUserId: int(),
    addressedDeputyUserId: int(),
    addressedStationId: int(),
    regionId: int(),
    leadDepartmentId: int(),
    round: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    routing: text(),
    routingNeedsReview: { type: DataTypes.BOOLEAN, allowNull: true },
    rejectReason: text(),
    submittedAt: date(),
    assignedAt: date(),
    assignedOn: day(),
    returnDueOn: day(),
    coOpinionDueOn: day(),
    answerDueOn: day(),
    redoDueOn: day(),
    answeredAt: date(),
    closedAt: date(),
    ...stamps,
  });
  for (const cols of [['state'], ['regionId'], ['leadDepartmentId'], ['deputyUserId'], ['citizenUserId'], ['authorUserId'], ['addressedDeputyUserId'], ['answerDueOn']]) {
    await qi.addIndex('suggestions', cols);
  }

  await create('suggestion_cosigners', { id, suggestionId: int(false), userId: int(false) });
  await qi.addIndex('suggestion_cosigners', ['suggestionId', 'userId'], { unique: true });
  await qi.addIndex('suggestion_cosigners', ['userId']);

  await create('suggestion_assignments', {
    id,
    suggestionId: int(false),
    departmentId: int(false),
    role: str(8),
    active: { type: DataTypes.BOOLEAN, allowNull: false },
    assignedAt: date(false),
    signedAt: date(),
    returnedAt: date(),
    returnReason: text(),
    opinion: longText(),
    opinionAt: date(),
  });
  await qi.addIndex('suggestion_assignments', ['suggestionId']);
  await qi.addIndex('suggestion_assignments', ['departmentId', 'active']);

  await create('suggestion_events', {
    id,
    suggestionId: int(false),
    actorUserId: int(false),
    actorName: str(64),
    actorRole: str(16),
    action: str(32),
    fromState: str(16, true),
    toState: str(16, true),
    note: text(),
    data: text(),
    ...created,
  });
  await qi.addIndex('suggestion_events', ['suggestionId']);

  await create('consultations', {
    id,
    suggestionId: int(false),
    departmentId: int(false),
    userId: int(false),
    method: str(16),
    happenedOn: day(false),
    summary: longText(false),
    ...created,
  });
  await qi.addIndex('consultations', ['suggestionId']);

  await create('extensions', {
    id,
    suggestionId: int(false),
    departmentId: int(false),
    requestedByUserId: int(false),
    months: int(false),
    reason: text(false),
    state: str(16),
    fromDueOn: day(false),
    toDueOn: day(false),
    decidedByUserId: int(),
    decidedAt: date(),
    note: text(),
    ...created,
  });
  await qi.addIndex('extensions', ['suggestionId']);

  await create('answers', {
    id,
    suggestionId: int(false),
    departmentId: int(false),
    authorUserId: int(false),
    round: int(false),
    answerClass: str(1),
    text: longText(false),
    state: str(16),
    publishedAt: date(),
    ...stamps,
  });
  await qi.addIndex('answers', ['suggestionId', 'round']);

  await create('ratings', {
    id,
    suggestionId: int(false),
    userId: int(false),
    raterRole: str(16),
    round: int(false),
    rating: str(32),
    comment: text(),
    ...created,
  });
  await qi.addIndex('ratings', ['suggestionId', 'round', 'userId'], { unique: true });

  await create('routing_examples', {
    id,
    text: longText(false),
    departmentCode: str(32),
    label: str(16),
    source: str(16),
    suggestionId: int(),
    ...created,
  });
  await qi.addIndex('routing_examples', ['departmentCode']);
}

/** Drops every table of the first schema. */
export async function down({ context: qi }: { context: QueryInterface }) {
  for (const t of [
    'routing_examples',
    'ratings',
    'answers',
    'extensions',
    'consultations',
    'suggestion_events',
    'suggestion_assignments',
    'suggestion_cosigners',
    'suggestions',
    'deputies',
    'users',
    'departments',
    'stations',
    'regions',
  ]) {
    await qi.dropTable(t);
  }
}
