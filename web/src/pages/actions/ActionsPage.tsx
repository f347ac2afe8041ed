import { Anchor, Badge, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionStatus } from '@server/modules/actions/actions.schema';
import { useMyActions } from '../../api/scorecard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useUrlFilters } from '../../components/use-url-filters';
import { formatDateTime, formatPartialDate } from '../../i18n/format';
import { actionRow, usageReasonText, type ActionRow, type Translate } from './action-view';

const FILTERS = ['status'] as const;

/**
 * A reason code in words where Custos knows it (the default controls', the AI usage alerts'), else
 * the code itself.
 */
function useReasonText() {
  const { t, i18n } = useTranslation();
  const translate: Translate = (key, values) => t(key as 'myActions.reason', values);
  return (row: ActionRow, code: string) => {
    if (row.source === 'ai_usage') {
      const text = usageReasonText(code, translate, i18n.language, row.assetName);
      if (text !== null) return text;
    }
    const key = `myActions.reasons.${code}`;
    // Reason codes come from the server, custom controls' too: only known ones have a translation.
    return i18n.exists(key) ? t(key as 'myActions.reasons.ownership.missing_owner') : code;
  };
}

function ActionsTable({ rows, status }: { rows: ActionRow[]; status: ActionStatus }) {
  const { t, i18n } = useTranslation();
  const reasonText = useReasonText();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table aria-label={t('myActions.tableLabel')} highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('myActions.asset')}</Table.Th>
            <Table.Th scope="col">{t('myActions.control')}</Table.Th>
            <Table.Th scope="col">{t('myActions.reason')}</Table.Th>
            <Table.Th scope="col">
              {status === 'open' ? t('myActions.due') : t('myActions.closedOn')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row" fw="normal">
                {row.assetLink ? (
                  <Anchor component={Link} to={row.assetLink}>
                    {row.assetName}
                  </Anchor>
                ) : row.assetName ? (
                  <Text>{row.assetName}</Text>
                ) : (
                  <Text c="dimmed">{t('myActions.deletedAsset')}</Text>
                )}
              </Table.Th>
              <Table.Td>{row.control}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {row.reasonCodes.map((code) => (
                    <Text key={code} size="sm">
                      {reasonText(row, code)}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                {status === 'open' ? (
                  <Stack gap={4} align="flex-start">
                    <time dateTime={row.due}>{formatPartialDate(row.due, i18n.language)}</time>
                    {row.overdue && (
                      <Badge color="red" variant="filled" size="sm">
                        {t('myActions.overdue')}
                      </Badge>
                    )}
                  </Stack>
                ) : (
                  <Stack gap={4} align="flex-start">
                    {row.closedAt && (
                      <time dateTime={row.closedAt}>{formatDateTime(row.closedAt, i18n.language)}</time>
                    )}
                    {row.closeReason && (
                      <Text size="sm" c="dimmed">
                        {i18n.exists(`myActions.closeReasons.${row.closeReason}`)
                          ? t(`myActions.closeReasons.${row.closeReason as 'resolved'}`)
                          : row.closeReason}
                      </Text>
                    )}
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "My actions": what the scorecard asks the signed-in person to fix, open (due first) or closed. */
export function ActionsPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const status: ActionStatus = filters.status === 'closed' ? 'closed' : 'open';
  const actions = useMyActions(status);
  const rows = actions.data?.pages.flatMap((page) =>
    page.items.map((item) => actionRow(item, i18n.language)),
  );
  return (
    <>
      <PageHeader title={t('myActions.title')} />
      <Text maw={900} mb="md">
        {t('myActions.intro')}
      </Text>
      <SegmentedControl
        mb="md"
        aria-label={t('myActions.status')}
        value={status}
        onChange={(value) => setFilters({ status: value === 'closed' ? 'closed' : null })}
        data={[
          { value: 'open', label: t('myActions.open') },
          { value: 'closed', label: t('myActions.closed') },
        ]}
      />
      {actions.isPending ? (
        <Loading />
      ) : actions.isError ? (
        <ErrorAlert error={actions.error} onRetry={() => void actions.refetch()} />
      ) : rows && rows.length > 0 ? (
        <>
          <ActionsTable rows={rows} status={status} />
          <LoadMore
            hasMore={actions.hasNextPage}
            loading={actions.isFetchingNextPage}
            onLoad={() => void actions.fetchNextPage()}
          />
        </>
      ) : (
        <Text c="dimmed">{status === 'open' ? t('myActions.noneOpen') : t('myActions.noneClosed')}</Text>
      )}
    </>
  );
}
