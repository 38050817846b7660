import { ActionTypes, type CardAction } from 'botbuilder-core';

/**
 * A button that sends its label back as the user's message, so the choice shows in the
 * transcript and goes through the same understanding as typed text.
 */
export function replyButton(label: string): CardAction {
  return { type: ActionTypes.ImBack, title: label, value: label };
}

export function linkButton(label: string, url: string): CardAction {
  return { type: ActionTypes.OpenUrl, title: label, value: url };
}
