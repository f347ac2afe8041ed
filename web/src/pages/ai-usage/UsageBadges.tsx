import { Badge, Table, Text } from '@mantine/core';
import type { AppStatus } from '@server/modules/ai-usage/app-status';
import type { RiskLevel } from '@server/modules/ai-usage/catalogue.schema';
import { useTranslation } from 'react-i18next';
import { RISK_COLOURS, STATUS_COLOURS } from './usage-view';

/** An app's organisational status, in words (the colour only repeats them). */
export function StatusBadge({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light">
      {t(`usage.status.${status}`)}
    </Badge>
  );
}

export function RiskBadge({ risk }: { risk: RiskLevel }) {
  const { t } = useTranslation();
  return (
    <Badge color={RISK_COLOURS[risk]} variant="outline">
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

/** An app's status and risk, in two cells. */
export function StatusRiskCells({ status, risk }: { status: AppStatus; risk: RiskLevel }) {
  return (
    <>
      <Table.Td>
        <StatusBadge status={status} />
      </Table.Td>
      <Table.Td>
        <RiskBadge risk={risk} />
      </Table.Td>
    </>
  );
}
