import { CardFactory, type Activity, type Middleware, type TurnContext } from 'botbuilder-core';

/** Teams shows at most 3 suggested actions, and only in personal chats. */
const TEAMS_SUGGESTED_LIMIT = 3;

/**
 * Makes a reply's buttons usable in Teams: when Teams would hide some of its suggested actions
 * (more than 3, or a team channel or group chat, where it shows none), the buttons move to a
 * Hero card under the message. Other channels get the reply unchanged.
 *
 * @example
 * forTeams({ text: 'Hi', suggestedActions: { actions: fiveButtons, to: [] } }, false) // hero card with 5 buttons
 */
export function forTeams(activity: Partial<Activity>, isGroup: boolean): Partial<Activity> {
  const actions = activity.suggestedActions?.actions ?? [];
  if (actions.length === 0 || (!isGroup && actions.length <= TEAMS_SUGGESTED_LIMIT)) return activity;
  const { suggestedActions: _dropped, ...rest } = activity;
  return { ...rest, attachments: [...(activity.attachments ?? []), CardFactory.heroCard('', undefined, actions)] };
}

/** Applies `forTeams` to everything the bot sends in Teams. */
export class TeamsButtonsMiddleware implements Middleware {
  // Not async: outside Teams (most turns) it only hands over to the next middleware.
  onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.channelId === 'msteams') {
      const isGroup = context.activity.conversation?.isGroup === true;
      context.onSendActivities(async (_ctx, activities, send) => {
        activities.splice(0, activities.length, ...activities.map((a) => forTeams(a, isGroup)));
        return send();
      });
    }
    return next();
  }
}
