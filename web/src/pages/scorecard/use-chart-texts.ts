import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BandKey } from './bands';
import type { ControlTexts, GroupTexts, TrendTexts } from './chart-options';
import type { MapTexts } from './map-data';

/** The translated texts of the dashboard's charts and their downloaded tables. */
export function useChartTexts() {
  const { t, i18n } = useTranslation();
  // The same objects while the language stays, so the charts are not redrawn on every render.
  return useMemo(() => chartTexts(t, i18n.language), [t, i18n.language]);
}

function chartTexts(t: TFunction, language: string) {
  const band = (key: BandKey) => t(`scorecard.bands.${key}`);
  const regionNames = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const groups: GroupTexts = {
    band,
    language,
    sheet: t('scorecard.sheets.groups'),
    columns: {
      name: t('scorecard.name'),
      code: t('scorecard.code'),
      assets: t('scorecard.assets'),
      score: t('scorecard.score'),
      band: t('scorecard.band'),
    },
  };
  const controls: ControlTexts = {
    passed: t('scorecard.passed'),
    failing: t('scorecard.failing'),
    notApplicable: t('scorecard.notApplicable'),
    sheet: t('scorecard.sheets.controls'),
    columns: {
      control: t('scorecard.control'),
      id: t('scorecard.controlId'),
      passed: t('scorecard.passed'),
      applicable: t('scorecard.applicable'),
      rate: t('scorecard.passRate'),
    },
  };
  const map: MapTexts = {
    band,
    language,
    country: (alpha2) => regionNames.of(alpha2) ?? alpha2,
    sheet: t('scorecard.sheets.map'),
    columns: {
      country: t('scorecard.country'),
      office: t('scorecard.office'),
      code: t('scorecard.code'),
      score: t('scorecard.score'),
      band: t('scorecard.band'),
    },
  };
  const trend: TrendTexts = {
    sheet: t('scorecard.sheets.trend'),
    columns: { scope: t('scorecard.scope'), date: t('scorecard.date'), score: t('scorecard.score') },
  };
  return { groups, controls, map, trend };
}
