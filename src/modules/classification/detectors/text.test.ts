import { describe, expect, it } from 'vitest';
import { Vocabulary, fold, hasPhrase, headerTokens, phrase } from './text.js';

describe('header tokens', () => {
  it.each([
    ['telefono_movil', ['telefono', 'movil']],
    ['TelefonoMovil', ['telefono', 'movil']],
    ['Téléphone (mobile)', ['telephone', 'mobile']],
    ['tel1', ['tel', '1']],
    ['Fecha de Nacimiento', ['fecha', 'nacimiento']],
    ['N° de téléphone', ['n', 'telephone']],
    ['HHSize', ['hh', 'size']],
    ['E-mails', ['mail']],
    ['  ', []],
  ])('%s → %j', (header, tokens) => {
    expect(headerTokens(header)).toEqual(tokens);
  });

  it('folds accents and case', () => {
    expect(fold('Prénom ÉLÈVE Teléfono')).toBe('prenom eleve telefono');
  });

  it('matches phrases side by side or glued into one token, never inside a word', () => {
    expect(hasPhrase(headerTokens('fecha_nacimiento'), phrase('fecha de nacimiento'))).toBe(true);
    expect(hasPhrase(headerTokens('fechanacimiento'), phrase('fecha de nacimiento'))).toBe(true);
    expect(hasPhrase(headerTokens('phone_numbers'), phrase('phone number'))).toBe(true);
    expect(hasPhrase(headerTokens('hotel'), phrase('tel'))).toBe(false);
    expect(hasPhrase(headerTokens('birth date'), phrase('date of birth'))).toBe(false);
  });

  it('refuses a phrase made only of stop words (a definition mistake)', () => {
    expect(() => phrase('de la')).toThrow(/no meaningful word/);
  });
});

describe('vocabulary', () => {
  const vocabulary = new Vocabulary(['catholic', 'roman catholic', 'musulmán']);

  it('matches whole values and word runs, accent-insensitively', () => {
    expect(vocabulary.isEntry('Roman Catholic')).toBe(true);
    expect(vocabulary.isEntry('Musulman')).toBe(true);
    expect(vocabulary.isEntry('Catholic church')).toBe(false);
    expect(vocabulary.mentions('The Roman Catholic church')).toBe(true);
    expect(vocabulary.mentions('catholicism')).toBe(false);
  });
});
