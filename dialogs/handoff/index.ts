export { toAddress, toReference } from './customerAddress.js';
export { findEmail } from './findEmail.js';
export { formatBackAt } from './formatBackAt.js';
export { HANDOFF_MODES, type HandoffDeps, type HandoffMode } from './handoffDeps.js';
export { HANDOFF_DIALOG, HandoffDialog, type HandoffDialogOptions } from './handoffDialog.js';
export { handoffInitiation, type HandoffContext } from './handoffEvent.js';
export { HandoffGate } from './handoffGate.js';
export { offerHandoff, type HandoffOffer, type HandoffState, type HandoffStateAccessor } from './handoffState.js';
export { ProactiveNotifier, type ProactiveNotifierOptions, type ProactiveSender } from './proactiveNotifier.js';
