import { assessStandard } from './confidence.js';
import { NONE, SHAPE, headerTerms, type Detector, type Verdict } from './detector.js';

/**
 * Case, registration and beneficiary numbers have no common format (proGres, PRIMES, KoBo, local
 * systems), so an identifier-like token is SHAPE and only a case header makes it a case number:
 * 1–40 letters, digits and - _ / . with at least one digit.
 */
export function matchCaseId(value: string): Verdict {
  const text = value.trim();
  return text.length <= 40 && /^[A-Za-z0-9][A-Za-z0-9\-_/.]*$/.test(text) && /\d/.test(text) ? SHAPE : NONE;
}

export const caseIdDetector: Detector = {
  id: 'case_id',
  header: headerTerms({
    strong: [
      'case id',
      'case number',
      'case no',
      'case ref',
      'case reference',
      'caseid',
      'progres id',
      'progres number',
      'pro gres id',
      'pro gres number',
      'individual id',
      'individual number',
      'registration number',
      'registration id',
      'registration group',
      'beneficiary id',
      'beneficiary number',
      'household id',
      'household number',
      'family id',
      'unhcr id',
      'unhcr number',
      'ration card',
      'ration card number',
      'numéro de dossier',
      'n dossier',
      'numéro de cas',
      'id bénéficiaire',
      'numéro bénéficiaire',
      'numéro de ménage',
      'id ménage',
      'numero de caso',
      'id de caso',
      'expediente',
      'número de expediente',
      'id beneficiario',
      'número de registro',
      'código de beneficiario',
      'id hogar',
      'código de hogar',
    ],
    weak: ['file number', 'dossier', 'reference number', 'référence', 'referencia'],
    veto: [
      'invoice',
      'facture',
      'factura',
      'order',
      'commande',
      'pedido',
      'product',
      'sku',
      'item',
      'payment',
      'paiement',
      'pago',
    ],
    signals: {
      protection: [
        'gbv',
        'sgbv',
        'vbg',
        'protection',
        'child protection',
        'protección',
        'incident',
        'incidente',
      ],
    },
  }),
  matcher: () => matchCaseId,
  needsHeader: true,
  assess: (evidence) => assessStandard(evidence, { valueOnly: null }),
};
