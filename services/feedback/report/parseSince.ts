const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/**
 * The start of a report period from `--since`: a duration back from `now` (`30d`, `12h`, `2w`)
 * or a calendar date (`2026-11-01`, read as UTC midnight). Undefined when it is neither.
 *
 * @example
 * parseSince('30d', new Date('2026-11-30T12:00:00Z')) // 2026-10-31T12:00:00.000Z
 */
export function parseSince(value: string, now: Date): Date | undefined {
  const duration = /^(\d{1,4})([hdw])$/.exec(value.trim());
  if (duration) {
    const unit = duration[2];
    const amount = Number(duration[1]);
    if (unit !== 'h' && unit !== 'd' && unit !== 'w') return undefined;
    return new Date(now.getTime() - amount * UNIT_MS[unit]);
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!date) return undefined;
  const parsed = new Date(`${value.trim()}T00:00:00.000Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value.trim() ? undefined : parsed;
}
