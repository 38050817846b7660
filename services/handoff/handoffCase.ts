import { z } from 'zod';

/** waiting: in the queue; assigned: an agent (or a contact-centre platform) holds it; closed: done. */
export const CASE_STATUSES = ['waiting', 'assigned', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Why the conversation was handed over. */
export const HANDOFF_REASONS = ['asked', 'not-understood', 'locked-out', 'contract-failure'] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

export const CONTRACT_STATES = ['active', 'expiring', 'expired'] as const;

/** `CS-` and five digits: short enough to read over the phone. */
export const CASE_ID_PATTERN = /^CS-\d{5}$/;

const isoDateTime = z.iso.datetime();
const text = z.string();

export const caseMessageSchema = z.object({
  from: z.enum(['customer', 'agent', 'bot']),
  /** The agent's name for agent messages. */
  author: text.optional(),
  text,
  at: isoDateTime,
});
export type CaseMessage = z.infer<typeof caseMessageSchema>;

export const caseNoteSchema = z.object({ agent: text, text, at: isoDateTime });
export type CaseNote = z.infer<typeof caseNoteSchema>;

/** One line of the conversation before the handoff: what the customer and the bot said. */
export const transcriptLineSchema = z.object({ from: z.enum(['customer', 'bot']), text, at: isoDateTime });
export type TranscriptLine = z.infer<typeof transcriptLineSchema>;

/** The verified contract's standing when the case opened, for the queue's priority and the agent. */
export const caseContractSchema = z.object({
  renewalId: text,
  status: z.enum(CONTRACT_STATES),
  /** Days to the effective end; negative once expired. */
  daysLeft: z.number().int(),
  endDate: z.iso.date(),
});
export type CaseContract = z.infer<typeof caseContractSchema>;

/**
 * Where the customer is: a channel's own address for proactive messages (a Bot Framework
 * conversation reference, kept as plain JSON so this domain stays free of botbuilder types).
 */
export const customerAddressSchema = z.record(z.string(), z.unknown());
export type CustomerAddress = z.infer<typeof customerAddressSchema>;

export const handoffCaseSchema = z.object({
  id: z.string().regex(CASE_ID_PATTERN),
  status: z.enum(CASE_STATUSES),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** The conversation the case came from (channel id and conversation id). */
  conversationKey: text,
  lang: z.enum(['fr', 'en']),
  channel: text,
  reason: z.enum(HANDOFF_REASONS),
  summary: text,
  contract: caseContractSchema.optional(),
  address: customerAddressSchema,
  /** The agent holding the case. */
  agent: text.optional(),
  /** Set when an e-mail address was left for a reply. */
  email: text.optional(),
  /** When the customer was told that no agent is available yet (wait over or outside hours). */
  noAgentNoticeAt: isoDateTime.optional(),
  transcript: z.array(transcriptLineSchema),
  messages: z.array(caseMessageSchema),
  notes: z.array(caseNoteSchema),
  /** How a closed case ended: resolved by an agent, handed back to the bot, or cancelled by the customer. */
  endedBy: z.enum(['resolved', 'released', 'cancelled', 'platform']).optional(),
  resolution: text.optional(),
  closedAt: isoDateTime.optional(),
});
export type HandoffCase = z.infer<typeof handoffCaseSchema>;

/** What the customer side knows when it opens a case. */
export interface NewCase {
  conversationKey: string;
  lang: 'fr' | 'en';
  channel: string;
  reason: HandoffReason;
  summary: string;
  contract?: CaseContract;
  address: CustomerAddress;
  transcript: TranscriptLine[];
}
