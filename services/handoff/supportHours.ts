/** Days as `Intl` names them in English, Monday first. */
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAYS)[number];

/** One opening: on these days, from `start` to `end` minutes after local midnight. */
export interface OpeningSpan {
  days: ReadonlySet<Day>;
  start: number;
  end: number;
}

export class SupportHoursError extends Error {}

const SPAN = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

function isDay(value: string | undefined): value is Day {
  return DAYS.some((d) => d === value);
}

/**
 * Reads opening hours written as `mon-fri 09:00-18:00`, several spans separated by `;`
 * (`mon-fri 09:00-18:00; sat 10:00-12:00`). Throws a SupportHoursError naming the bad part.
 *
 * @example
 * parseOpeningSpans('mon-fri 09:00-18:00') // [{ days: {mon…fri}, start: 540, end: 1080 }]
 */
export function parseOpeningSpans(text: string): OpeningSpan[] {
  const spans = text.split(';').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  if (spans.length === 0) throw new SupportHoursError('no opening hours given (e.g. "mon-fri 09:00-18:00")');
  return spans.map((span) => {
    const m = SPAN.exec(span);
    const [, from, to, h1, m1, h2, m2] = m ?? [];
    if (!m || !isDay(from) || (to !== undefined && !isDay(to))) {
      throw new SupportHoursError(`"${span}" is not like "mon-fri 09:00-18:00"`);
    }
    const start = Number(h1) * 60 + Number(m1);
    const end = Number(h2) * 60 + Number(m2);
    if (Number(m1) > 59 || Number(m2) > 59 || end > 24 * 60 || end <= start) {
      throw new SupportHoursError(`"${span}": the closing time must come after the opening time, within the day`);
    }
    const first = DAYS.indexOf(from);
    const last = to === undefined ? first : DAYS.indexOf(to);
    const days = new Set<Day>();
    for (let i = first; ; i = (i + 1) % 7) {
      const day = DAYS[i];
      if (day) days.add(day);
      if (i === last) break;
    }
    return { days, start, end };
  });
}

/** Whether `zone` is a time zone this runtime knows (e.g. Europe/Paris). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const STEP_MS = 15 * 60 * 1000;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * When agents are at their desks: configured days and hours in a time zone (summer time
 * included, through Intl). The clock is the caller's, so tests choose the moment.
 *
 * @example
 * const hours = new SupportHours(parseOpeningSpans('mon-fri 09:00-18:00'), 'Europe/Paris');
 * hours.isOpen(new Date('2026-11-30T10:00:00Z')) // true: 11:00 on a Monday in Paris
 */
export class SupportHours {
  private readonly format: Intl.DateTimeFormat;

  constructor(private readonly spans: readonly OpeningSpan[], readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }

  isOpen(at: Date): boolean {
    const { day, minutes } = this.local(at);
    return this.spans.some((s) => s.days.has(day) && minutes >= s.start && minutes < s.end);
  }

  /** The next moment agents are there: `at` itself when open, else the next opening within a week. */
  nextOpening(at: Date): Date | undefined {
    if (this.isOpen(at)) return at;
    // Coarse steps to find the opening, then minute by minute back to its first minute.
    let t = at.getTime() - (at.getTime() % 60_000) + 60_000;
    const limit = at.getTime() + WEEK_MS + STEP_MS;
    while (t < limit && !this.isOpen(new Date(t))) t += STEP_MS;
    if (t >= limit) return undefined;
    while (t - 60_000 > at.getTime() && this.isOpen(new Date(t - 60_000))) t -= 60_000;
    return new Date(t);
  }

  private local(at: Date): { day: Day; minutes: number } {
    const parts = this.format.formatToParts(at);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const day = part('weekday').toLowerCase().slice(0, 3);
    return { day: isDay(day) ? day : 'mon', minutes: Number(part('hour')) * 60 + Number(part('minute')) };
  }
}
