/**
 * Each suggestion carries its latest outcome — the class of its latest published answer and the lead deputy's latest
 * rating — so that the dashboard counts shares with one scan of suggestions instead of a subquery per row.
 * Filled here from the answers and ratings already stored; kept by the publish-answer and rate use cases.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

/** Adds suggestions.latestAnswerClass and suggestions.latestRating and fills them. */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('suggestions', 'latestAnswerClass', { type: DataTypes.STRING(1), allowNull: true });
  await qi.addColumn('suggestions', 'latestRating', { type: DataTypes.STRING(32), allowNull: true });
  await qi.sequelize.query(`UPDATE suggestions SET
    latestAnswerClass = (SELECT a.answerClass FROM answers a WHERE a.suggestionId = suggestions.id AND a.state = 'published' ORDER BY a.round DESC, a.id DESC LIMIT 1),
    latestRating = (SELECT r.rating FROM ratings r WHERE r.suggestionId = suggestions.id AND r.raterRole = 'deputy' ORDER BY r.round DESC, r.id DESC LIMIT 1)
    WHERE answeredAt IS NOT NULL OR round > 1`);
}

/** Drops the two columns. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('suggestions', 'latestRating');
  await qi.removeColumn('suggestions', 'latestAnswerClass');
}
