/**
 * The jobs process: every minute (node-schedule) it takes or renews the leader lease and, if it is the
 * leader, runs every sweep. Sweeps ask core what is due and record what they sent, so a second runner or a
 * restart never sends twice; when the leader dies its lease expires and another runner takes over.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import schedule from 'node-schedule';
import type { Logger } from 'pino';
import type { CoreContext } from '../core/context';
import { deliverWechat } from '../core/notifications/wechatChannel';
import { refreshCalendar } from '../core/calendar/calendar';
import { pruneSignInAttempts } from '../core/auth/signInLimits';
import { pruneChatMessages } from '../core/chat/messages';
import { acquireLease, releaseLease } from '../core/sweeps/marks';
import { sweepQuestionnaireReminders, sweepMeetingReminders } from '../core/sweeps/reminders';
import { sweepRoutingRetrain } from '../core/sweeps/routingRetrain';
import { sweepCoOpinions, sweepDeadlineWarnings, sweepOverdue, sweepRedo } from '../core/suggestions/clocks';

export const LEASE_NAME = 'jobs-leader';

/** Every sweep, in the order they run. */
export const SWEEPS: [string, (ctx: CoreContext) => Promise<number>][] = [
  ['deadline-warnings', sweepDeadlineWarnings],
  ['overdue', sweepOverdue],
  ['co-opinions', sweepCoOpinions],
  ['redo', sweepRedo],
  ['meeting-reminders', sweepMeetingReminders],
  ['questionnaire-reminders', sweepQuestionnaireReminders],
  ['wechat-delivery', (ctx) => deliverWechat(ctx)],
  ['routing-retrain', sweepRoutingRetrain],
  ['sign-in-attempts', pruneSignInAttempts],
  ['chat-messages', pruneChatMessages],
];

export interface RunnerOptions {
  holder?: string;
  leaseMs?: number;
  logger?: Logger;
  /** Called after every tick with its result. */
  onTick?: (r: { holder: string; leader: boolean; results: Record<string, number> }) => void;
}

/** One jobs runner; several may run against one database, one leads. */
export class JobRunner {
  readonly holder: string;
  private readonly leaseMs: number;
  private job: schedule.Job | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly core: CoreContext,
    private readonly options: RunnerOptions = {},
  ) {
    this.holder = options.holder ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.leaseMs = options.leaseMs ?? 3 * 60_000;
  }

  /** Runs one round: lease, then every sweep if leader. Returns what each sweep did. */
  async tick(): Promise<{ leader: boolean; results: Record<string, number>; ms: Record<string, number> }> {
    const leader = await acquireLease(LEASE_NAME, this.holder, this.leaseMs, this.core.clock.now());
    const results: Record<string, number> = {};
    const ms: Record<string, number> = {};
    if (!leader) {
      this.options.onTick?.({ holder: this.holder, leader, results });
      return { leader, results, ms };
    }
    // Deadlines are judged with the holiday schedules as the admin last entered them (in any process).
    await refreshCalendar();
    for (const [name, sweep] of SWEEPS) {
      const t0 = performance.now();
      try {
        results[name] = await sweep(this.core);
      } catch (err) {
        results[name] = -1;
        this.options.logger?.error({ err, sweep: name }, 'sweep failed');
      }
      ms[name] = Math.round(performance.now() - t0);
    }
    const busy = Object.entries(results).filter(([, n]) => n !== 0);
    if (busy.length) this.options.logger?.info({ holder: this.holder, ...Object.fromEntries(busy) }, 'jobs');
    this.options.onTick?.({ holder: this.holder, leader, results });
    return { leader, results, ms };
  }

  /** Starts ticking every minute (and once now). */
  start(rule = '* * * * *'): void {
    const run = () => {
      if (this.running) return;
      this.running = this.tick()
        .catch((err) => this.options.logger?.error({ err }, 'jobs tick failed'))
        .finally(() => (this.running = null));
    };
    this.job = schedule.scheduleJob(rule, run);
    run();
  }

  /** Stops ticking, waits for a running round and hands the lease back. */
  async stop(): Promise<void> {
    this.job?.cancel();
    this.job = null;
    await this.running;
    await releaseLease(LEASE_NAME, this.holder);
  }
}
