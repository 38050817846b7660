import type { KnowledgeBase } from '../../knowledge/knowledgeBase.js';
import type { Clock } from '../../services/clock.js';
import type { ContractService } from '../../services/contracts/index.js';
import type { QuoteDeliveryService } from '../../services/quotes/index.js';
import type { VerificationService } from '../../services/verification/index.js';
import type { StateAccessors } from '../conversationData.js';
import type { LinkUrls } from '../replies/links.js';
import type { TurnUnderstanding } from '../turnUnderstanding.js';
import type { WalkthroughProgress } from './walkthroughProgress.js';

/** What the contract dialogs are handed by the wiring file. */
export interface ContractDialogDeps {
  kb: KnowledgeBase;
  understanding: TurnUnderstanding;
  state: StateAccessors;
  contracts: ContractService;
  verification: VerificationService;
  clock: Clock;
  links: LinkUrls;
  /** Sends quote requests to the reseller and tells where they stand. */
  quoteDelivery: QuoteDeliveryService;
  /** Walkthrough progress kept per contract (resumed on any device). */
  progress: WalkthroughProgress;
}
