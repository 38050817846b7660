import type { Activity } from 'botbuilder';

/** Sends one message to a running bot with deliveryMode expectReplies and returns its replies. */
export async function sendTurn(
  baseUrl: string,
  text: string,
  who: { conversationId: string; userId: string; locale?: string; serviceUrl?: string },
): Promise<Array<Partial<Activity>>> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `m-${Date.now()}-${Math.random()}`,
      text,
      locale: who.locale ?? 'en-US',
      channelId: 'webchat',
      serviceUrl: who.serviceUrl ?? 'http://127.0.0.1:1',
      deliveryMode: 'expectReplies',
      from: { id: who.userId },
      recipient: { id: 'bot' },
      conversation: { id: who.conversationId },
    }),
  });
  if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}: ${await res.text()}`);
  const body: unknown = await res.json();
  if (typeof body !== 'object' || body === null || !('activities' in body) || !Array.isArray(body.activities)) throw new Error('no activities in the reply');
  return body.activities;
}
