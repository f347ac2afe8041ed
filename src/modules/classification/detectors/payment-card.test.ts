import { describe, expect, it } from 'vitest';
import { classifyColumn, detectionOf, headerStrength, values } from '../testing/classify.js';
import { DISTINCTIVE, NONE, SHAPE, STRONG_HEADER } from './detector.js';
import { matchPaymentCard, paymentCardDetector } from './payment-card.js';

describe('payment_card detector', () => {
  it.each([
    ['4111 1111 1111 1111', DISTINCTIVE, 'Visa'],
    ['5555-5555-5555-4444', DISTINCTIVE, 'Mastercard'],
    ['2223003122003222', DISTINCTIVE, 'Mastercard 2-series'],
    ['378282246310005', DISTINCTIVE, 'American Express'],
    ['6011111111111117', DISTINCTIVE, 'Discover'],
    ['3530111333300000', DISTINCTIVE, 'JCB'],
    ['4111111111111112', SHAPE, 'fails Luhn'],
    ['1234567812345670', SHAPE, 'Luhn-valid but no scheme starts with 1'],
    ['37828224631000', SHAPE, 'Amex prefix, wrong length'],
    ['0000000000000000', NONE, 'one repeated digit'],
    ['INV-2024-0001', NONE, 'invoice number'],
    ['12', NONE, 'count'],
  ])('%s → %i (%s)', (value, verdict) => {
    expect(matchPaymentCard(value)).toBe(verdict);
  });

  it.each([
    ['Card number', STRONG_HEADER],
    ['Numéro de carte', STRONG_HEADER],
    ['tarjeta', STRONG_HEADER],
    ['card expiry', 'veto'],
  ])('header %s → %s', (header, strength) => {
    expect(headerStrength(paymentCardDetector, header)).toBe(strength);
  });

  it('rates valid card numbers high without a header and keeps only the first digits in examples', () => {
    const detection = detectionOf(
      classifyColumn('col', ['4111111111111111', '5555555555554444']),
      'payment_card',
    );
    expect(detection).toMatchObject({ confidence: 'high', matched: 2 });
    expect(detection!.examples).toEqual(['41111*********11', '55555*********44']);
  });

  it('does not call 16-digit reference numbers cards when few pass the checks', () => {
    const references = values(50, (i) => String(7_000_000_000_000_000 + i * 1_234_567));
    expect(detectionOf(classifyColumn('col', references), 'payment_card')).toBeUndefined();
  });
});
