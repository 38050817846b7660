import { ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { DialogSet, WaterfallDialog } from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import { DIALOG_MEMORY_KEY } from '../../bot/renewalBot.js';

function aTurn(adapter: TestAdapter): TurnContext {
  return new TurnContext(adapter, {
    type: 'message', text: 'hi', channelId: 'test', serviceUrl: 'http://localhost',
    conversation: { id: 'c1', isGroup: false, name: '', conversationType: 'personal' }, from: { id: 'u1', name: 'u1' }, recipient: { id: 'bot', name: 'bot' },
  });
}

describe('dialog memory configuration reuse', () => {
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty('dialogState'));
  dialogs.add(new WaterfallDialog('w', [async (step) => step.endDialog()]));

  it('is kept by botbuilder-dialogs under the key RenewalBot reads it from', async () => {
    const context = aTurn(new TestAdapter());
    await dialogs.createContext(context);
    expect(context.turnState.get(DIALOG_MEMORY_KEY)).toMatchObject({ memoryScopes: expect.any(Array), pathResolvers: expect.any(Array) });
  });

  it('is used as given when a turn starts with it: the dialog context builds none', async () => {
    const first = aTurn(new TestAdapter());
    await dialogs.createContext(first);
    const configuration: unknown = first.turnState.get(DIALOG_MEMORY_KEY);
    const second = aTurn(new TestAdapter());
    second.turnState.set(DIALOG_MEMORY_KEY, configuration);
    const dc = await dialogs.createContext(second);
    expect(dc.state.configuration).toBe(configuration);
    await dc.beginDialog('w');
  });
});
