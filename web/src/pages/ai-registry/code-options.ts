import { COUNTRY_CODES } from '@server/modules/org/countries';
import { LANGUAGE_CODES } from '@server/modules/ai-registry/languages';

export interface CodeOption {
  value: string;
  label: string;
}

/** The name of an ISO code in the reader's language (the code itself when the browser lacks one). */
export function codeName(code: string, type: 'language' | 'region', locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type, fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Options for a code picker: "Name (code)", sorted by name in the reader's language. */
export function codeOptions(type: 'language' | 'region', locale: string): CodeOption[] {
  const codes = type === 'language' ? LANGUAGE_CODES : COUNTRY_CODES;
  return [...codes]
    .map((value) => ({ value, label: `${codeName(value, type, locale)} (${value})` }))
    .toSorted((a, b) => a.label.localeCompare(b.label, locale));
}

/** Codes as the detail page lists them: names in the reader's language, each with its code. */
export function codeList(codes: readonly string[], type: 'language' | 'region', locale: string): string {
  return codes.map((code) => `${codeName(code, type, locale)} (${code})`).join(', ');
}
