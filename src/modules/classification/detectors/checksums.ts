/* Check-digit algorithms used by the detectors. Each takes normalised text (no spaces). */

/** Luhn (ISO/IEC 7812-1) over a string of digits: payment cards and many IDs. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * ISO 7064 MOD 97-10 as IBANs use it (ISO 13616): move the first four characters to the end, letters
 * become 10..35, and the number modulo 97 must be 1. Computed piecewise, without big integers.
 */
export function mod97Valid(iban: string): boolean {
  if (!/^[A-Z0-9]+$/.test(iban) || iban.length < 5) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/**
 * ICAO Doc 9303 part 3 check digit: characters weigh 7, 3, 1 in turn; digits count as themselves,
 * A–Z as 10–35 and the filler `<` as 0; the check digit is the sum modulo 10.
 */
export function icaoCheckDigit(field: string): number | null {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const char = field[i]!;
    let value: number;
    if (char >= '0' && char <= '9') value = char.charCodeAt(0) - 48;
    else if (char >= 'A' && char <= 'Z') value = char.charCodeAt(0) - 55;
    else if (char === '<') value = 0;
    else return null;
    sum += value * [7, 3, 1][i % 3]!;
  }
  return sum % 10;
}

export function icaoFieldValid(field: string, check: string): boolean {
  const expected = icaoCheckDigit(field);
  return expected !== null && (check === '<' ? expected === 0 : String(expected) === check);
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Verhoeff (dihedral group D5), as India's Aadhaar numbers use for their last digit. */
export function verhoeffValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let c = 0;
  const reversed = [...digits].reverse();
  reversed.forEach((char, i) => {
    c = VERHOEFF_D[c]![VERHOEFF_P[i % 8]![Number(char)]!]!;
  });
  return c === 0;
}
