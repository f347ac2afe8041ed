import { Badge } from '@mantine/core';
import type { Band } from '@server/modules/scorecard/scorecard.schema';
import { useTranslation } from 'react-i18next';
import { BAND_BADGE_COLOURS, bandKey } from './bands';

/** A band in words, with its colour as a second cue. */
export function BandBadge({ band, size = 'md' }: { band: Band | null; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const key = bandKey(band);
  return (
    <Badge color={BAND_BADGE_COLOURS[key]} variant={key === 'none' ? 'outline' : 'filled'} size={size}>
      {t(`scorecard.bands.${key}`)}
    </Badge>
  );
}
