import { TurnContext, type ChannelAccount, type ConversationAccount, type ConversationReference, type Middleware } from 'botbuilder-core';
import { LruCache } from '../../cache/lruCache.js';

/** Longest field kept in a reference; a reference with a longer id is not kept at all. */
const MAX_FIELD = 512;

/**
 * Where each conversation can be reached later (proactive messages): the latest reference
 * seen per conversation id, in memory, the least recently seen forgotten first. Only ids,
 * names and roles are kept, never the client's whole objects: a sender could otherwise park
 * hundreds of kilobytes per conversation here (440 such messages exhausted the heap).
 */
export class ConversationReferences {
  private readonly references: LruCache<string, Partial<ConversationReference>>;

  /** @param max references kept at most. @default 10000 */
  constructor(max = 10_000) {
    this.references = new LruCache(max);
  }

  remember(reference: Partial<ConversationReference>): void {
    const compact = compactReference(reference);
    const id = compact?.conversation?.id;
    if (!compact || !id) return;
    this.references.set(id, compact);
  }

  get(conversationId: string): Partial<ConversationReference> | undefined {
    return this.references.get(conversationId);
  }

  /** Adapter middleware that remembers the reference of every incoming activity, on every channel. */
  recorder(): Middleware {
    return {
      onTurn: (context: TurnContext, next: () => Promise<void>) => {
        this.remember(TurnContext.getConversationReference(context.activity));
        return next();
      },
    };
  }
}

/**
 * What a proactive message needs of a reference, each field a short string; undefined when an
 * id or the serviceUrl is missing or too long.
 *
 * @example
 * compactReference({ conversation: { id: 'c', isGroup: false, conversationType: 'personal', name: '', extra: 'x'.repeat(1e5) }, ... })
 */
export function compactReference(reference: Partial<ConversationReference>): Partial<ConversationReference> | undefined {
  const conversation = reference.conversation;
  const serviceUrl = reference.serviceUrl;
  if (!conversation || !fits(conversation.id) || !fits(serviceUrl) || !fits(reference.channelId)) return undefined;
  const user = reference.user && account(reference.user);
  const bot = reference.bot && account(reference.bot);
  if (user === undefined || bot === undefined) return undefined;
  const compactConversation: ConversationAccount = {
    id: conversation.id,
    name: short(conversation.name) ?? '',
    isGroup: conversation.isGroup === true,
    conversationType: short(conversation.conversationType) ?? '',
    ...(fits(conversation.tenantId) ? { tenantId: conversation.tenantId } : {}),
  };
  return {
    conversation: compactConversation,
    user,
    bot,
    channelId: reference.channelId,
    serviceUrl,
    ...(fits(reference.activityId) ? { activityId: reference.activityId } : {}),
    ...(short(reference.locale) ? { locale: short(reference.locale) } : {}),
  };
}

function account(value: ChannelAccount): ChannelAccount | undefined {
  if (!fits(value.id)) return undefined;
  return { id: value.id, name: short(value.name) ?? '', ...(short(value.role) ? { role: short(value.role) } : {}) };
}

function fits(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_FIELD;
}

function short(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, MAX_FIELD) : undefined;
}
