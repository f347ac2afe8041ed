import { Group, Paper, Text } from '@mantine/core';
import { TIERS } from '@server/modules/ai-registry/ai-act.schema';
import { useTranslation } from 'react-i18next';
import { useAiSystemSummary } from '../../api/ai-systems';
import { ErrorAlert } from '../../components/ErrorAlert';

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="xs" miw={120} role="group" aria-label={`${label}: ${value}`}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

/** The register at a glance: systems by tier, overdue reviews, high-risk systems without a DPIA. */
export function AiSystemsSummary() {
  const { t } = useTranslation();
  const summary = useAiSystemSummary();
  if (summary.isError) return <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  if (!summary.data) return null;
  const { by_tier: byTier, total, review_overdue: overdue, high_risk_without_dpia: noDpia } = summary.data;
  return (
    <Group gap="sm" mb="md" component="section" aria-label={t('aiRegistry.summary')}>
      <Count label={t('aiRegistry.total')} value={total} />
      {TIERS.map((tier) => (
        <Count key={tier} label={t(`aiAct.result.tiers.${tier}.label`)} value={byTier[tier] ?? 0} />
      ))}
      <Count label={t('aiRegistry.unclassified')} value={byTier.unclassified ?? 0} />
      <Count label={t('aiRegistry.reviewOverdue')} value={overdue} />
      <Count label={t('aiRegistry.noDpia')} value={noDpia} />
    </Group>
  );
}
