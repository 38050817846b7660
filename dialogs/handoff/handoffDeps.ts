import type { TurnContext } from 'botbuilder-core';
import type { Logger } from 'pino';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase.js';
import type { Clock } from '../../services/clock.js';
import type { ContractService } from '../../services/contracts/index.js';
import type { HandoffService, TranscriptLog } from '../../services/handoff/index.js';
import type { StateAccessors } from '../conversationData.js';
import type { Translator } from '../translation.js';
import type { TurnUnderstanding } from '../turnUnderstanding.js';
import type { HandoffStateAccessor } from './handoffState.js';

/** Desk: cases go to the agent desk; event: the handoff.initiate event for a contact-centre platform; both. */
export const HANDOFF_MODES = ['desk', 'event', 'both'] as const;
export type HandoffMode = (typeof HANDOFF_MODES)[number];

/** What the customer side of the handoff is handed by the wiring file. */
export interface HandoffDeps {
  kb: KnowledgeBase;
  understanding: TurnUnderstanding;
  translator: Translator;
  state: StateAccessors;
  handoffState: HandoffStateAccessor;
  contracts: ContractService;
  handoff: HandoffService;
  clock: Clock;
  logger: Logger;
  mode: HandoffMode;
  /**
   * Whether the turn is a request the channel itself authenticated (production), the only
   * source a contact-centre platform's handoff.status may come from. @default never
   */
  fromAuthenticatedChannel?: (context: TurnContext) => boolean;
  /** Transcript lines remembered per conversation before a handoff. @default 50 */
  transcriptLines?: number;
  /** Where those lines are kept (not in conversation state, which is written every turn). */
  transcripts: TranscriptLog;
}
