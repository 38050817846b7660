import type { Activity, TurnContext } from 'botbuilder-core';
// The botbuilder index loads skills, streaming and more; the event factory is all we need here.
import { EventFactory } from 'botbuilder/lib/eventFactory.js';
import type { HandoffCase } from '../../services/handoff/index.js';

/** What a contact-centre platform receives with `handoff.initiate`. */
export interface HandoffContext {
  caseId: string;
  language: string;
  channel: string;
  reason: string;
  summary: string;
  contract?: HandoffCase['contract'];
}

/**
 * The Bot Framework handoff event (`handoff.initiate`) for a platform connected to the channel
 * (Dynamics 365 Omnichannel, Genesys, LivePerson…), with the case's context and its transcript
 * (proofs already hidden).
 */
export function handoffInitiation(context: TurnContext, handoffCase: HandoffCase): Activity {
  const handoffContext: HandoffContext = {
    caseId: handoffCase.id,
    language: handoffCase.lang,
    channel: handoffCase.channel,
    reason: handoffCase.reason,
    summary: handoffCase.summary,
    ...(handoffCase.contract ? { contract: handoffCase.contract } : {}),
  };
  const { activity } = context;
  const activities: Activity[] = handoffCase.transcript.map((line, i) => ({
    type: 'message',
    id: `${handoffCase.id}-${i}`,
    text: line.text,
    timestamp: new Date(line.at),
    from: line.from === 'customer' ? activity.from : activity.recipient,
    recipient: line.from === 'customer' ? activity.recipient : activity.from,
    conversation: activity.conversation,
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    localTimezone: '',
    callerId: '',
    label: '',
    valueType: '',
    listenFor: [],
  }));
  return EventFactory.createHandoffInitiation(context, handoffContext, { activities });
}
