import type { ConversationReference } from 'botbuilder-core';
import { z } from 'zod';
import { customerAddressSchema, type CustomerAddress } from '../../services/handoff/index.js';

const account = z.object({ id: z.string(), name: z.string().default('') });

/** The parts of a conversation reference a proactive message needs, read back from storage. */
const referenceSchema = z.object({
  channelId: z.string(),
  serviceUrl: z.string(),
  locale: z.string().optional(),
  conversation: z.object({
    id: z.string(),
    name: z.string().default(''),
    isGroup: z.boolean().default(false),
    conversationType: z.string().default(''),
    tenantId: z.string().optional(),
  }),
  bot: account,
  user: account.optional(),
});

/** A conversation reference as the handoff domain keeps it: plain JSON. */
export function toAddress(reference: Partial<ConversationReference>): CustomerAddress {
  return customerAddressSchema.parse(JSON.parse(JSON.stringify(reference)));
}

/** The conversation reference kept with a case; undefined when it is not one. */
export function toReference(address: CustomerAddress): Partial<ConversationReference> | undefined {
  const parsed = referenceSchema.safeParse(address);
  return parsed.success ? parsed.data : undefined;
}
