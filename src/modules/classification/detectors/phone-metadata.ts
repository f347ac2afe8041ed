import { Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/*
 * A faster, exact answer to "is `+digits` a valid phone number, and of which country?" — what
 * `parsePhoneNumberFromString('+' + digits)?.isValid()` and `.country` say — for the common case,
 * from libphonenumber's own metadata with its regular expressions compiled once per calling code.
 * The library's parser spends most of its ~6 µs on generic work (option objects, normalising text,
 * a long viability pattern, recompiling each metadata pattern on every call); the validity rule
 * itself is a few anchored patterns.
 *
 * The fast path replays the library's steps for an international number of ASCII digits:
 * 1. no calling code (a leading 0, or no 1–3 digit prefix the metadata knows) → not a number;
 * 2. the calling code belongs to exactly one country, and that country's national prefix (for
 *    parsing) does not start the rest → the rest is the national number and the country is that one
 *    (the library strips a national prefix written after the calling code: those numbers, calling
 *    codes shared by several countries (+1, +7, +44, …) and non-geographic ones go to the library);
 * 3. valid when the national number matches the country's national pattern and one of its number
 *    types (fixed line, mobile, toll free, …) with a length that type allows (`getNumberType`).
 * A test compares both paths on generated numbers of every calling code.
 */

/** The parts of libphonenumber's Metadata class used here (its typings declare almost nothing). */
interface LibType {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface LibPlan {
  nationalPrefixForParsing(): string | undefined;
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  type(type: string): LibType | undefined;
}
interface LibMetadata {
  hasCallingCode(callingCode: string): boolean;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  selectNumberingPlan(countryOrCallingCode: string): void;
  numberingPlan: LibPlan;
}

/** The order of libphonenumber's getNumberType (fixed line first); any match makes a number valid. */
const NUMBER_TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];
const MAX_CALLING_CODE_DIGITS = 3;
/** libphonenumber's bounds on a national (significant) number. */
const MIN_NATIONAL_DIGITS = 2;
const MAX_NATIONAL_DIGITS = 17;

interface CompiledPlan {
  country: string;
  /** `^(?:national prefix for parsing)`, or null when the country has none. */
  nationalPrefix: RegExp | null;
  national: RegExp;
  /** Null when the metadata has no number types for the country (the national pattern decides). */
  types: { pattern: RegExp; lengths: readonly number[] | undefined }[] | null;
}

const metadata = new Metadata() as unknown as LibMetadata;
/**
 * Calling code (by its number) → its compiled plan, or null when the library must decide (shared
 * or non-geographic code); undefined until first asked.
 */
const plans: (CompiledPlan | null | undefined)[] = [];

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);

function planOf(code: number): CompiledPlan | null {
  let plan = plans[code];
  if (plan !== undefined) return plan;
  const countries = metadata.getCountryCodesForCallingCode(String(code));
  plan = null;
  if (countries && countries.length === 1) {
    metadata.selectNumberingPlan(countries[0]!);
    const numbering = metadata.numberingPlan;
    const prefix = numbering.nationalPrefixForParsing();
    plan = {
      country: countries[0]!,
      nationalPrefix: prefix ? new RegExp(`^(?:${prefix})`) : null,
      national: whole(numbering.nationalNumberPattern()),
      types: numbering.hasTypes()
        ? NUMBER_TYPES.flatMap((name) => {
            const type = numbering.type(name);
            const pattern = type?.pattern();
            return type && pattern ? [{ pattern: whole(pattern), lengths: type.possibleLengths() }] : [];
          })
        : null,
    };
  }
  plans[code] = plan;
  return plan;
}

/** Whether the metadata knows a calling code, by its number (it never starts with 0): 0 unknown yet, 1 yes, 2 no. */
const knownCodes = new Uint8Array(10 ** MAX_CALLING_CODE_DIGITS);

/**
 * The calling code `digits` starts with, as the library extracts it (shortest known prefix), as a
 * number; its digits are the first `String(code).length` ones (a code never starts with 0). Null for none.
 */
function callingCodeOf(digits: string): number | null {
  if (digits.charCodeAt(0) === 48) return null;
  let code = 0;
  for (let i = 1; i <= MAX_CALLING_CODE_DIGITS && i <= digits.length; i++) {
    code = code * 10 + digits.charCodeAt(i - 1) - 48;
    let known = knownCodes[code]!;
    if (known === 0) knownCodes[code] = known = metadata.hasCallingCode(String(code)) ? 1 : 2;
    if (known === 1) return code;
  }
  return null;
}

/** A valid number's country (undefined for a valid non-geographic number), or null when not valid. */
export type PhoneCountry = string | undefined | null;

/** The library itself: `+digits` parsed and validated. */
export function internationalCountrySlow(digits: string): PhoneCountry {
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return parsed?.isValid() ? parsed.country : null;
}

/**
 * Whether `+` followed by `digits` (ASCII digits only) is a valid phone number, and its country:
 * the same answer as `internationalCountrySlow`, without the parser for most numbers.
 */
export function internationalCountry(digits: string): PhoneCountry {
  if (digits.length < 5 || digits.length > MAX_CALLING_CODE_DIGITS + MAX_NATIONAL_DIGITS)
    return internationalCountrySlow(digits);
  const callingCode = callingCodeOf(digits);
  if (callingCode === null) return null;
  const plan = planOf(callingCode);
  if (plan === null) return internationalCountrySlow(digits);
  const national = digits.slice(callingCode < 10 ? 1 : callingCode < 100 ? 2 : 3);
  if (plan.nationalPrefix?.test(national)) return internationalCountrySlow(digits);
  if (national.length < MIN_NATIONAL_DIGITS || national.length > MAX_NATIONAL_DIGITS) return null;
  if (!plan.national.test(national)) return null;
  if (plan.types === null) return plan.country;
  for (const type of plan.types)
    if ((!type.lengths || type.lengths.includes(national.length)) && type.pattern.test(national))
      return plan.country;
  return null;
}
