import { Alert, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../api/org-import';

// Enough to work through; a file with more problems is usually the wrong file or the wrong kind.
const MAX_SHOWN = 500;

interface ImportIssuesProps {
  issues: ImportIssue[];
  /** A real import that was refused (nothing imported), not a check. */
  refused: boolean;
}

/** The problems found in a file, row by row, so they can be corrected in the spreadsheet. */
export function ImportIssues({ issues, refused }: ImportIssuesProps) {
  const { t } = useTranslation();
  const shown = issues.slice(0, MAX_SHOWN);
  return (
    <Alert
      color="red"
      variant="light"
      title={t('orgImport.issuesTitle', { total: issues.length })}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
    >
      <Text size="sm" mb="sm">
        {refused ? t('orgImport.issuesRefused') : t('orgImport.issuesCheck')}
      </Text>
      <Table.ScrollContainer minWidth={500} maxHeight={480}>
        <Table
          aria-label={t('orgImport.issuesTable')}
          stickyHeader
          withTableBorder
          bg="var(--mantine-color-body)"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('orgImport.row')}</Table.Th>
              <Table.Th w={180}>{t('orgImport.column')}</Table.Th>
              <Table.Th>{t('orgImport.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((issue, index) => (
              <Table.Tr key={`${issue.row ?? '-'}:${issue.column ?? '-'}:${index}`}>
                <Table.Td>{issue.row ?? t('orgImport.wholeFile')}</Table.Td>
                <Table.Td>{issue.column ?? '—'}</Table.Td>
                <Table.Td>{issue.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {issues.length > shown.length && (
        <Text size="sm" mt="xs">
          {t('orgImport.showingFirst', { shown: shown.length })}
        </Text>
      )}
    </Alert>
  );
}
