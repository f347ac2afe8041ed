/**
 * CSV injection guard. Excel runs a CSV cell that starts with = + - @ (or a tab / CR before
 * them) as a formula, so exported text that starts that way is prefixed with an apostrophe,
 * the spreadsheet convention for "this is text". The rule adds one apostrophe to any run of
 * apostrophes followed by a trigger, and reading removes exactly one, so export → import gives
 * back the original text, apostrophes included.
 */
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}
