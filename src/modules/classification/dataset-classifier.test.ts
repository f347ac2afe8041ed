import { describe, expect, it } from 'vitest';
import { DatasetClassifier, columnDetections, isAboutPeople } from './dataset-classifier.js';
import { MATCH, summary } from './testing/classify.js';

function classify(headers: string[], rows: Record<string, string>[], source?: string) {
  const classifier = new DatasetClassifier(headers, { match: MATCH, mode: { kind: 'full' }, source });
  for (const row of rows) classifier.feedRow(row);
  return classifier.finish();
}

const byName = (result: ReturnType<typeof classify>) =>
  Object.fromEntries(result.columns.map((c) => [c.name, summary(c.detections)]));

describe('dataset classifier', () => {
  it('reads the HXL hashtag row as evidence, not as data', () => {
    const headers = ['Nom', 'Contact', 'Lat', 'Total'];
    const rows = [
      { Nom: '#beneficiary+name', Contact: '#contact+phone', Lat: '#geo+lat', Total: '#affected' },
      { Nom: 'Kamau Otieno', Contact: '0712345678', Lat: '-1.292066', Total: '12' },
      { Nom: 'Achieng Wekesa', Contact: '0722345679', Lat: '-1.302066', Total: '7' },
    ];
    const result = classify(headers, rows);
    expect(result).toMatchObject({ rows: 2, hxl: true });
    expect(byName(result)).toEqual({
      Nom: ['person_name:high'],
      Contact: ['phone:high'],
      Lat: ['gps_coordinates:high'],
      Total: [],
    });
  });

  it('reads hashtags used as the only header row', () => {
    const result = classify(
      ['#contact+phone', '#affected'],
      [{ '#contact+phone': '0712345678', '#affected': '12' }],
    );
    expect(result).toMatchObject({ rows: 1, hxl: true });
    expect(byName(result)).toEqual({ '#contact+phone': ['phone:high'], '#affected': [] });
  });

  it('treats a first row that is not all hashtags as data', () => {
    const result = classify(['email'], [{ email: 'amina@example.org' }, { email: '#notatag but text' }]);
    expect(result).toMatchObject({ rows: 2, hxl: false });
  });

  it('lets a dataset about people raise weak evidence (names, M/F)', () => {
    const rows = [
      { name: 'Kamau Otieno', sex: 'M' },
      { name: 'Achieng Wekesa', sex: 'F' },
    ];
    const inventory = byName(classify(['name', 'sex'], rows, 'stock.csv'));
    const beneficiaries = byName(classify(['name', 'sex'], rows, 'beneficiaries_2024.csv'));
    expect(inventory.name).toEqual(['person_name:low']);
    expect(beneficiaries.name).toEqual(['person_name:high']);
  });

  it('decides whether a dataset is about people from headers, hashtags and the source name', () => {
    expect(isAboutPeople(['Prénom', 'Total'], [])).toBe(true);
    expect(isAboutPeople(['a'], [{ hashtag: 'respondee', attributes: ['age'] }])).toBe(true);
    expect(isAboutPeople(['a'], [], 'Liste_bénéficiaires.xlsx')).toBe(true);
    expect(isAboutPeople(['item', 'quantity'], [], 'stock.csv')).toBe(false);
  });

  it('gives the column detections the label policy reads, in header order', () => {
    const result = classify(['a', 'email'], [{ a: '1', email: 'amina@example.org' }]);
    expect(columnDetections(result).map((c) => c.name)).toEqual(['a', 'email']);
  });

  it('finishes a dataset without rows with the header evidence alone', () => {
    expect(byName(classify(['telefono', 'x'], []))).toEqual({ telefono: ['phone:low'], x: [] });
  });
});
