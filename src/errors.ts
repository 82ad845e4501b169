/**
 * Bad input from outside the widget (a host's config, a trainer's scenario file) as one typed
 * error, and its message in the user's language naming the field at fault. Generic on purpose:
 * anything validated with zod at a boundary reuses `InputError` and `describeIssues`.
 *
 * The texts live in the `ui` namespace under `errors.issue.*`, `errors.expected.*`,
 * `errors.format.*` and `errors.config.*`. Field names stay as they are written in the JSON
 * (`contacts.gp[0].phone`): that is what an editor searches for in the file.
 */
import type { ReferralErrorCode } from './events/referral-error.ts';

/** A translation function of the `ui` namespace (Translator['t'] fits). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A zod issue as it reaches us (zod v4's `$ZodIssue` fits), or one of our own for problems
 * that happen before validation: `not-json`, `unreachable`, `other-origin`, `too-large`, `timeout`.
 */
export interface InputIssue {
  readonly code: string;
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
  readonly expected?: string;
  readonly values?: ReadonlyArray<unknown>;
  readonly keys?: ReadonlyArray<string>;
  readonly format?: string;
  readonly origin?: string;
  readonly errors?: ReadonlyArray<ReadonlyArray<InputIssue>>;
  readonly [extra: string]: unknown;
}

/**
 * What went wrong, machine-readable (`code`, `issues` — they travel in `referral-error`'s
 * detail) and how to say it (`key` names the intro sentence; `params` fill it; `input` is
 * the value that was checked, so a message can tell a missing field from a wrong one).
 */
export class InputError extends Error {
  readonly code: ReferralErrorCode;
  readonly issues: readonly InputIssue[];
  readonly key: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly input: unknown;

  constructor(
    code: ReferralErrorCode,
    key: string,
    issues: readonly InputIssue[],
    params: Record<string, unknown> = {},
    input?: unknown,
  ) {
    super(`${code}: ${issues.map((i) => `${fieldPath(i.path) || '(root)'}: ${i.code}`).join('; ')}`);
    this.name = 'InputError';
    this.code = code;
    this.key = key;
    this.issues = issues;
    this.params = params;
    this.input = input;
  }
}

/** `['contacts', 'gp', 0, 'phone']` → `contacts.gp[0].phone` (the empty path → ''). */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Issue codes of problems found before validation; the intro sentence says them. */
export const LOAD_ISSUES: ReadonlySet<string> = new Set(['not-json', 'unreachable', 'other-origin', 'too-large', 'timeout']);

const MISSING = Symbol('missing');

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value: unknown = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || !(part in (value as object))) return MISSING;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** The branch of a failed union that got furthest (deepest issue), with its path made absolute. */
function bestBranch(issue: InputIssue): InputIssue[] | null {
  const branches = issue.errors ?? [];
  let best: InputIssue[] | null = null;
  let bestDepth = -1;
  for (const branch of branches) {
    const depth = Math.max(...branch.map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 0.5)));
    if (depth > bestDepth) {
      bestDepth = depth;
      best = branch.map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
    }
  }
  return best;
}

/** A union where every branch failed on the value's type itself: "text or an object". */
function unionTypeMismatch(issue: InputIssue): string[] | null {
  const branches = issue.errors ?? [];
  if (branches.length === 0) return null;
  const expected: string[] = [];
  for (const branch of branches) {
    if (branch.length !== 1 || branch[0].code !== 'invalid_type' || branch[0].path.length !== 0) return null;
    expected.push(String(branch[0].expected));
  }
  return expected;
}

const EXPECTED = new Set(['string', 'number', 'boolean', 'object', 'array']);
const FORMATS = new Set(['url', 'email', 'regex', 'date']);

function expectedText(expected: string, t: Translate): string {
  return t(`errors.expected.${EXPECTED.has(expected) ? expected : 'other'}`);
}

/** One sentence for one issue (unions are reduced to their most telling branch first). */
function describeOne(issue: InputIssue, t: Translate, input: unknown): string {
  const field = fieldPath(issue.path) || t('errors.issue.root');
  const value = input === undefined ? undefined : valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_union': {
      const types = unionTypeMismatch(issue);
      if (types && value === MISSING) return t('errors.issue.missing', { field });
      if (types) {
        return t('errors.issue.type', {
          field,
          expected: types.map((e) => expectedText(e, t)).join(t('errors.expected.or')),
        });
      }
      const branch = bestBranch(issue);
      return branch && branch.length > 0 ? describeOne(branch[0], t, input) : t('errors.issue.other', { field });
    }
    case 'invalid_type':
      if (value === MISSING) return t('errors.issue.missing', { field });
      return t('errors.issue.type', { field, expected: expectedText(String(issue.expected), t) });
    case 'unrecognized_keys':
      return t('errors.issue.unknownKeys', {
        field,
        keys: (issue.keys ?? []).map((k) => `“${k}”`).join(', '),
        count: issue.keys?.length ?? 0,
      });
    case 'invalid_key':
      return t('errors.issue.unknownKeys', { field, keys: '', count: 1 });
    case 'invalid_value':
      return t('errors.issue.value', { field, values: (issue.values ?? []).map((v) => `“${String(v)}”`).join(', ') });
    case 'too_small':
      return t(issue.origin === 'array' ? 'errors.issue.tooFew' : 'errors.issue.tooShort', { field });
    case 'too_big':
      return t(issue.origin === 'array' ? 'errors.issue.tooMany' : 'errors.issue.tooLong', { field });
    case 'custom':
      // The one custom check of our own: a config's whole size (src/config/schema.ts).
      if ((issue.params as { limit?: string } | undefined)?.limit === 'size') {
        return t('errors.issue.configSize', { kb: Math.round(Number((issue.params as { max?: number }).max) / 1024) });
      }
      return t('errors.issue.other', { field });
    case 'invalid_format': {
      const format = String(issue.format);
      return t('errors.issue.format', { field, format: t(`errors.format.${FORMATS.has(format) ? format : 'other'}`) });
    }
    default:
      return t('errors.issue.other', { field });
  }
}

/**
 * The issues as sentences in the user's language, each naming its field; at most `max`, then
 * "and N more problems". `input` (the checked value) lets it say "is missing" rather than
 * "has the wrong type".
 */
export function describeIssues(
  issues: readonly InputIssue[],
  t: Translate,
  options: { input?: unknown; max?: number } = {},
): string {
  const max = options.max ?? 3;
  const shown = issues.slice(0, max).map((issue) => describeOne(issue, t, options.input));
  const rest = issues.length - shown.length;
  if (rest > 0) shown.push(t('errors.issue.more', { count: rest }));
  return shown.join(' ');
}

/** The whole message for an InputError: its intro sentence with the issues as `details`. */
export function describeInputError(error: InputError, t: Translate): string {
  // Our own issues (a file that did not load) are said by the intro sentence itself.
  const details = describeIssues(
    error.issues.filter((i) => !LOAD_ISSUES.has(i.code)),
    t,
    { input: error.input },
  );
  return t(error.key, { ...error.params, details }).trim();
}
