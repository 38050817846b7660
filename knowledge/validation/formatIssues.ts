import type { z } from 'zod';

export interface FormatIssuesOptions {
  /** What an issue about the whole value is called, and with `nested`, the prefix of every path. @default '(root)' */
  root?: string;
  /** Paths are written under the root (`activity.from.id`) rather than alone (`from.id`). @default false */
  nested?: boolean;
  /** Issues written at most; the others are left out. @default all */
  max?: number;
  /** A message starting with this already names its field ("activity.type must be…") and is written alone. */
  selfNamed?: string;
  /** Extra text after an issue, e.g. the value received. */
  detail?: (issue: z.core.$ZodIssue, path: string) => string;
}

/** The dotted path of an issue (`contracts.0.renewalId`), or the root's name for the value itself. */
export function issuePath(issue: z.core.$ZodIssue, options: Pick<FormatIssuesOptions, 'root' | 'nested'> = {}): string {
  const root = options.root ?? '(root)';
  const path = issue.path.map(String).join('.');
  if (path === '') return root;
  return options.nested ? `${root}.${path}` : path;
}

/**
 * The one way validation failures are written, for operators and log lines: `path: message`
 * per issue, joined with "; ".
 *
 * @example
 * formatIssues(schema.safeParse({ PORT: 'abc' }).error) // 'PORT: Invalid input: expected number, received NaN'
 * formatIssues(error, { root: 'activity', nested: true, max: 1 }) // 'activity.from.id: Required'
 */
export function formatIssues(error: z.ZodError, options: FormatIssuesOptions = {}): string {
  const issues = options.max === undefined ? error.issues : error.issues.slice(0, options.max);
  if (issues.length === 0) return `${options.root ?? '(root)'}: invalid`;
  return issues.map((issue) => {
    const path = issuePath(issue, options);
    const text = options.selfNamed !== undefined && issue.message.startsWith(options.selfNamed) ? issue.message : `${path}: ${issue.message}`;
    return text + (options.detail?.(issue, path) ?? '');
  }).join('; ');
}
