import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder-core';

/** A scope's state object: the property values by name (what the storage held, typed by the accessor). */
type StateObject<T> = Record<string, T | undefined>;

/**
 * One property of a state scope, as botbuilder's BotStatePropertyAccessor reads and writes it
 * (the same default-value rules: a missing property gets a deep copy of an object default,
 * which is stored; `undefined` as default stores nothing), without its awaiter hop through
 * `state.load` on every call: once the turn has loaded the scope (the bot loads every scope
 * at the start of a turn), the property is read from the turn's cached state directly.
 * A bot makes about ten such calls a turn. Errors still come back as rejected promises.
 */
export class TurnStateProperty<T = unknown> implements StatePropertyAccessor<T> {
  constructor(
    readonly state: BotState,
    readonly name: string,
  ) {}

  get(context: TurnContext): Promise<T | undefined>;
  get(context: TurnContext, defaultValue: T): Promise<T>;
  get(context: TurnContext, defaultValue?: T): Promise<T | undefined> {
    const loaded = this.loaded(context);
    if (!loaded) return this.state.load(context).then((obj: StateObject<T>) => this.read(obj, defaultValue));
    try {
      return Promise.resolve(this.read(loaded, defaultValue));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  set(context: TurnContext, value: T): Promise<void> {
    const loaded = this.loaded(context);
    if (!loaded) return this.state.load(context).then((obj: StateObject<T>) => void (obj[this.name] = value));
    loaded[this.name] = value;
    return Promise.resolve();
  }

  delete(context: TurnContext): Promise<void> {
    const loaded = this.loaded(context);
    if (!loaded) return this.state.load(context).then((obj: StateObject<T>) => this.remove(obj));
    this.remove(loaded);
    return Promise.resolve();
  }

  /** The scope's state this turn, when it is loaded already. */
  private loaded(context: TurnContext): StateObject<T> | undefined {
    const state: unknown = this.state.get(context);
    return isStateObject<T>(state) ? state : undefined;
  }

  /** BotStatePropertyAccessor.get's rules, on the scope's state object. */
  private read(obj: StateObject<T>, defaultValue: T | undefined): T | undefined {
    if (!Object.prototype.hasOwnProperty.call(obj, this.name) && defaultValue !== undefined) {
      // A copy, as botbuilder makes: the caller's default object is never the stored one.
      const copy: T = typeof defaultValue === 'object' ? JSON.parse(JSON.stringify(defaultValue)) : defaultValue;
      obj[this.name] = copy;
    }
    return obj[this.name];
  }

  private remove(obj: StateObject<T>): void {
    if (Object.prototype.hasOwnProperty.call(obj, this.name)) delete obj[this.name];
  }
}

/** BotState.get gives the turn's state object once loaded, `undefined` before. */
function isStateObject<T>(value: unknown): value is StateObject<T> {
  return typeof value === 'object' && value !== null;
}
