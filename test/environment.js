/**
 * Jest's node environment, plus — when LVZHI_TEST_PROFILE names a file — one JSON line per test file appended to
 * it: wall time, CPU of the jest process and of the processes it started and reaped (servers, Chromium, CLIs),
 * and the handles (timers, sockets, servers) the file left open in the worker. `node test/profileReport.mjs FILE`
 * prints the table. The measure of where a run's time goes (which files cost CPU, which leak handles). (Chromium's
 * renderers are not reaped by the worker: their CPU is not in these figures.) A jest worker also leaves at once
 * when jest ends it (leaveWhenEnded below).
 */
const fs = require('node:fs');
const NodeEnvironment = require('jest-environment-node').TestEnvironment;

/** CPU milliseconds of this process and of its reaped children, from /proc (zero where there is no /proc). */
function cpu() {
  const self = process.cpuUsage();
  let children = 0;
  try {
    // Fields after the command name (which may hold spaces): cutime and cstime are the 14th and 15th.
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    children = ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    // not Linux
  }
  return { self: (self.user + self.system) / 1000, children };
}

/** Listening servers and open sockets of this process, as "server 127.0.0.1:4000" / "socket →127.0.0.1:3306". */
function sockets() {
  const out = [];
  for (const h of process._getActiveHandles()) {
    if (typeof h.listening === 'boolean' && typeof h.address === 'function' && h.listening) {
      const a = h.address();
      out.push(`server ${a && typeof a === 'object' ? `${a.address}:${a.port}` : a}`);
    } else if (typeof h.remotePort === 'number' || typeof h.remoteAddress === 'string') {
      out.push(`socket ${h.localPort}→${h.remoteAddress}:${h.remotePort}`);
    } else if (h && h.constructor && h.constructor.name !== 'WriteStream' && h.constructor.name !== 'ReadStream') {
      out.push(`${h.constructor.name}${typeof h.address === 'function' ? ` ${JSON.stringify(h.address())}` : ''}${h.listening !== undefined ? ` listening=${h.listening}` : ''}`);
    }
  }
  return out;
}

/** Open handles of this process by kind ("Timeout": 2, "TCPSocketWrap": 1 …). */
function resources() {
  const counts = {};
  for (const r of process.getActiveResourcesInfo()) if (r !== "Immediate") counts[r] = (counts[r] ?? 0) + 1;
  return counts;
}

/**
 * Once per jest worker (this file is loaded once per worker process): when jest ends the worker, it leaves as soon
 * as nothing holds it, with process.exit. Left to itself, Node tears the worker's whole environment down first,
 * the native objects of every test file it ran among it (sqlite3's, jieba's) and about 500 MB of heap: measured with
 * strace, a worker that had nothing left to do took 440 ms from jest's request to its exit, and jest, which waits
 * 500 ms and then kills it, printed "A worker process has failed to exit gracefully" in one run in two.
 * With LVZHI_TEST_PROFILE set, a worker that is still held open 200 ms after jest asked it to end appends what
 * holds it (a real leak: a timer, a socket, a child process) as an `{"exit": …}` line.
 */
let watchingEnd = false;
function leaveWhenEnded(profile) {
  // Only in a jest worker (jest-worker's child script), never in a process that runs the tests in band.
  if (watchingEnd || typeof process.send !== 'function' || !/jest-worker[\\/]build[\\/]processChild\.js$/.test(process.argv[1] ?? '')) return;
  watchingEnd = true;
  const onMessage = (m) => {
    // jest-worker's CHILD_MESSAGE_END
    if (!Array.isArray(m) || m[0] !== 2) return;
    process.removeListener('message', onMessage);
    process.once('beforeExit', () => process.exit(process.exitCode ?? 0));
    if (!profile) return;
    setTimeout(() => {
      const handles = process._getActiveHandles().map((h) => {
        const name = h?.constructor?.name ?? typeof h;
        if (name === 'ChildProcess') return `ChildProcess ${h.pid} ${h.spawnargs?.slice(0, 3).join(' ')}`;
        if (typeof h.remotePort === 'number') return `socket ${h.localPort}→${h.remoteAddress}:${h.remotePort}`;
        return name;
      });
      fs.appendFileSync(profile, `${JSON.stringify({ exit: process.pid, resources: process.getActiveResourcesInfo(), handles })}\n`);
    }, 200).unref();
  };
  process.on('message', onMessage);
}

class ProfiledEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
    this.profile = process.env.LVZHI_TEST_PROFILE;
    leaveWhenEnded(this.profile);
  }

  async setup() {
    await super.setup();
    if (!this.profile) return;
    this.started = { at: Date.now(), cpu: cpu(), resources: resources(), sockets: new Set(sockets()) };
  }

  async teardown() {
    if (this.profile && this.started) {
      const end = cpu();
      // Sockets and servers closed by the file's last hooks finish closing within a few ticks: what is still open
      // after a short pause is a leak (a handle that keeps the worker alive when jest wants it to exit).
      await new Promise((r) => setTimeout(r, 300));
      const after = resources();
      const left = {};
      for (const [kind, n] of Object.entries(after)) if (n > (this.started.resources[kind] ?? 0)) left[kind] = n - (this.started.resources[kind] ?? 0);
      const line = {
        file: this.testPath,
        pid: process.pid,
        start: this.started.at,
        wallMs: Date.now() - this.started.at,
        cpuMs: Math.round(end.self - this.started.cpu.self),
        childCpuMs: Math.round(end.children - this.started.cpu.children),
        left,
        sockets: sockets().filter((x) => !this.started.sockets.has(x)),
        // Everything still open in the worker (also what earlier files left): the last file of a worker shows what
        // keeps it from exiting when jest ends it ("A worker process has failed to exit gracefully").
        open: after,
      };
      fs.appendFileSync(this.profile, `${JSON.stringify(line)}\n`);
    }
    await super.teardown();
  }
}

module.exports = ProfiledEnvironment;
