import type { HandoffCase } from './handoffCase.js';
import type { CustomerNotice, CustomerNotifier, NoticeDelivery } from './handoffService.js';
import type { PendingNotices } from './pendingNotices.js';

/**
 * Sends each notice the way the customer's channel can receive it: through the adapter
 * (Web Chat, Teams, the embedded Direct Line), or, for channels another process serves (the
 * terminal of `npm run chat`), into the storage where that process picks it up.
 */
export class PickupRouter implements CustomerNotifier {
  constructor(
    private readonly direct: CustomerNotifier,
    private readonly pending: PendingNotices,
    /** Channel ids served by another process (`console`). */
    private readonly pickupChannels: ReadonlySet<string>,
  ) {}

  async notify(handoffCase: HandoffCase, notice: CustomerNotice): Promise<NoticeDelivery> {
    if (!this.pickupChannels.has(handoffCase.channel)) return this.direct.notify(handoffCase, notice);
    await this.pending.add(handoffCase.conversationKey, handoffCase.id, notice);
    return 'waiting-for-pickup';
  }
}
