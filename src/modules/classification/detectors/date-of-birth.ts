import { assessStandard } from './confidence.js';
import { compareDates, isoDay, parseCalendarDate, type CalendarDate } from './dates.js';
import {
  HAS_DIGIT,
  NONE,
  SHAPE,
  VALID,
  headerTerms,
  type Detector,
  type MatchContext,
  type Matcher,
} from './detector.js';

const EARLIEST: CalendarDate = { year: 1900, month: 1, day: 1 };

/**
 * A real calendar date between 1900-01-01 and today is VALID; a bare year in that range is SHAPE
 * (a "year of birth" column). Any date is only a date of birth when the header says so: report
 * dates, event timestamps and registration dates are dates too.
 */
export function dateOfBirthMatcher(context: MatchContext): Matcher {
  const today = isoDay(context.today);
  const plausible = (d: CalendarDate) => compareDates(d, EARLIEST) >= 0 && compareDates(d, today) <= 0;
  return (value) => {
    const text = value.trim();
    // The shortest written date is "1/1/1900" (8 characters); a bare year has 4.
    if (text.length > 40 || (text.length < 8 && text.length !== 4)) return NONE;
    if (text.length === 4 && /^\d{4}$/.test(text)) {
      const year = Number(text);
      return year >= EARLIEST.year && year <= today.year ? SHAPE : NONE;
    }
    return parseCalendarDate(text).some(plausible) ? VALID : NONE;
  };
}

/** Keep the first two characters and the separators: "1985-03-12" → "19**-**-**". */
export function maskDate(value: string): string {
  const chars = Array.from(value.trim());
  return chars.map((char, i) => (i < 2 || !/[\p{L}\p{N}]/u.test(char) ? char : '*')).join('');
}

export const dateOfBirthDetector: Detector = {
  id: 'date_of_birth',
  header: headerTerms({
    strong: [
      'date of birth',
      'birth date',
      'birthdate',
      'dob',
      'd.o.b',
      'born',
      'birthday',
      'year of birth',
      'birth year',
      'date de naissance',
      'né le',
      'née le',
      'naissance',
      'année de naissance',
      'ddn',
      'fecha de nacimiento',
      'fecha nacimiento',
      'fecha nac',
      'f nac',
      'nacimiento',
      'año de nacimiento',
      'cumpleaños',
    ],
    veto: [
      'report',
      'rapport',
      'informe',
      'reporte',
      'registration',
      'enregistrement',
      'registro',
      'created',
      'creation',
      'creación',
      'updated',
      'modified',
      'modification',
      'submission',
      'soumission',
      'envío',
      'interview',
      'entretien',
      'entrevista',
      'visit',
      'visite',
      'visita',
      'start',
      'début',
      'inicio',
      'event',
      'événement',
      'evento',
      'arrival',
      'arrivée',
      'llegada',
      'expiry',
      'expiration',
      'vencimiento',
      'issue',
      'délivrance',
      'expedición',
      'certificate',
      'certificat',
      'certificado',
      'place',
      'lieu',
      'lugar',
      'country',
      'pays',
      'país',
    ],
  }),
  prefilter: (p) => (p.chars & HAS_DIGIT) !== 0,
  matcher: dateOfBirthMatcher,
  needsHeader: true,
  assess: (evidence) => assessStandard(evidence, { valueOnly: null }),
  mask: maskDate,
};
