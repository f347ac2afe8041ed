import { Badge, Table, Text } from '@mantine/core';
import type { AppStatus, ResolvedStatus } from '@server/modules/ai-usage/app-status';
import type { RiskLevel } from '@server/modules/ai-usage/catalogue.schema';
import { useTranslation } from 'react-i18next';
import { RISK_COLOURS, STATUS_COLOURS } from './usage-view';

/**
 * An app's organisational status, in words (the colour only repeats them). Badges keep their whole
 * text (`miw`): in a narrow table column Mantine would otherwise cut it to "NOT RE…".
 */
export function StatusBadge({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" miw="max-content">
      {t(`usage.status.${status}`)}
    </Badge>
  );
}

export function RiskBadge({ risk }: { risk: RiskLevel }) {
  const { t } = useTranslation();
  return (
    <Badge color={RISK_COLOURS[risk]} variant="outline" miw="max-content">
      {t(`usage.risk.${risk}`)}
    </Badge>
  );
}

/** The cells every app table begins with: the name over its vendor. */
export function AppNameCell({ name, vendor }: { name: string; vendor: string }) {
  return (
    <Table.Td>
      <Text size="sm" fw={500}>
        {name}
      </Text>
      <Text size="xs" c="dimmed">
        {vendor}
      </Text>
    </Table.Td>
  );
}

/** Where an app's status comes from: the AI registry's system, the catalogue page, or nobody. */
export function StatusSourceText({ source }: { source: Omit<ResolvedStatus, 'status'> }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed">
      {t(`usage.statusSource.${source.status_source}`, { name: source.status_system?.name ?? '' })}
    </Text>
  );
}

/** An app's status (with where it comes from) and risk, in two cells. */
export function StatusRiskCells({
  status,
  risk,
  source,
}: {
  status: AppStatus;
  risk: RiskLevel;
  source: Omit<ResolvedStatus, 'status'>;
}) {
  return (
    <>
      <Table.Td>
        <StatusBadge status={status} />
        <StatusSourceText source={source} />
      </Table.Td>
      <Table.Td>
        <RiskBadge risk={risk} />
      </Table.Td>
    </>
  );
}
