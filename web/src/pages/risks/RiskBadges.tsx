import { Badge } from '@mantine/core';
import type { RiskLevel } from '@server/modules/risks/risk-scoring';
import type { RiskStatus } from '@server/modules/risks/risk.schema';
import { useTranslation } from 'react-i18next';
import { LEVEL_COLOURS } from './risk-view';

export function LevelBadge({ level, score }: { level: RiskLevel; score?: number | null }) {
  const { t } = useTranslation();
  return (
    <Badge color={LEVEL_COLOURS[level].badge} variant="filled" tt="none" autoContrast>
      {t(`risks.levels.${level}`)}
      {score ? ` · ${score}` : ''}
    </Badge>
  );
}

export function StatusBadge({ status, needsReview }: { status: RiskStatus; needsReview?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge variant="outline" color="gray" tt="none">
        {t(`risks.statuses.${status}`)}
      </Badge>
      {needsReview && (
        <Badge color="red" variant="light" tt="none" ml={4}>
          {t('risks.needsReview')}
        </Badge>
      )}
    </>
  );
}
