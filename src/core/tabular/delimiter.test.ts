import { describe, expect, it } from 'vitest';
import { sniffDelimiter, type CsvDelimiter } from './delimiter.js';

describe('sniffDelimiter', () => {
  const cases: Array<[string, string, CsvDelimiter]> = [
    ['commas', 'name,email,office\nAda,ada@x.org,KE\n', ','],
    [
      'semicolons from French Excel, decimal commas in the data',
      'Nom;Montant;Bureau\nLéa;1,5;SN\nZoé;2,75;ML\n',
      ';',
    ],
    ['tabs', 'name\temail\nAda\tada@x.org\n', '\t'],
    ['pipes', 'name|email\nAda|ada@x.org\n', '|'],
    ['commas inside quoted semicolon fields', 'a;b\n"x, y, z";1\n"p, q";2\n', ';'],
    ['a quoted field spanning lines', 'a,b\n"line 1\nline; 2",x\n', ','],
    ['a single column', 'email\nada@x.org\n', ','],
    ['CRLF line ends', 'a;b;c\r\n1;2;3\r\n', ';'],
    ['an empty sample', '', ','],
  ];
  it.each(cases)('detects %s', (_name, sample, expected) => {
    expect(sniffDelimiter(sample)).toBe(expected);
  });
});
