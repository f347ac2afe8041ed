import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { DisclosureReport } from '@server/modules/classification/disclosure-report';
import { IconCalculator, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisclosure, type DisclosureChoice } from '../../api/sensitive-data';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';

const percent = (share: number, language: string) =>
  new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share);

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}

function Results({ report }: { report: DisclosureReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Stack>
      <Alert
        color={report.above_threshold ? 'red' : 'green'}
        role="status"
        title={t(report.above_threshold ? 'disclosure.above' : 'disclosure.below', {
          share: percent(report.share, lang),
          threshold: percent(report.threshold, lang),
        })}
      >
        {t('disclosure.expected', {
          expected: report.expected_reidentifications.toFixed(2),
          records: report.records,
        })}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
        <Figure label={t('disclosure.records')} value={report.records} />
        <Figure label={t('disclosure.keys')} value={report.keys} />
        <Figure label={t('disclosure.uniques')} value={report.sample_uniques} />
        <Figure label={t('disclosure.violating', { k: 2 })} value={report.violating.k2} />
        <Figure label={t('disclosure.violating', { k: 3 })} value={report.violating.k3} />
        <Figure label={t('disclosure.violating', { k: 5 })} value={report.violating.k5} />
      </SimpleGrid>
      {report.riskiest_keys.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t('disclosure.riskiest')}
          </Title>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {report.quasi_identifiers.map((q) => (
                  <Table.Th key={q}>{q}</Table.Th>
                ))}
                <Table.Th>fk</Table.Th>
                {report.weight && <Table.Th>Fk</Table.Th>}
                <Table.Th>{t('disclosure.risk')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.riskiest_keys.map((k, i) => (
                <Table.Tr key={i}>
                  {report.quasi_identifiers.map((q) => (
                    <Table.Td key={q}>{k.key[q] ?? '—'}</Table.Td>
                  ))}
                  <Table.Td>{k.fk}</Table.Td>
                  {report.weight && <Table.Td>{k.Fk?.toFixed(1)}</Table.Td>}
                  <Table.Td>{k.risk.toFixed(3)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {report.l_diversity.map((l) => (
        <Text key={l.column} size="sm">
          {t('disclosure.lDiversity', {
            column: l.column,
            l: l.min_l,
            keys: l.keys_with_l1,
            records: l.records_with_l1,
          })}
        </Text>
      ))}
      {report.recodings.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t('disclosure.recodings')}
          </Title>
          <List size="sm">
            {report.recodings.map((r) => (
              <List.Item key={r.id}>
                {r.description}:{' '}
                {t('disclosure.after', {
                  share: percent(r.after.share, lang),
                  uniques: r.after.sample_uniques,
                  k3: r.after.violating.k3,
                })}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

/** How re-identifiable a microdata file is, for quasi-identifiers chosen from its headers. */
export function DisclosurePage() {
  const { t } = useTranslation();
  const measure = useDisclosure();
  const [file, setFile] = useState<File | null>(null);
  const [choice, setChoice] = useState<DisclosureChoice>({ qi: null, weight: null, sensitive: [] });
  const report = measure.data;
  const columns = report?.columns ?? [];
  const run = (next: DisclosureChoice) => {
    if (!file) return;
    setChoice(next);
    measure.mutate(
      { file, choice: next },
      // The first run suggests quasi-identifiers: preselect them for the next.
      { onSuccess: (r) => setChoice({ ...next, qi: r.quasi_identifiers }) },
    );
  };
  return (
    <>
      <PageHeader title={t('disclosure.title')} />
      <Stack maw={1100}>
        <Text c="dimmed" size="sm">
          {t('disclosure.intro')}
        </Text>
        <Paper withBorder p="md">
          <Stack>
            <FileInput
              label={t('disclosure.file')}
              description={t('disclosure.fileHint')}
              placeholder={t('orgImport.filePlaceholder')}
              accept=".csv,.xlsx"
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              leftSection={<IconFileUpload size={16} aria-hidden />}
              value={file}
              onChange={(f) => {
                setFile(f);
                measure.reset();
                setChoice({ qi: null, weight: null, sensitive: [] });
              }}
            />
            {report && (
              <>
                <MultiSelect
                  label={t('disclosure.qi')}
                  description={report.suggested_quasi_identifiers ? t('disclosure.suggested') : undefined}
                  data={columns}
                  value={choice.qi ?? []}
                  onChange={(qi) => setChoice({ ...choice, qi })}
                  searchable
                />
                <Group grow>
                  <Select
                    label={t('disclosure.weight')}
                    data={columns}
                    value={choice.weight}
                    onChange={(weight) => setChoice({ ...choice, weight })}
                    clearable
                  />
                  <MultiSelect
                    label={t('disclosure.sensitive')}
                    data={columns.filter((c) => !(choice.qi ?? []).includes(c))}
                    value={choice.sensitive}
                    onChange={(sensitive) => setChoice({ ...choice, sensitive })}
                  />
                </Group>
              </>
            )}
            <Group>
              <Button
                leftSection={<IconCalculator size={16} aria-hidden />}
                disabled={!file || (report !== undefined && (choice.qi ?? []).length === 0)}
                loading={measure.isPending}
                onClick={() => run(report ? choice : { qi: null, weight: null, sensitive: [] })}
              >
                {report ? t('disclosure.again') : t('disclosure.measure')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        {measure.error && <ErrorAlert error={measure.error} />}
        {report && <Results report={report} />}
      </Stack>
    </>
  );
}
