import type { HandoffCase } from '../../services/handoff/index.js';

/** A case in a list: what the queue shows. The customer's address never leaves the server. */
export function caseSummary(c: HandoffCase) {
  return {
    id: c.id,
    status: c.status,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    lang: c.lang,
    channel: c.channel,
    reason: c.reason,
    summary: c.summary,
    contract: c.contract ?? null,
    agent: c.agent ?? null,
    waitingMessages: c.messages.filter((m) => m.from === 'customer').length,
  };
}

/** A case in full for an agent: context, transcript (proofs hidden), messages and notes. */
export function caseDetail(c: HandoffCase) {
  return {
    ...caseSummary(c),
    email: c.email ?? null,
    endedBy: c.endedBy ?? null,
    resolution: c.resolution ?? null,
    closedAt: c.closedAt ?? null,
    transcript: c.transcript,
    messages: c.messages,
    notes: c.notes,
  };
}
