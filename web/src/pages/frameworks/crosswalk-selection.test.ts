import { describe, expect, it } from 'vitest';
import { knownIds, parseIdList, readSelection, selectionSearch } from './crosswalk-selection';

describe('parseIdList', () => {
  it('splits comma-separated ids, trimming blanks and keeping the first of each repeat', () => {
    expect(parseIdList(' gdpr, eu-ai-act,,gdpr ,')).toEqual(['gdpr', 'eu-ai-act']);
  });

  it('gives nothing for a missing or empty parameter', () => {
    expect(parseIdList(null)).toEqual([]);
    expect(parseIdList('')).toEqual([]);
    expect(parseIdList(' , ')).toEqual([]);
  });
});

describe('the selection in the address', () => {
  it('reads frameworks and themes, encoded commas included', () => {
    const params = new URLSearchParams('frameworks=eu-ai-act%2Cgdpr&themes=retention,redress&x=1');
    expect(readSelection(params)).toEqual({
      frameworks: ['eu-ai-act', 'gdpr'],
      themes: ['retention', 'redress'],
    });
  });

  it('writes readable commas and leaves out empty lists', () => {
    expect(selectionSearch({ frameworks: ['eu-ai-act', 'gdpr'], themes: ['retention'] })).toBe(
      '?frameworks=eu-ai-act,gdpr&themes=retention',
    );
    expect(selectionSearch({ frameworks: [], themes: ['retention'] })).toBe('?themes=retention');
    expect(selectionSearch({ frameworks: [], themes: [] })).toBe('');
  });

  it('encodes anything in an id that would break the address', () => {
    expect(selectionSearch({ frameworks: ['a&b=c', 'd,e'], themes: [] })).toBe('?frameworks=a%26b%3Dc,d%2Ce');
  });

  it('reads back what it writes', () => {
    const selection = { frameworks: ['nist-ai-rmf', 'oecd-ai-principles'], themes: ['literacy'] };
    expect(readSelection(new URLSearchParams(selectionSearch(selection)))).toEqual(selection);
  });
});

describe('knownIds', () => {
  it('keeps known ids in the order asked and names the unknown ones', () => {
    expect(knownIds(['gdpr', 'ccpa', 'eu-ai-act', 'hipaa'], ['eu-ai-act', 'gdpr', 'nist-ai-rmf'])).toEqual({
      ids: ['gdpr', 'eu-ai-act'],
      unknown: ['ccpa', 'hipaa'],
    });
  });
});
