/**
 * Engagement: meetings (invitations, RSVP and leave, check-in, .ics, reminders), notices with read receipts,
 * and the questionnaire engine (surveys, ballots, evaluations; results and exports).
 * Run as one jest file (test/helpers/caseFiles.ts): each case file in ./engagement keeps its own suites and databases.
 */
import path from 'node:path';
import { runCaseFiles } from './helpers/caseFiles';

runCaseFiles(path.join(__dirname, 'engagement'), 3);
