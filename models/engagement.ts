/** Sequelize models of notifications, outbox, notices, questionnaires, meetings and job bookkeeping. */
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One in-app inbox entry of one person; `readAt` is the read receipt. */
export class NotificationModel extends Model<InferAttributes<NotificationModel>, InferCreationAttributes<NotificationModel>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare kind: string;
  declare title: string;
  declare body: string;
  declare refType: string | null;
  declare refId: number | null;
  declare readAt: Date | null;
  /** Unique per recipient and cause, so the same cause never notifies the same person twice. */
  declare dedupeKey: string;
  declare createdAt: Date;
}

/** One delivery of a notification on one channel, retried until sent or dead. */
export class OutboxModel extends Model<InferAttributes<OutboxModel>, InferCreationAttributes<OutboxModel>> {
  declare id: CreationOptional<number>;
  declare notificationId: number;
  declare userId: number;
  declare channel: string;
  declare status: string;
  declare attempts: CreationOptional<number>;
  declare nextAttemptAt: Date;
  declare claimedUntil: Date | null;
  declare lastError: string | null;
  declare idempotencyKey: string;
  declare createdAt: Date;
  declare sentAt: Date | null;
  /** Urgent deliveries go out during quiet hours too. */
  declare urgent: CreationOptional<boolean>;
}

/** A person's notification settings; no row means the defaults (every channel on, quiet hours on). */
export class NotificationSettingModel extends Model<InferAttributes<NotificationSettingModel>, InferCreationAttributes<NotificationSettingModel>> {
  declare userId: number;
  declare chat: boolean;
  declare wechat: boolean;
  declare quietHours: boolean;
  declare updatedAt: Date;
}

/** A notice (通知公告) to an audience. */
export class NoticeModel extends Model<InferAttributes<NoticeModel>, InferCreationAttributes<NoticeModel>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare body: string;
  declare audience: string;
  declare createdByUserId: number;
  declare regionId: number | null;
  declare publishedAt: Date;
}

/** A survey, ballot or evaluation: one engine, three uses. `questions` and `rules` are JSON. */
export class QuestionnaireModel extends Model<InferAttributes<QuestionnaireModel>, InferCreationAttributes<QuestionnaireModel>> {
  declare id: CreationOptional<number>;
  declare kind: string;
  declare title: string;
  declare description: string;
  declare audience: string;
  declare questions: string;
  declare rules: string;
  declare anonymous: boolean;
  declare opensAt: Date;
  declare closesAt: Date;
  declare createdByUserId: number;
  declare regionId: number | null;
  declare createdAt: Date;
}

/** Who was asked to answer a questionnaire (resolved from the audience at publication). */
export class RecipientModel extends Model<InferAttributes<RecipientModel>, InferCreationAttributes<RecipientModel>> {
  declare id: CreationOptional<number>;
  declare questionnaireId: number;
  declare userId: number;
}

/** One person's answers to one questionnaire; editable until it closes. */
export class ResponseModel extends Model<InferAttributes<ResponseModel>, InferCreationAttributes<ResponseModel>> {
  declare id: CreationOptional<number>;
  declare questionnaireId: number;
  declare userId: number;
  declare answers: string;
  declare createdAt: Date;
  declare updatedAt: Date;
}

/** A meeting or activity with invitees, a check-in code and a version that changes when it is rescheduled. */
export class MeetingModel extends Model<InferAttributes<MeetingModel>, InferCreationAttributes<MeetingModel>> {
  declare id: CreationOptional<number>;
  declare kind: string;
  declare title: string;
  declare agenda: string;
  declare place: string;
  declare startsAt: Date;
  declare endsAt: Date;
  declare checkinCode: string;
  declare state: string;
  declare version: CreationOptional<number>;
  declare createdByUserId: number;
  declare regionId: number | null;
  declare createdAt: Date;
  declare updatedAt: Date;
}

/** An invitee's answer (attend / leave request), the office's leave decision and the check-in time. */
export class InviteeModel extends Model<InferAttributes<InviteeModel>, InferCreationAttributes<InviteeModel>> {
  declare id: CreationOptional<number>;
  declare meetingId: number;
  declare userId: number;
  declare rsvp: string;
  declare leaveReason: string | null;
  declare leaveState: string | null;
  declare checkedInAt: Date | null;
  declare respondedAt: Date | null;
}

/** "Already done" marks of the job sweeps: a unique key per thing sent. */
export class JobMarkModel extends Model<InferAttributes<JobMarkModel>, InferCreationAttributes<JobMarkModel>> {
  declare key: string;
  declare job: string;
  declare createdAt: Date;
}

/** The jobs leader lease. */
export class LeaseModel extends Model<InferAttributes<LeaseModel>, InferCreationAttributes<LeaseModel>> {
  declare name: string;
  declare holder: string;
  declare expiresAt: Date;
}

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true };

/** Registers the engagement models on a Sequelize instance. */
export function defineEngagementModels(sequelize: Sequelize) {
  const opts = (tableName: string) => ({ sequelize, tableName, timestamps: false });
  NotificationModel.init(
    { id, userId: DataTypes.INTEGER, kind: DataTypes.STRING, title: DataTypes.STRING, body: DataTypes.TEXT, refType: DataTypes.STRING, refId: DataTypes.INTEGER, readAt: DataTypes.DATE, dedupeKey: DataTypes.STRING, createdAt: DataTypes.DATE },
    opts('notifications'),
  );
  OutboxModel.init(
    {
      id,
      notificationId: DataTypes.INTEGER,
      userId: DataTypes.INTEGER,
      channel: DataTypes.STRING,
      status: DataTypes.STRING,
      attempts: { type: DataTypes.INTEGER, defaultValue: 0 },
      nextAttemptAt: DataTypes.DATE,
      claimedUntil: DataTypes.DATE,
      lastError: DataTypes.TEXT,
      idempotencyKey: DataTypes.STRING,
      createdAt: DataTypes.DATE,
      sentAt: DataTypes.DATE,
      urgent: { type: DataTypes.BOOLEAN, defaultValue: false },
    },
    opts('outbox'),
  );
  NotificationSettingModel.init(
    { userId: { type: DataTypes.INTEGER, primaryKey: true }, chat: DataTypes.BOOLEAN, wechat: DataTypes.BOOLEAN, quietHours: DataTypes.BOOLEAN, updatedAt: DataTypes.DATE },
    opts('notification_settings'),
  );
  NoticeModel.init(
    { id, title: DataTypes.STRING, body: DataTypes.TEXT, audience: DataTypes.TEXT, createdByUserId: DataTypes.INTEGER, regionId: DataTypes.INTEGER, publishedAt: DataTypes.DATE },
    opts('notices'),
  );
  QuestionnaireModel.init(
    {
      id,
      kind: DataTypes.STRING,
      title: DataTypes.STRING,
      description: DataTypes.TEXT,
      audience: DataTypes.TEXT,
      questions: DataTypes.TEXT,
      rules: DataTypes.TEXT,
      anonymous: DataTypes.BOOLEAN,
      opensAt: DataTypes.DATE,
      closesAt: DataTypes.DATE,
      createdByUserId: DataTypes.INTEGER,
      regionId: DataTypes.INTEGER,
      createdAt: DataTypes.DATE,
    },
    opts('questionnaires'),
  );
  RecipientModel.init({ id, questionnaireId: DataTypes.INTEGER, userId: DataTypes.INTEGER }, opts('questionnaire_recipients'));
  ResponseModel.init(
    { id, questionnaireId: DataTypes.INTEGER, userId: DataTypes.INTEGER, answers: DataTypes.TEXT, createdAt: DataTypes.DATE, updatedAt: DataTypes.DATE },
    opts('responses'),
  );
  MeetingModel.init(
    {
      id,
      kind: DataTypes.STRING,
      title: DataTypes.STRING,
      agenda: DataTypes.TEXT,
      place: DataTypes.STRING,
      startsAt: DataTypes.DATE,
      endsAt: DataTypes.DATE,
      checkinCode: DataTypes.STRING,
      state: DataTypes.STRING,
      version: { type: DataTypes.INTEGER, defaultValue: 1 },
      createdByUserId: DataTypes.INTEGER,
      regionId: DataTypes.INTEGER,
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    opts('meetings'),
  );
  InviteeModel.init(
    {
      id,
      meetingId: DataTypes.INTEGER,
      userId: DataTypes.INTEGER,
      rsvp: DataTypes.STRING,
      leaveReason: DataTypes.TEXT,
      leaveState: DataTypes.STRING,
      checkedInAt: DataTypes.DATE,
      respondedAt: DataTypes.DATE,
    },
    opts('meeting_invitees'),
  );
  JobMarkModel.init({ key: { type: DataTypes.STRING, primaryKey: true }, job: DataTypes.STRING, createdAt: DataTypes.DATE }, opts('job_marks'));
  LeaseModel.init({ name: { type: DataTypes.STRING, primaryKey: true }, holder: DataTypes.STRING, expiresAt: DataTypes.DATE }, opts('leases'));
}
