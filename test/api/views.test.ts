/**
 * What the API shows: addressees and their QR codes, audience counts, Beijing times, the dashboard and its
 * figures, lists and search, similar suggestions, the office's texts, the plain words each audience reads, and a
 * whole lifecycle over HTTP.
 * Run as one jest file (test/helpers/caseFiles.ts): each case file in ./views keeps its own suites and databases.
 */
import path from 'node:path';
import { runCaseFiles } from '../helpers/caseFiles';

runCaseFiles(path.join(__dirname, 'views'), 10);
