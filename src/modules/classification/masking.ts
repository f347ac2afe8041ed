/*
 * Examples shown to people are masked here, before they are kept anywhere: a reviewer sees the
 * shape of what was found (`+2547******12`), never the value itself.
 */

/** Longest masked example; longer values end with "…" so free text never shows its length. */
const MAX_MASKED = 24;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function visibleChars(value: string): string[] {
  // Control characters could drive a terminal; whitespace runs are collapsed.
  return Array.from(value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim());
}

/**
 * Keep a few leading and trailing characters and star the rest: at most 5 leading and 2 trailing,
 * fewer for short values, none for values of 4 characters or less.
 */
export function maskValue(value: string): string {
  const chars = visibleChars(value);
  const n = chars.length;
  if (n <= 4) return '*'.repeat(Math.max(n, 1));
  const lead = n >= 12 ? 5 : n >= 8 ? 3 : 1;
  const trail = n >= 8 ? 2 : n >= 6 ? 1 : 0;
  if (n > MAX_MASKED) return `${chars.slice(0, lead).join('')}${'*'.repeat(MAX_MASKED - lead - 1)}…`;
  return chars.slice(0, lead).join('') + '*'.repeat(n - lead - trail) + chars.slice(n - trail).join('');
}

/** Names show only initials: "Amina Yusuf" → "A**** Y****". */
export function maskWords(value: string): string {
  const words = visibleChars(value).join('').split(' ').filter(Boolean).slice(0, 5);
  return words.map((word) => `${Array.from(word)[0] ?? ''}****`).join(' ') || '****';
}

/** E-mail addresses keep two characters of each part and the top-level domain: "am****@ex****.org". */
export function maskEmail(value: string): string {
  const text = visibleChars(value).join('');
  const at = text.lastIndexOf('@');
  const dot = text.lastIndexOf('.');
  if (at <= 0 || dot <= at) return maskValue(text);
  const local = Array.from(text.slice(0, at));
  const domain = Array.from(text.slice(at + 1, dot));
  const tld = text.slice(dot + 1, dot + 1 + 10);
  return `${local.slice(0, 2).join('')}****@${domain.slice(0, 2).join('')}****.${tld}`;
}

/** Secrets show at most their first four characters (a key's prefix names its kind) and a fixed tail. */
export function maskSecret(value: string): string {
  const chars = visibleChars(value);
  const keep = chars.length >= 16 ? 4 : 0;
  return `${chars.slice(0, keep).join('')}********`;
}
