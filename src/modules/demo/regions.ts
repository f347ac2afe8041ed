/** Nine regions modelled on the regional structure of large international organisations. */
export const DEMO_REGIONS = [
  { code: 'AP', name: 'Asia and the Pacific' },
  { code: 'CNAC', name: 'Central and North America and the Caribbean' },
  { code: 'CWA', name: 'Central and West Africa' },
  { code: 'EHA', name: 'East and Horn of Africa' },
  { code: 'EEA', name: 'European Economic Area' },
  { code: 'MENA', name: 'Middle East and North Africa' },
  { code: 'SA', name: 'South America' },
  { code: 'SAF', name: 'Southern Africa' },
  { code: 'SEECA', name: 'South-Eastern Europe, Eastern Europe and Central Asia' },
] as const;

export type DemoRegionCode = (typeof DEMO_REGIONS)[number]['code'];
