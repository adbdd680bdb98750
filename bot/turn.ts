/** What a command or a flow step gets for one message: who is talking, what they meant, how to answer. */
import type { ApiClient } from '../contracts/client';
import type { IncomingMessage } from './engine';
import type { Directory } from './directory';
import type { Understanding } from './nlu/understand';
import type { ChatSession, Flow } from './session';

export interface Turn {
  msg: IncomingMessage;
  u: Understanding;
  /** The API as the person talking. */
  api: ApiClient;
  role: string;
  name: string;
  /** The session as it was when the message arrived. */
  session: ChatSession;
  /** Answers: in a group, `private` replies go to the private chat with a short note in the group. */
  say(text: string, o?: { private?: boolean }): void;
  /**
   * Stores the conversation state (null ends it). Returns false when the stored state had expired meanwhile:
   * the engine then tells the person and nothing of the old state is acted on.
   */
  commit(next: ChatSession | null): Promise<boolean>;
  /** Starts or replaces the active flow, keeping a parked draft and noting the group it started in. */
  start(flow: Flow): Promise<boolean>;
  /** Ends the active flow (a parked draft stays). */
  finish(): Promise<boolean>;
  /** Runs another intent with its slots for the same message (after a question was answered). */
  rerun(intent: string, slots: Understanding['slots']): Promise<void>;
  directory: Directory;
  now(): Date;
}

/** A command: what one intent does. */
export interface Command {
  run(t: Turn): Promise<void>;
}
