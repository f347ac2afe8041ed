import { describe, expect, it } from 'vitest';
import { buildDemoInventory, DEMO_REGION_ROLLOUT, officeLanguage, type DemoAsset } from './demo-inventory.js';
import { buildDemoOrganisation } from './demo-organisation.js';
import { DEMO_EMAIL_DOMAIN } from './demo-types.js';
import { NAME_POOLS } from './names.js';

const TODAY = '2026-11-30';
const org = buildDemoOrganisation();
const inventory = buildDemoInventory(org, 1, TODAY);
const assets = [...inventory.systems, ...inventory.held];
const officeByCode = new Map(org.offices.map((o) => [o.code, o]));
const regionOf = (asset: DemoAsset) => officeByCode.get(asset.office_code)?.region_code ?? 'HQ';

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('buildDemoInventory: size and spread', () => {
  it('has thousands of assets, most held by systems, in many offices', () => {
    expect(assets.length).toBeGreaterThanOrEqual(3000);
    expect(assets.length).toBeLessThanOrEqual(6000);
    expect(inventory.held.length).toBeGreaterThan(inventory.systems.length * 3);
    expect(countBy(assets, (a) => a.office_code).size).toBeGreaterThanOrEqual(100);
  });

  it('is the same for the same seed and date, and differs for another seed', () => {
    expect(buildDemoInventory(org, 1, TODAY)).toEqual(inventory);
    expect(buildDemoInventory(org, 2, TODAY).held.map((a) => a.name)).not.toEqual(
      inventory.held.map((a) => a.name),
    );
  });

  it('leaves the regions that have not started empty and those barely started small', () => {
    const perRegion = countBy(assets, regionOf);
    expect(perRegion.get('SAF') ?? 0).toBe(0);
    for (const [office, stage] of inventory.stages)
      if (officeByCode.get(office)?.region_code === 'SAF') expect(stage).toBe('not_started');
    const barely = ['CNAC', 'SEECA'].map((region) => perRegion.get(region) ?? 0);
    for (const count of barely) expect(count).toBeLessThan(assets.length * 0.03);
    expect(perRegion.get('EEA') ?? 0).toBeGreaterThan(assets.length * 0.15);
  });

  it('records an inventory in every office a demo sign-in belongs to', () => {
    for (const office of ['CO-KE', 'CO-SN', 'CO-CO'])
      expect(inventory.stages.get(office)).not.toBe('not_started');
  });

  it('fills records in well where the region keeps them well, poorly elsewhere', () => {
    const custodianShare = (region: string) => {
      const systems = inventory.systems.filter((a) => regionOf(a) === region);
      return systems.filter((a) => a.data_custodian_email !== null).length / systems.length;
    };
    expect(DEMO_REGION_ROLLOUT.EEA.quality).toBeGreaterThan(DEMO_REGION_ROLLOUT.CWA.quality);
    expect(custodianShare('EEA')).toBeGreaterThan(0.8);
    expect(custodianShare('CWA')).toBeLessThan(0.5);
  });
});

describe('buildDemoInventory: realistic records', () => {
  it('puts every held asset under a system of its own office', () => {
    const systems = new Map(inventory.systems.map((s) => [s.ref, s]));
    const misplaced = inventory.held.filter((asset) => {
      const system = systems.get(asset.system_ref ?? '');
      return (
        system?.office_code !== asset.office_code || !['application', 'database'].includes(system.asset_type)
      );
    });
    expect(misplaced).toEqual([]);
  });

  it('has health, protection/GBV and biometric data, always as personal data', () => {
    const categories = new Set(assets.flatMap((a) => a.special_categories));
    for (const category of ['health', 'protection_gbv', 'biometric']) expect(categories).toContain(category);
    const wrong = assets.filter(
      (a) =>
        (a.special_categories.length > 0 && !a.personal_data) ||
        (a.personal_data && a.data_subjects.length === 0) ||
        (a.sensitivity_label === 'Public' && a.personal_data),
    );
    expect(wrong).toEqual([]);
  });

  it('never dates a review after today', () => {
    const future = assets.filter(
      (a) => (a.last_reviewed ?? '') > TODAY || (a.last_access_review ?? '') > TODAY,
    );
    expect(future).toEqual([]);
  });

  it.each([
    ['CO-SN', 'fr', 'Gestion des dossiers des migrants (type MiMOSA)'],
    ['CO-CO', 'es', 'Gestión de casos de migrantes (tipo MiMOSA)'],
    ['CO-KE', 'en', 'Migrant case management (MiMOSA-like)'],
  ])('names the records of %s in its language (%s)', (code, language, caseManagement) => {
    expect(officeLanguage(officeByCode.get(code)!)).toBe(language);
    expect(assets.filter((a) => a.office_code === code).map((a) => a.name)).toContain(caseManagement);
  });

  it('names only fictional demo people and holds no personal data in its text', () => {
    const people = new Set(org.people.map((p) => p.email));
    const names = new Set(
      Object.values(NAME_POOLS).flatMap((pool) =>
        [...pool.given, ...pool.family].filter((n) => n.length > 3),
      ),
    );
    // Office cities may share a word with a given name (Santiago).
    const places = new Set(org.offices.flatMap((o) => o.city.split(' ')));
    const emails = assets.flatMap((a) => [
      a.data_owner_email,
      a.data_custodian_email,
      a.data_steward_email,
      a.focal_point_email,
    ]);
    const strangers = emails.filter(
      (e) => e !== null && (!people.has(e) || !e.endsWith(`@${DEMO_EMAIL_DOMAIN}`)),
    );
    expect(strangers).toEqual([]);
    const texts = assets.map((a) => [a.name, a.description, a.purpose, a.sharing_agreements].join(' '));
    expect(texts.filter((text) => /@|\d{6,}/.test(text))).toEqual([]);
    const named = texts.flatMap((text) =>
      text.split(/[^\p{L}'-]+/u).filter((word) => names.has(word) && !places.has(word)),
    );
    expect(named).toEqual([]);
  });
});
