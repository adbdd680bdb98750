/** Sequelize model definitions. The schema itself is created by the migrations in `migrations/`. */
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** An area of the region tree: city → district/county → town/street. `path` is `/1/4/17/` for subtree scoping. */
export class RegionModel extends Model<InferAttributes<RegionModel>, InferCreationAttributes<RegionModel>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare name: string;
  declare level: string;
  declare parentId: number | null;
  declare path: CreationOptional<string>;
}

/** A liaison station (town) or point (village/community). */
export class StationModel extends Model<InferAttributes<StationModel>, InferCreationAttributes<StationModel>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare kind: string;
  declare regionId: number;
  declare address: string;
  /** A deactivated station is kept (suggestions point at it) but no longer listed or addressable. */
  declare active: CreationOptional<boolean>;
}

/** An organisation that handles suggestions. `keywords` is a JSON array of routing keywords. */
export class DepartmentModel extends Model<InferAttributes<DepartmentModel>, InferCreationAttributes<DepartmentModel>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare name: string;
  declare kind: string;
  declare duties: string;
  declare keywords: string;
  /** Other names people use for it (JSON array of strings; null = none). */
  declare aliases: CreationOptional<string | null>;
  declare active: CreationOptional<boolean>;
}

/** Anyone who signs in. Staff belong to one department, office to one region. */
export class UserModel extends Model<InferAttributes<UserModel>, InferCreationAttributes<UserModel>> {
  declare id: CreationOptional<number>;
  declare username: string;
  declare passwordHash: string | null;
  declare role: string;
  declare name: string;
  declare regionId: number | null;
  declare departmentId: number | null;
  declare stationId: number | null;
  declare wechatOpenid: string | null;
  /** Mobile number as the congress keeps it (the natural key of imported people, with role and name). */
  declare phone: CreationOptional<string | null>;
  /** Post (职务) within the department or office. */
  declare post: CreationOptional<string | null>;
  declare active: CreationOptional<boolean>;
  /** The jobs' own account: acts in timelines ("系统自动催办"), never signs in. */
  declare system: CreationOptional<boolean>;
}

/** A deputy's profile as the congress keeps it. */
export class DeputyModel extends Model<InferAttributes<DeputyModel>, InferCreationAttributes<DeputyModel>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare name: string;
  declare gender: string;
  declare ethnicity: string;
  declare birthYear: number;
  declare party: string;
  declare education: string;
  declare level: string;
  declare delegation: string;
  declare electoralUnit: string;
  declare occupation: string;
  declare workUnit: string;
  declare post: string;
  declare phone: string | null;
  declare stationId: number | null;
  declare regionId: number | null;
  declare term: string;
}

/** A suggestion, or a citizen's opinion addressed to a deputy or station. Due dates are `YYYY-MM-DD`. */
export class SuggestionModel extends Model<InferAttributes<SuggestionModel>, InferCreationAttributes<SuggestionModel>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare body: string;
  declare source: string;
  declare state: string;
  declare authorUserId: number;
  declare deputyUserId: number | null;
  declare citizenUserId: number | null;
  declare addressedDeputyUserId: number | null;
  declare addressedStationId: number | null;
  declare regionId: number | null;
  declare leadDepartmentId: number | null;
  declare round: CreationOptional<number>;
  declare routing: string | null;
  declare routingNeedsReview: boolean | null;
  declare rejectReason: string | null;
  declare submittedAt: Date | null;
  declare assignedAt: Date | null;
  declare assignedOn: string | null;
  declare returnDueOn: string | null;
  declare coOpinionDueOn: string | null;
  declare answerDueOn: string | null;
  declare redoDueOn: string | null;
  declare answeredAt: Date | null;
  declare latestAnswerClass: string | null;
  declare latestRating: string | null;
  declare closedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/**
 * A co-signer (附议) of a joint suggestion: `invited` by the author (the co-signer accepts or declines), or a
 * `request` of a deputy to join (the author approves or declines). `status`: pending, accepted, declined.
 */
export class CosignerModel extends Model<InferAttributes<CosignerModel>, InferCreationAttributes<CosignerModel>> {
  declare id: CreationOptional<number>;
  declare suggestionId: number;
  declare userId: number;
  declare kind: CreationOptional<string>;
  declare status: CreationOptional<string>;
  declare note: CreationOptional<string | null>;
  declare askedAt: CreationOptional<Date | null>;
  declare respondedAt: CreationOptional<Date | null>;
}

/** A department's part in a suggestion: lead (主办) or co-handler (协办). Inactive once returned or re-routed. */
export class AssignmentModel extends Model<InferAttributes<AssignmentModel>, InferCreationAttributes<AssignmentModel>> {
  declare id: CreationOptional<number>;
  declare suggestionId: number;
  declare departmentId: number;
  declare role: string;
  declare active: boolean;
  declare assignedAt: Date;
  declare signedAt: Date | null;
  declare returnedAt: Date | null;
  declare returnReason: string | null;
  declare opinion: string | null;
  declare opinionAt: Date | null;
}

/** One row of a suggestion's timeline: who did what, when, from which state to which. */
export class SuggestionEventModel extends Model<InferAttributes<SuggestionEventModel>, InferCreationAttributes<SuggestionEventModel>> {
  declare id: CreationOptional<number>;
  declare suggestionId: number;
  declare actorUserId: number;
  declare actorName: string;
  declare actorRole: string;
  declare action: string;
  declare fromState: string | null;
  declare toState: string | null;
  declare note: string | null;
  declare data: string | null;
  declare createdAt: Date;
}

/** A consultation (面商) with the deputy before answering. */
export class ConsultationModel extends Model<InferAttributes<ConsultationModel>, InferCreationAttributes<ConsultationModel>> {
  declare id: CreationOptional<number>;
  declare suggestionId: number;
  declare departmentId: number;
  declare userId: number;
  declare method: string;
  declare happenedOn: string;
  declare summary: string;
  declare createdAt: Date;
}

/** An extension request and the office's decision. */
export class ExtensionModel extends Model<InferAttributes<ExtensionModel>, InferCreationAttributes<ExtensionModel>> {
  declare id: CreationOptional<number>;
  declare suggestionId: number;
  declare departmentId: number;
  declare requestedByUserId: number;
  declare months: number;
  declare reason: string;
  declare state: string;
  declare fromDueOn: string;
  declare toDueOn: string;
  declare decidedByUserId: number | null;
  declare decidedAt: Date | null;
  declare note: string | null;
  declare createdAt: Date;
}

/** An answer of one round: drafted, then published. */
export class AnswerModel extends Model<InferAttributes<AnswerModel>, InferCreationAttributes<AnswerModel>> {
  declare id: CreationOptional<number>;
  declare suggestionId: number;
  declare departmentId: number;
  declare authorUserId: number;
  declare round: number;
  declare answerClass: string;
  declare text: string;
  declare state: string;
  declare publishedAt: Date | null;
}

/** A rating of the answer of one round. */
export class RatingModel extends Model<InferAttributes<RatingModel>, InferCreationAttributes<RatingModel>> {
  declare id: CreationOptional<number>;
  declare suggestionId: number;
  declare userId: number;
  declare raterRole: string;
  declare round: number;
  declare rating: string;
  declare comment: string | null;
  declare createdAt: Date;
}

/** A labelled routing example: text and the department that turned out to be right (or wrong, for returns). */
export class RoutingExampleModel extends Model<InferAttributes<RoutingExampleModel>, InferCreationAttributes<RoutingExampleModel>> {
  declare id: CreationOptional<number>;
  /** The suggestion's title (null on rows from before titles were kept: then the first line of `text`). */
  declare title: CreationOptional<string | null>;
  declare text: string;
  declare departmentCode: string;
  declare label: string;
  declare source: string;
  declare suggestionId: number | null;
  declare createdAt: Date;
}

/**
 * One version of the department routing model: the serialised classifier, what it was trained on and how it
 * scored on held-out examples. Exactly one row is `current`; others are `retired` (were current), `rejected`
 * (scored worse than the current one) — any of them can be made current again.
 */
export class RoutingModelVersion extends Model<InferAttributes<RoutingModelVersion>, InferCreationAttributes<RoutingModelVersion>> {
  declare id: CreationOptional<number>;
  declare status: string;
  declare reason: string;
  declare note: string | null;
  declare createdBy: number | null;
  declare createdAt: Date;
  declare activatedAt: Date | null;
  declare activatedBy: number | null;
  /** The newest labelled example this model has seen (so a retrain knows whether anything is new). */
  declare lastExampleId: number;
  declare summary: string;
  declare scores: string;
  declare model: string;
}

/** A photo handed in with an opinion or suggestion; unattached (suggestionId null) until the item is created. */
export class PhotoModel extends Model<InferAttributes<PhotoModel>, InferCreationAttributes<PhotoModel>> {
  declare id: CreationOptional<number>;
  declare suggestionId: number | null;
  declare uploaderUserId: number;
  declare contentType: string;
  declare size: number;
  declare data: Buffer;
  declare createdAt: Date;
}

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };

/** Registers every model on a Sequelize instance. */
export function defineModels(sequelize: Sequelize) {
  // MEDIUMTEXT on MySQL (TEXT stops at 64 KB); SQLite has one TEXT type.
  const longText = sequelize.getDialect() === 'mysql' ? DataTypes.TEXT('medium') : DataTypes.TEXT;
  const opts = (tableName: string, timestamps = true) => ({ sequelize, tableName, timestamps });
  RegionModel.init(
    { id, code: DataTypes.STRING(32), name: DataTypes.STRING(64), level: DataTypes.STRING(16), parentId: DataTypes.INTEGER, path: DataTypes.STRING(255) },
    opts('regions'),
  );
  StationModel.init(
    { id, name: DataTypes.STRING(128), kind: DataTypes.STRING(16), regionId: DataTypes.INTEGER, address: DataTypes.STRING(255), active: { type: DataTypes.BOOLEAN, defaultValue: true } },
    opts('stations'),
  );
  DepartmentModel.init(
    {
      id,
      code: DataTypes.STRING(32),
      name: DataTypes.STRING(128),
      kind: DataTypes.STRING(32),
      duties: DataTypes.TEXT,
      keywords: DataTypes.TEXT,
      aliases: { type: DataTypes.TEXT, allowNull: true },
      active: { type: DataTypes.BOOLEAN, defaultValue: true },
    },
    opts('departments'),
  );
  UserModel.init(
    {
      id,
      username: DataTypes.STRING(64),
      passwordHash: DataTypes.STRING(255),
      role: DataTypes.STRING(16),
      name: DataTypes.STRING(64),
      regionId: DataTypes.INTEGER,
      departmentId: DataTypes.INTEGER,
      stationId: DataTypes.INTEGER,
      wechatOpenid: DataTypes.STRING(128),
      phone: DataTypes.STRING(32),
      post: DataTypes.STRING(64),
      active: { type: DataTypes.BOOLEAN, defaultValue: true },
      system: { type: DataTypes.BOOLEAN, defaultValue: false },
    },
    opts('users'),
  );
  DeputyModel.init(
    {
      id,
      userId: DataTypes.INTEGER,
      name: DataTypes.STRING(64),
      gender: DataTypes.STRING(8),
      ethnicity: DataTypes.STRING(16),
      birthYear: DataTypes.INTEGER,
      party: DataTypes.STRING(32),
      education: DataTypes.STRING(32),
      level: DataTypes.STRING(16),
      delegation: DataTypes.STRING(64),
      electoralUnit: DataTypes.STRING(128),
      occupation: DataTypes.STRING(64),
      workUnit: DataTypes.STRING(128),
      post: DataTypes.STRING(64),
      phone: DataTypes.STRING(32),
      stationId: DataTypes.INTEGER,
      regionId: DataTypes.INTEGER,
      term: DataTypes.STRING(32),
    },
    opts('deputies'),
  );
  SuggestionModel.init(
    {
      id,
      title: DataTypes.STRING(255),
      body: longText,
      source: DataTypes.STRING(16),
      state: DataTypes.STRING(16),
      authorUserId: DataTypes.INTEGER,
      deputyUserId: DataTypes.INTEGER,
      citizenUserId: DataTypes.INTEGER,
      addressedDeputyUserId: DataTypes.INTEGER,
      addressedStationId: DataTypes.INTEGER,
      regionId: DataTypes.INTEGER,
      leadDepartmentId: DataTypes.INTEGER,
      round: { type: DataTypes.INTEGER, defaultValue: 1 },
      routing: DataTypes.TEXT,
      routingNeedsReview: DataTypes.BOOLEAN,
      rejectReason: DataTypes.TEXT,
      submittedAt: DataTypes.DATE,
      assignedAt: DataTypes.DATE,
      assignedOn: DataTypes.DATEONLY,
      returnDueOn: DataTypes.DATEONLY,
      coOpinionDueOn: DataTypes.DATEONLY,
      answerDueOn: DataTypes.DATEONLY,
      redoDueOn: DataTypes.DATEONLY,
      answeredAt: DataTypes.DATE,
      closedAt: DataTypes.DATE,
      latestAnswerClass: DataTypes.STRING(1),
      latestRating: DataTypes.STRING(32),
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    opts('suggestions'),
  );
  CosignerModel.init(
    {
      id,
      suggestionId: DataTypes.INTEGER,
      userId: DataTypes.INTEGER,
      kind: { type: DataTypes.STRING(16), defaultValue: 'invited' },
      status: { type: DataTypes.STRING(16), defaultValue: 'pending' },
      note: DataTypes.TEXT,
      askedAt: DataTypes.DATE,
      respondedAt: DataTypes.DATE,
    },
    opts('suggestion_cosigners', false),
  );
  AssignmentModel.init(
    {
      id,
      suggestionId: DataTypes.INTEGER,
      departmentId: DataTypes.INTEGER,
      role: DataTypes.STRING(8),
      active: DataTypes.BOOLEAN,
      assignedAt: DataTypes.DATE,
      signedAt: DataTypes.DATE,
      returnedAt: DataTypes.DATE,
      returnReason: DataTypes.TEXT,
      opinion: longText,
      opinionAt: DataTypes.DATE,
    },
    opts('suggestion_assignments', false),
  );
  SuggestionEventModel.init(
    {
      id,
      suggestionId: DataTypes.INTEGER,
      actorUserId: DataTypes.INTEGER,
      actorName: DataTypes.STRING(64),
      actorRole: DataTypes.STRING(16),
      action: DataTypes.STRING(32),
      fromState: DataTypes.STRING(16),
      toState: DataTypes.STRING(16),
      note: DataTypes.TEXT,
      data: DataTypes.TEXT,
      createdAt: DataTypes.DATE,
    },
    opts('suggestion_events', false),
  );
  ConsultationModel.init(
    {
      id,
      suggestionId: DataTypes.INTEGER,
      departmentId: DataTypes.INTEGER,
      userId: DataTypes.INTEGER,
      method: DataTypes.STRING(16),
      happenedOn: DataTypes.DATEONLY,
      summary: longText,
      createdAt: DataTypes.DATE,
    },
    opts('consultations', false),
  );
  ExtensionModel.init(
    {
      id,
      suggestionId: DataTypes.INTEGER,
      departmentId: DataTypes.INTEGER,
      requestedByUserId: DataTypes.INTEGER,
      months: DataTypes.INTEGER,
      reason: DataTypes.TEXT,
      state: DataTypes.STRING(16),
      fromDueOn: DataTypes.DATEONLY,
      toDueOn: DataTypes.DATEONLY,
      decidedByUserId: DataTypes.INTEGER,
      decidedAt: DataTypes.DATE,
      note: DataTypes.TEXT,
      createdAt: DataTypes.DATE,
    },
    opts('extensions', false),
  );
  AnswerModel.init(
    {
      id,
      suggestionId: DataTypes.INTEGER,
      departmentId: DataTypes.INTEGER,
      authorUserId: DataTypes.INTEGER,
      round: DataTypes.INTEGER,
      answerClass: DataTypes.STRING(1),
      text: longText,
      state: DataTypes.STRING(16),
      publishedAt: DataTypes.DATE,
    },
    opts('answers'),
  );
  RatingModel.init(
    {
      id,
      suggestionId: DataTypes.INTEGER,
      userId: DataTypes.INTEGER,
      raterRole: DataTypes.STRING(16),
      round: DataTypes.INTEGER,
      rating: DataTypes.STRING(32),
      comment: DataTypes.TEXT,
      createdAt: DataTypes.DATE,
    },
    opts('ratings', false),
  );
  RoutingExampleModel.init(
    {
      id,
      title: DataTypes.STRING(255),
      text: longText,
      departmentCode: DataTypes.STRING(32),
      label: DataTypes.STRING(16),
      source: DataTypes.STRING(16),
      suggestionId: DataTypes.INTEGER,
      createdAt: DataTypes.DATE,
    },
    opts('routing_examples', false),
  );
  RoutingModelVersion.init(
    {
      id,
      status: DataTypes.STRING(16),
      reason: DataTypes.STRING(16),
      note: DataTypes.STRING(255),
      createdBy: DataTypes.INTEGER,
      createdAt: DataTypes.DATE,
      activatedAt: DataTypes.DATE,
      activatedBy: DataTypes.INTEGER,
      lastExampleId: DataTypes.INTEGER,
      summary: DataTypes.TEXT,
      scores: DataTypes.TEXT,
      model: sequelize.getDialect() === 'mysql' ? DataTypes.TEXT('long') : DataTypes.TEXT,
    },
    opts('routing_models', false),
  );
  PhotoModel.init(
    {
      id,
      suggestionId: DataTypes.INTEGER,
      uploaderUserId: DataTypes.INTEGER,
      contentType: DataTypes.STRING(32),
      size: DataTypes.INTEGER,
      data: sequelize.getDialect() === 'mysql' ? DataTypes.BLOB('medium') : DataTypes.BLOB,
      createdAt: DataTypes.DATE,
    },
    opts('photos', false),
  );
}
