/**
 * How a child of the main dialog ended: `done` (it answered, or the user gave up), or
 * `reroute` (the message was another question, which the main dialog answers in the same turn).
 */
export type DialogOutcome = { kind: 'done' } | { kind: 'reroute' };

export const DONE: DialogOutcome = { kind: 'done' };
export const REROUTE: DialogOutcome = { kind: 'reroute' };

export function isReroute(value: unknown): value is { kind: 'reroute' } {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'reroute';
}
