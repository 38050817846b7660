/**
 * The JSON text an item was parsed from, for the items a storage read whole from one text
 * (SQLite): the state cache compares the state's JSON at save with this text instead of
 * serializing the state a second time when it is loaded. An item read elsewhere has none.
 * Weak: an item's text lives only as long as the item.
 */
const texts = new WeakMap<object, string>();

/** Remembers that `item` was parsed from `text` (which `JSON.stringify(item)` gives back). */
export function rememberStoredJson(item: object, text: string): void {
  texts.set(item, text);
}

/** The text `item` was parsed from, if a storage remembered it. */
export function storedJsonOf(item: object): string | undefined {
  return texts.get(item);
}
