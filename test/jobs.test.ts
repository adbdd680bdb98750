/**
 * The jobs runner: two real jobs processes on one database (one leader at a time, take-over after a kill),
 * the outbox's deliveries through a local imitation of WeChat (once, retried, dead letters), and the suggestion
 * clocks' sweeps (warnings, urge notice, order; a sweep run twice sends once).
 * Run as one jest file (test/helpers/caseFiles.ts): each case file in ./jobs keeps its own suites and databases.
 */
import path from 'node:path';
import { runCaseFiles } from './helpers/caseFiles';

runCaseFiles(path.join(__dirname, 'jobs'), 3);
