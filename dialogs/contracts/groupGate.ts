import { MessageFactory, type Activity, type TurnContext } from 'botbuilder-core';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase.js';
import type { CommandName } from '../../knowledge/recognizer/commandWords.js';
import type { ConversationId } from '../../knowledge/schema.js';
import { replyButton } from '../replies/buttons.js';
import type { Translate } from '../translation.js';
import { isCommand, type Turn } from '../turnUnderstanding.js';
import type { PersonalChatOpener } from './personalChat.js';
import { holdsContractDetails, isSharedConversation } from './sharedConversation.js';

/** The intents whose dialogs ask for a proof and show a contract. */
const CONTRACT_INTENTS: ReadonlySet<string> = new Set<ConversationId>(['check-status', 'start-renewal']);
/** The words that resume, move or act in a contract's walkthrough. */
const CONTRACT_COMMANDS: readonly CommandName[] = ['whereWasI', 'resume', 'next', 'back', 'walkthrough', 'align', 'quote'];
/** Commands that carry on a renewal rather than look at a status. */
const RENEWAL_COMMANDS: readonly CommandName[] = ['whereWasI', 'resume', 'next', 'back', 'walkthrough', 'quote'];
/** A channel or chat name longer than this is cut in the first private message. */
const MAX_PLACE = 60;

export interface GroupGateOptions {
  kb: KnowledgeBase;
  /** Opens the personal chat where the channel allows it (Teams). */
  chats: PersonalChatOpener;
}

/**
 * Keeps contracts out of shared conversations (Teams channels and group chats, any conversation
 * marked as a group): there, every request that would ask for a proof, verify, or show a
 * contract's status, dates, walkthrough, alignment or quote is answered with an offer to continue
 * in a personal chat, which the bot opens itself where Teams allows. A message holding a renewal
 * ID or a proof is never repeated; the sender is asked not to post such details there. Questions,
 * help and a person stay available to the group.
 */
export class GroupGate {
  constructor(private readonly options: GroupGateOptions) {}

  /** Answers the message itself (true) when it asks for contract details in a shared conversation. */
  async handle(context: TurnContext, turn: Turn): Promise<boolean> {
    const { activity } = context;
    if (!isSharedConversation(activity)) return false;
    const posted = holdsContractDetails(activity);
    if (!posted && !asksForContract(turn)) return false;
    const opened = await this.options.chats.open(context, this.firstMessage(activity, turn));
    turn.log.info({ event: 'group-contract-request', privateChatOpened: opened, detailsPosted: posted }, 'contract request in a shared conversation: sent to a personal chat');
    const offer = opened
      ? turn.t('privateChat.sent')
      : turn.t(activity.channelId === 'msteams' ? 'privateChat.howToTeams' : 'privateChat.howTo', { bot: botName(activity, turn.t) });
    await context.sendActivity(posted ? `${turn.t('privateChat.dontPost')}\n\n${offer}` : offer);
    return true;
  }

  /** What the personal chat opens with: what the user asked, where, and how to go on. */
  private firstMessage(activity: Partial<Activity>, turn: Turn): Partial<Activity> {
    const renewal = turn.recognition.intent === 'start-renewal' || RENEWAL_COMMANDS.some((name) => isCommand(turn, name));
    const intent: ConversationId = renewal ? 'start-renewal' : 'check-status';
    const text = turn.t(renewal ? 'privateChat.first.renewal' : 'privateChat.first.status', { place: placeOf(activity, turn.t) });
    return MessageFactory.suggestedActions([replyButton(this.options.kb.title(intent, turn.lang))], text);
  }
}

function asksForContract(turn: Turn): boolean {
  const { intent, ambiguous } = turn.recognition;
  if (!ambiguous && CONTRACT_INTENTS.has(intent)) return true;
  return CONTRACT_COMMANDS.some((name) => isCommand(turn, name));
}

/** "the channel “Renewals”", "a group chat": where the request was made, as the user knows it. */
function placeOf(activity: Partial<Activity>, t: Translate): string {
  const name = cleanName(teamsChannelName(activity.channelData) ?? activity.conversation?.name);
  const kind = activity.conversation?.conversationType === 'channel' ? 'channel' : 'group';
  return name ? t(`privateChat.place.${kind}Named`, { name }) : t(`privateChat.place.${kind}`);
}

function botName(activity: Partial<Activity>, t: Translate): string {
  return cleanName(activity.recipient?.name) ?? t('privateChat.defaultBotName');
}

/** Teams puts a channel's name in channelData.channel.name (the General channel has none). */
function teamsChannelName(channelData: unknown): string | undefined {
  if (typeof channelData !== 'object' || channelData === null || !('channel' in channelData)) return undefined;
  const channel: unknown = channelData.channel;
  return typeof channel === 'object' && channel !== null && 'name' in channel && typeof channel.name === 'string' ? channel.name : undefined;
}

/** A name fit for one line of Markdown: no control or formatting characters, cut when long. */
function cleanName(name: string | undefined): string | undefined {
  const clean = (name ?? '').replace(/[\p{C}*_`~[\]<>#|\\]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_PLACE).trim();
  return clean === '' ? undefined : clean;
}
