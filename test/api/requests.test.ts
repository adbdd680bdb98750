/**
 * The API's requests: sign-in and secrets (tokens, rate limits, WeChat sign-in), the service role, hostile and
 * edge-case input (never a 500), photos, the HTTP contract, the admin's endpoints and the holiday calendar.
 * Run as one jest file (test/helpers/caseFiles.ts): each case file in ./requests keeps its own suites and databases.
 */
import path from 'node:path';
import { runCaseFiles } from '../helpers/caseFiles';

runCaseFiles(path.join(__dirname, 'requests'), 9);
