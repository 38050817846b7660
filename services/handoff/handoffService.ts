import type { Clock } from '../clock.js';
import { byPriority } from './casePriority.js';
import type { CaseStore } from './caseStore.js';
import { HandoffError } from './handoffError.js';
import type { CaseStatus, HandoffCase, NewCase } from './handoffCase.js';
import { redactProofs } from './redactProofs.js';
import type { SupportHours } from './supportHours.js';

/** What the customer must be told about their case; the customer side words it in their language. */
export type CustomerNotice =
  | { kind: 'claimed'; agent: string }
  | { kind: 'agent-message'; agent: string; text: string }
  | { kind: 'released' }
  | { kind: 'closed'; resolution: string }
  | { kind: 'no-agent'; backAt: Date | undefined };

/**
 * What became of a notice: shown in the customer's conversation, kept until the customer's
 * channel picks it up (the terminal, another process), or lost (the channel refused it).
 */
export type NoticeDelivery = 'delivered' | 'waiting-for-pickup' | 'failed';

/** Delivers notices to a customer's conversation (proactive messages). */
export interface CustomerNotifier {
  notify(handoffCase: HandoffCase, notice: CustomerNotice): Promise<NoticeDelivery>;
}

export interface HandoffSettings {
  /** How long a case waits before the customer is told no agent is free. */
  waitMs: number;
  /** Closed cases are deleted this long after closing. */
  retentionMs: number;
  /** Transcript lines kept per case (the latest ones). @default 50 */
  transcriptLines?: number;
  /** Messages kept per case (the latest ones). @default 500 */
  messageLines?: number;
  /** Longest text kept per line; longer text is cut. @default 2000 */
  maxTextLength?: number;
}

export interface HandoffServiceOptions {
  store: CaseStore;
  clock: Clock;
  hours: SupportHours;
  settings: HandoffSettings;
  notifier?: CustomerNotifier;
  /** Told of the cases the purge deleted, to delete what else is kept about them (notices awaiting pick-up). */
  onPurged?: (cases: HandoffCase[]) => Promise<void>;
}

/** What opening a case tells the customer side. */
export interface OpenedCase {
  handoffCase: HandoffCase;
  /** Whether agents are at their desks now. */
  open: boolean;
  /** When they are back, when they are not. */
  backAt: Date | undefined;
  /** The expected wait in minutes while open. */
  expectedWaitMinutes: number;
}

type Listener = (handoffCase: HandoffCase) => void;

/**
 * Human handoff rules: cases, the queue, who holds what, and what the customer is told. Knows
 * nothing of channels: the customer side and the agent desk call it, and it reaches the
 * customer through the notifier it is given.
 *
 * @example
 * const { handoffCase } = await handoff.open({ conversationKey, lang: 'fr', channel: 'webchat', reason: 'asked', summary, address, transcript });
 * await handoff.claim(handoffCase.id, 'marie');
 */
export class HandoffService {
  private readonly listeners = new Set<Listener>();
  private notifier: CustomerNotifier | undefined;

  constructor(private readonly options: HandoffServiceOptions) {
    this.notifier = options.notifier;
  }

  /** Set once the channel side exists (the wiring builds the adapter after the service). */
  useNotifier(notifier: CustomerNotifier): void {
    this.notifier = notifier;
  }

  get hours(): SupportHours {
    return this.options.hours;
  }

  /** Called after every change of a case (the desk's live queue). Returns the unsubscribe. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async open(input: NewCase): Promise<OpenedCase> {
    const now = this.now();
    const lines = this.options.settings.transcriptLines ?? 50;
    const at = this.options.clock.now();
    const open = this.options.hours.isOpen(at);
    const handoffCase = await this.options.store.create((id) => ({
      id,
      status: 'waiting',
      createdAt: now,
      updatedAt: now,
      conversationKey: input.conversationKey,
      lang: input.lang,
      channel: input.channel,
      reason: input.reason,
      summary: this.clean(input.summary),
      ...(input.contract ? { contract: input.contract } : {}),
      address: input.address,
      transcript: input.transcript.slice(-lines).map((l) => ({ ...l, text: this.clean(l.text) })),
      messages: [],
      notes: [],
      // Told at once when agents are away: the wait reminder would only repeat it.
      ...(open ? {} : { noAgentNoticeAt: now }),
    }));
    this.changed(handoffCase);
    const waiting = await this.options.store.countWaiting(handoffCase.id);
    return {
      handoffCase,
      open,
      backAt: open ? undefined : this.options.hours.nextOpening(at),
      expectedWaitMinutes: Math.max(1, Math.round(this.options.settings.waitMs / 60_000)) * (waiting + 1),
    };
  }

  get(id: string): Promise<HandoffCase | undefined> {
    return this.options.store.get(id);
  }

  async require(id: string): Promise<HandoffCase> {
    const found = await this.options.store.get(id);
    if (!found) throw new HandoffError('not-found', `no case ${id}`);
    return found;
  }

  /** Cases with this status (all when undefined), waiting ones in queue order. */
  async list(status?: CaseStatus): Promise<HandoffCase[]> {
    const all = await this.options.store.list(status === 'closed' ? 'closed' : status ? 'open' : 'all');
    const chosen = status ? all.filter((c) => c.status === status) : all;
    return chosen.sort((a, b) => statusRank(a) - statusRank(b) || (a.status === 'waiting' ? byPriority(a, b) : b.updatedAt.localeCompare(a.updatedAt)));
  }

  /** Waiting cases, most urgent first. */
  queue(): Promise<HandoffCase[]> {
    return this.list('waiting');
  }

  /** The agent takes the case; a second agent is refused (`claimed-by-other`). */
  async claim(id: string, agent: string): Promise<HandoffCase> {
    let fresh = false;
    const claimed = await this.change(id, (c) => {
      if (c.status === 'closed') throw new HandoffError('closed', `${id} is closed`);
      if (c.status === 'assigned' && c.agent !== agent) throw new HandoffError('claimed-by-other', `${id} is held by another agent`);
      fresh = c.status === 'waiting';
      return { ...c, status: 'assigned', agent };
    });
    if (fresh) await this.tell(claimed, { kind: 'claimed', agent });
    return claimed;
  }

  /** An agent's reply, relayed to the customer. */
  async reply(id: string, agent: string, text: string): Promise<{ handoffCase: HandoffCase; delivery: NoticeDelivery }> {
    const clean = this.required(text);
    const handoffCase = await this.change(id, (c) => {
      this.mustHold(c, agent);
      return this.withMessage(c, { from: 'agent', author: agent, text: clean, at: this.now() });
    });
    const delivery = await this.tell(handoffCase, { kind: 'agent-message', agent, text: clean });
    return { handoffCase, delivery };
  }

  /** An internal note: kept with the case, never sent to the customer. */
  async note(id: string, agent: string, text: string): Promise<HandoffCase> {
    const clean = this.required(text);
    return this.change(id, (c) => ({ ...c, notes: [...c.notes, { agent, text: clean, at: this.now() }] }));
  }

  /** The agent hands the conversation back to the bot; the case ends. */
  async release(id: string, agent: string): Promise<HandoffCase> {
    const released = await this.change(id, (c) => {
      this.mustHold(c, agent);
      return this.closed(c, 'released', undefined);
    });
    await this.tell(released, { kind: 'released' });
    return released;
  }

  /** Closes the case with its resolution, which the customer is told. Anyone may close a waiting case. */
  async close(id: string, agent: string, resolution: string): Promise<HandoffCase> {
    const clean = this.required(resolution);
    const done = await this.change(id, (c) => {
      if (c.status === 'assigned') this.mustHold(c, agent);
      if (c.status === 'closed') throw new HandoffError('closed', `${id} is already closed`);
      return { ...this.closed(c, 'resolved', clean), agent: c.agent ?? agent };
    });
    await this.tell(done, { kind: 'closed', resolution: clean });
    return done;
  }

  /** A customer's message while the case is open (for the agent). */
  customerMessage(id: string, text: string): Promise<HandoffCase> {
    const clean = this.clean(text);
    return this.change(id, (c) => {
      if (c.status === 'closed') throw new HandoffError('closed', `${id} is closed`);
      return this.withMessage(c, { from: 'customer', text: clean, at: this.now() });
    });
  }

  /** The customer went back to the bot ("cancel"). */
  cancelByCustomer(id: string): Promise<HandoffCase> {
    return this.change(id, (c) => (c.status === 'closed' ? c : this.closed(c, 'cancelled', undefined)));
  }

  /** A contact-centre platform took the case (handoff.status accepted). */
  acceptedByPlatform(id: string, platform: string): Promise<HandoffCase> {
    return this.change(id, (c) => (c.status === 'closed' ? c : { ...c, status: 'assigned', agent: platform }));
  }

  /** The contact-centre platform finished (handoff.status completed). */
  completedByPlatform(id: string): Promise<HandoffCase> {
    return this.change(id, (c) => (c.status === 'closed' ? c : this.closed(c, 'platform', undefined)));
  }

  /** The customer left an e-mail address for a reply. */
  leaveEmail(id: string, email: string): Promise<HandoffCase> {
    return this.change(id, (c) => ({ ...c, email: email.trim() }));
  }

  /** Records that the customer was told no agent is free yet, so they are told once. */
  markNoAgentNotice(id: string): Promise<HandoffCase> {
    return this.change(id, (c) => ({ ...c, noAgentNoticeAt: this.now() }));
  }

  /**
   * Tells the customers whose case waited longer than the configured wait (or who wait while
   * agents are away) when agents are back; each customer once. Returns the cases told.
   */
  async remindOverdue(): Promise<HandoffCase[]> {
    const now = this.options.clock.now();
    const due = (await this.queue()).filter((c) => !c.noAgentNoticeAt && Date.parse(c.createdAt) + this.options.settings.waitMs <= now.getTime());
    const told: HandoffCase[] = [];
    for (const c of due) {
      // Every instance runs this timer: only the one whose write marks the case tells the customer.
      let mine = false;
      const marked = await this.change(c.id, (fresh) => {
        mine = !fresh.noAgentNoticeAt;
        return mine ? { ...fresh, noAgentNoticeAt: this.now() } : fresh;
      });
      if (!mine) continue;
      await this.tell(marked, { kind: 'no-agent', backAt: this.options.hours.nextOpening(now) });
      told.push(marked);
    }
    return told;
  }

  /** Deletes the cases closed longer ago than the retention period; returns their ids. */
  async purge(): Promise<string[]> {
    const limit = this.options.clock.now().getTime() - this.options.settings.retentionMs;
    const old = (await this.options.store.list('closed')).filter((c) => c.status === 'closed' && c.closedAt !== undefined && Date.parse(c.closedAt) <= limit);
    const ids = old.map((c) => c.id);
    await this.options.store.remove(ids);
    if (old.length > 0) await this.options.onPurged?.(old);
    return ids;
  }

  private async change(id: string, rule: (c: HandoffCase) => HandoffCase): Promise<HandoffCase> {
    const next = await this.options.store.update(id, (c) => ({ ...rule(c), updatedAt: this.now() }));
    this.changed(next);
    return next;
  }

  private async tell(handoffCase: HandoffCase, notice: CustomerNotice): Promise<NoticeDelivery> {
    if (!this.notifier) return 'failed';
    return this.notifier.notify(handoffCase, notice);
  }

  private changed(handoffCase: HandoffCase): void {
    for (const listener of this.listeners) listener(handoffCase);
  }

  private mustHold(c: HandoffCase, agent: string): void {
    if (c.status === 'closed') throw new HandoffError('closed', `${c.id} is closed`);
    if (c.status !== 'assigned' || c.agent !== agent) throw new HandoffError('not-holder', `claim ${c.id} first`);
  }

  private closed(c: HandoffCase, endedBy: NonNullable<HandoffCase['endedBy']>, resolution: string | undefined): HandoffCase {
    const now = this.now();
    return { ...c, status: 'closed', endedBy, closedAt: now, ...(resolution !== undefined ? { resolution } : {}) };
  }

  private withMessage(c: HandoffCase, message: HandoffCase['messages'][number]): HandoffCase {
    const max = this.options.settings.messageLines ?? 500;
    return { ...c, messages: [...c.messages, message].slice(-max) };
  }

  /** Text as kept: proofs of purchase hidden, cut to the longest line kept. */
  private clean(text: string): string {
    return redactProofs(text.trim()).slice(0, this.options.settings.maxTextLength ?? 2000);
  }

  private required(text: string): string {
    const clean = this.clean(text);
    if (clean === '') throw new HandoffError('invalid', 'the text is empty');
    return clean;
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }
}

function statusRank(c: HandoffCase): number {
  return c.status === 'waiting' ? 0 : c.status === 'assigned' ? 1 : 2;
}
