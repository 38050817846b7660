import { foldText } from './foldText.js';

/** A greeting at the start of a message, with up to two words after it ("Bonjour,", "Hi team,", "Bonjour Madame Durand,"). */
const GREETING = /^(bonjour|bonsoir|salut|hello|hi|hey|dear|good (morning|afternoon|evening))(\s+[\p{L}-]+){0,2}\s*[,!:.]\s*/iu;
/** Opening words of a sign-off ("Merci, Julien", "Best, Daniel", "Bien cordialement"), in folded text. */
const SIGN_OFF = /^(merci|thanks|thank you|many thanks|thx|best|regards|kind regards|best regards|cheers|cordialement|bien cordialement|bien a vous|salutations|sincerely)\b/;
/** A sign-off line longer than this many words carries content, and is kept. */
const SHORT_LINE_WORDS = 6;
/** Messages shorter than this many words are read whole ("bonsoir, il y a quelqu'un ?" is a greeting). */
const LONG_MESSAGE_WORDS = 12;

/**
 * The body of an e-mail-like message: its greeting and its sign-off (with the name and title
 * after it) dropped, because "Bonjour", "Merci, Julien" or "Best, Daniel" pull the model towards
 * the small-talk intents and dilute the question. (Scoring the question sentences apart was
 * measured too, and lost more than it won on the realistic set: the context carries the topic.)
 * @example
 * messageBody('Bonjour, nous ouvrons deux sites et passons à 60 postes. Que faire ?\nMerci, Julien')
 * // 'nous ouvrons deux sites et passons à 60 postes. Que faire ?'
 */
export function messageBody(text: string): string {
  // Cheap test first: most messages are short, and this runs on every one.
  if (text.length < LONG_MESSAGE_WORDS * 2 || text.trim().split(/\s+/).length < LONG_MESSAGE_WORDS) return text;
  const sentences = text.split(/(?<=[.!?])\s+|\s*\n+\s*/).map((s) => s.trim()).filter(Boolean);
  const kept: string[] = [];
  for (let i = 0; i < sentences.length; i += 1) {
    const sentence = i === 0 ? (sentences[i] ?? '').replace(GREETING, '') : sentences[i] ?? '';
    const folded = foldText(sentence);
    if (folded === '' && !sentence.startsWith('--')) continue;
    const signOff = sentence.startsWith('--') || (SIGN_OFF.test(folded) && folded.split(' ').length <= SHORT_LINE_WORDS && !sentence.includes('?'));
    if (signOff && i > 0) break;
    kept.push(sentence);
  }
  return kept.join(' ').trim() || text;
}

/** A thanks that opens a message before something else ("ok thanks, and who do I call?", "merci ! et pour…"). */
const OPENING_THANKS = /^((ok|okay|great|super|parfait|top)\s+)?(merci|thanks|thank you|thx|cheers)(\s+[\p{L}-]+){0,2}\s*[,!:.]\s*/iu;
/** The text after the last question mark, full stop or exclamation mark, if any. */
const TAIL = /[?!.]\s*([^?!.]*)$/u;

/**
 * The message without the small talk around its question: a greeting or a thanks that opens it
 * ("hello, …", "ok thanks, …") and a short thanks or goodbye after its last sentence ("… ? merci
 * beaucoup"). Undefined when there is none, or nothing else.
 * @example
 * withoutSmallTalk('hello, is my contract RNW-1234 renewed? thx') // 'is my contract RNW-1234 renewed?'
 */
export function withoutSmallTalk(text: string): string | undefined {
  let rest = text.trim();
  const opening = GREETING.exec(rest) ?? OPENING_THANKS.exec(rest);
  if (opening) rest = rest.slice(opening[0].length).trim();
  const tail = TAIL.exec(rest);
  const closing = tail?.[1]?.trim() ?? '';
  const foldedClosing = foldText(closing);
  if (tail && foldedClosing !== '' && SIGN_OFF.test(foldedClosing) && foldedClosing.split(' ').length <= SHORT_LINE_WORDS) {
    rest = rest.slice(0, rest.length - tail[0].length + 1).trim();
  }
  return rest === text.trim() || foldText(rest) === '' ? undefined : rest;
}
