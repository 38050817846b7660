import { TurnContext, type ConversationReference, type Middleware } from 'botbuilder-core';

/**
 * Where each conversation can be reached later (proactive messages): the latest reference
 * seen per conversation id, in memory, the least recently seen forgotten first.
 */
export class ConversationReferences {
  private readonly references = new Map<string, Partial<ConversationReference>>();

  /** @param max references kept at most. @default 10000 */
  constructor(private readonly max = 10_000) {}

  remember(reference: Partial<ConversationReference>): void {
    const id = reference.conversation?.id;
    if (!id) return;
    this.references.delete(id);
    this.references.set(id, reference);
    if (this.references.size > this.max) {
      const oldest = this.references.keys().next();
      if (!oldest.done) this.references.delete(oldest.value);
    }
  }

  get(conversationId: string): Partial<ConversationReference> | undefined {
    return this.references.get(conversationId);
  }

  /** Adapter middleware that remembers the reference of every incoming activity, on every channel. */
  recorder(): Middleware {
    return {
      onTurn: async (context: TurnContext, next: () => Promise<void>) => {
        this.remember(TurnContext.getConversationReference(context.activity));
        await next();
      },
    };
  }
}
