/**
 * The chat bot: the intent table and the understanding layer (pure), the engine and issue 12's chat examples
 * against the real API (console transport and Wechaty with puppet-mock), the WeCom callback, the Wechaty
 * transport, the web simulator and the pusher.
 * Run as one jest file (test/helpers/caseFiles.ts): each case file in ./bot keeps its own suites and databases.
 */
import path from 'node:path';
import { runCaseFiles } from './helpers/caseFiles';

runCaseFiles(path.join(__dirname, 'bot'), 8);
