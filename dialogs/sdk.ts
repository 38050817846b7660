/**
 * The parts of botbuilder-dialogs this bot uses, imported file by file. The package's index
 * also loads the Recognizers-Text suites for every culture (for number, date and choice
 * prompts we do not use): about 0.4 s of start-up and 30 MB of memory. botbuilder-dialogs is
 * archived at 4.23.3, so its file layout will not move; the move to the Agents SDK replaces
 * this file with that SDK's dialogs.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog.js';
export { Dialog, DialogReason, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog.js';
export type { DialogInstance, DialogTurnResult } from 'botbuilder-dialogs/lib/dialog.js';
export type { DialogContext } from 'botbuilder-dialogs/lib/dialogContext.js';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet.js';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog.js';
export type { WaterfallStep } from 'botbuilder-dialogs/lib/waterfallDialog.js';
export type { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext.js';
