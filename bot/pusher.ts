/**
 * Pushes: the bot pulls its due deliveries from the API outbox, sends each through its transport within the
 * transport's rate limit (a WeCom group robot allows 20 messages a minute), and acknowledges each at once.
 * Deliveries are claimed for a minute; one not acknowledged (a crash) comes back after that, so nothing is lost;
 * the acknowledgement right after sending keeps repeats to that narrow window, and each delivery carries an
 * idempotency key for transports that can deduplicate.
 */
import type { ApiClient, ChatDeliveryItem } from '../contracts/client';

export interface PusherOptions {
  transport: string;
  /** Sends one message to a chat user; throws on failure. */
  send: (chatUserId: string, text: string, d: ChatDeliveryItem) => Promise<void>;
  perMinute?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Formats a delivery as a chat message. */
export function pushText(d: ChatDeliveryItem): string {
  return d.body ? `【${d.title}】\n${d.body}` : `【${d.title}】`;
}

/** One transport's pusher. */
export class Pusher {
  private sent: number[] = [];
  private readonly perMinute: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly service: () => Promise<ApiClient>,
    private readonly o: PusherOptions,
  ) {
    this.perMinute = o.perMinute ?? 20;
    this.now = o.now ?? Date.now;
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  private async slot(): Promise<void> {
    for (;;) {
      const t = this.now();
      this.sent = this.sent.filter((s) => t - s < 60_000);
      if (this.sent.length < this.perMinute) {
        this.sent.push(t);
        return;
      }
      await this.sleep(60_000 - (t - this.sent[0]) + 1);
    }
  }

  /** Pulls once and delivers what is due; returns how many were sent. */
  async runOnce(limit = 50): Promise<number> {
    const api = await this.service();
    const { items } = await api.pullDeliveries(this.o.transport, limit);
    let sent = 0;
    for (const d of items) {
      if (!d.chatUserId) {
        await api.ackDelivery(d.id, false, '接收人没有绑定这个聊天渠道', true);
        continue;
      }
      await this.slot();
      try {
        await this.o.send(d.chatUserId, pushText(d), d);
        await api.ackDelivery(d.id, true);
        sent += 1;
      } catch (e) {
        // A transport's error can be long (a stack, an HTML page): the API keeps 2000 characters of it.
        await api.ackDelivery(d.id, false, (e instanceof Error ? e.message : String(e)).slice(0, 2000));
      }
    }
    return sent;
  }
}
