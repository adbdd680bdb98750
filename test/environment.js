/**
 * Jest's node environment, plus — when LVZHI_TEST_PROFILE names a file — one JSON line per test file appended to
 * it: wall time, CPU of the jest process and of the processes it started and reaped (servers, Chromium, CLIs),
 * and the handles (timers, sockets, servers) the file left open in the worker. `node test/profileReport.mjs FILE`
 * prints the table. The measure of where a run's time goes (which files cost CPU, which leak handles).
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

class ProfiledEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
    this.profile = process.env.LVZHI_TEST_PROFILE;
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
      };
      fs.appendFileSync(this.profile, `${JSON.stringify(line)}\n`);
    }
    await super.teardown();
  }
}

module.exports = ProfiledEnvironment;
