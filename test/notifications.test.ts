/**
 * Notifications: the event → audience table, set-based fan-out to many recipients, and each person's
 * notification settings (channels, quiet hours).
 * Run as one jest file (test/helpers/caseFiles.ts): each case file in ./notifications keeps its own suites and databases.
 */
import path from 'node:path';
import { runCaseFiles } from './helpers/caseFiles';

runCaseFiles(path.join(__dirname, 'notifications'), 3);
