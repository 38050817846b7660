import type { Activity, TurnContext } from 'botbuilder';
import type { PersonalChatOpener } from '../../../dialogs/contracts/personalChat.js';

/** What the group gate asked the opener: whose chat, from which conversation, and its first message. */
export interface OpenRequest {
  userId: string;
  conversationId: string;
  first: Partial<Activity>;
}

/** A personal chat opener that records each request and answers as the test says (opened or not). */
export class FakePersonalChat implements PersonalChatOpener {
  readonly requests: OpenRequest[] = [];

  constructor(private readonly opens: boolean) {}

  async open(context: TurnContext, first: Partial<Activity>): Promise<boolean> {
    this.requests.push({ userId: context.activity.from.id, conversationId: context.activity.conversation.id, first });
    return this.opens;
  }
}
