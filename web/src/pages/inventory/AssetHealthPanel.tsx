import { Badge, Group, List, Table, Text } from '@mantine/core';
import type { Band } from '@server/modules/scorecard/scorecard.schema';
import type { ControlStatus } from '@server/modules/scorecard/health-controls';
import { useTranslation } from 'react-i18next';
import { useAssetHealth } from '../../api/assets';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatPartialDate } from '../../i18n/format';

const STATUS_COLOURS: Record<ControlStatus, string> = { PASS: 'green', FAIL: 'red', NOT_APPLICABLE: 'gray' };
const BAND_COLOURS: Record<Band, string> = {
  Healthy: 'green',
  Fair: 'yellow',
  'Not healthy': 'orange',
  Critical: 'red',
};

/** The asset's health today: its score and band, and each control's result with the reasons. */
export function AssetHealthPanel({ assetId, name }: { assetId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const health = useAssetHealth(assetId, i18n.language);
  if (health.isPending) return <Loading />;
  if (health.isError) return <ErrorAlert error={health.error} onRetry={() => void health.refetch()} />;
  const { score, band, controls, as_of: asOf } = health.data;

  return (
    <>
      <Group gap="sm" mb="md">
        {score === null || band === null ? (
          <Text>{t('assets.health.noScore')}</Text>
        ) : (
          <>
            <Text fw={700}>{t('assets.health.score', { score })}</Text>
            <Badge color={BAND_COLOURS[band]} variant="light">
              {t(`assets.health.bands.${band}`)}
            </Badge>
          </>
        )}
        <Text c="dimmed" size="sm">
          {t('assets.health.asOf', { date: formatPartialDate(asOf, i18n.language) })}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={600}>
        <Table aria-label={t('assets.health.tableLabel', { name })} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assets.health.control')}</Table.Th>
              <Table.Th>{t('assets.health.result')}</Table.Th>
              <Table.Th>{t('assets.health.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {controls.map((control) => (
              <Table.Tr key={control.control}>
                <Table.Td>{control.title}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOURS[control.status]} variant="light">
                    {t(`assets.health.statuses.${control.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {control.reasons.length > 0 && (
                    <List size="sm" listStyleType="none" spacing={2}>
                      {control.reasons.map((reason) => (
                        <List.Item key={reason.code}>{reason.message}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
