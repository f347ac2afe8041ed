import { Button, Group, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { USAGE_LANGS, type UsageLang, type UsageReport } from '@server/modules/ai-usage/usage.schema';
import { IconApps, IconFileSpreadsheet, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../api/session';
import { downloadUsageReport, useUsageReport } from '../../api/usage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useDownloads } from '../../components/use-downloads';
import { ReportAppsTable, ReportDepartmentsTable } from './ReportTables';
import { UsageAlertsPanel } from './UsageAlertsPanel';
import { byteSize, lastDays, percent, pluralCount } from './usage-view';
import { WeeklyPanel } from './WeeklyPanel';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function ReportView({ report }: { report: UsageReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const number = (n: number | string) => n.toLocaleString(language);
  const { totals, risk } = report;
  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('usage.summary')}
        </Title>
        <Text>{report.summary}</Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Stat
          label={t('usage.stats.aiEvents')}
          value={number(totals.ai_events)}
          note={t('usage.stats.ofEvents', { events: number(totals.events), count: totals.events })}
        />
        <Stat label={t('usage.stats.aiUsers')} value={number(totals.ai_users)} />
        <Stat
          label={t('usage.stats.unapprovedShare')}
          value={percent(risk.unapproved_share, language)}
          note={t('usage.stats.usersNote', {
            users: number(risk.unapproved_users),
            count: pluralCount(risk.unapproved_users),
          })}
        />
        <Stat
          label={t('usage.stats.highRiskShare')}
          value={percent(risk.high_risk_share, language)}
          note={t('usage.stats.usersNote', {
            users: number(risk.high_risk_users),
            count: pluralCount(risk.high_risk_users),
          })}
        />
        <Stat
          label={t('usage.stats.unapprovedUpload')}
          value={byteSize(report.unapproved_generative_upload.bytes_up)}
          note={t('usage.stats.appsNote', { count: report.unapproved_generative_upload.apps })}
        />
        <Stat label={t('usage.stats.newApps')} value={number(report.new_apps.length)} />
      </SimpleGrid>
      <Section title={t('usage.topApps')}>
        <ReportAppsTable apps={report.apps} caption={t('usage.appsCaption')} empty={t('usage.noData')} />
      </Section>
      <Section title={t('usage.newApps')}>
        <ReportAppsTable
          apps={report.new_apps}
          caption={t('usage.newAppsCaption')}
          empty={t('usage.noNewApps')}
        />
      </Section>
      <Section title={t('usage.departments')}>
        <ReportDepartmentsTable departments={report.departments} />
      </Section>
      <WeeklyPanel report={report} />
    </Stack>
  );
}

/** The reader's language if the report speaks it, else English. */
function reportLang(language: string): UsageLang {
  const base = language.slice(0, 2) as UsageLang;
  return USAGE_LANGS.includes(base) ? base : 'en';
}

/**
 * AI usage over a period: the summary paragraph for the governance report, the headline shares,
 * the apps, new apps, departments and the weekly trend. The shared view shows fewer than 5 users as "<5".
 */
export function UsageDashboardPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [period, setPeriod] = useState(() => lastDays(new Date()));
  const [shared, setShared] = useState(false);
  const valid = DATE.test(period.from) && DATE.test(period.to) && period.from <= period.to;
  const query = { ...period, suppress: shared, lang: reportLang(i18n.language) };
  const report = useUsageReport(query);
  const { busy, error, start } = useDownloads<'xlsx'>();
  const links = [
    ...(can('usage.ingest')
      ? [{ to: '/usage/ingest', label: t('usage.ingest.title'), icon: IconFileUpload }]
      : []),
    { to: '/usage/apps', label: t('usage.apps.title'), icon: IconApps },
  ];

  return (
    <>
      <PageHeader
        title={t('usage.title')}
        actions={
          <Group>
            {links.map(({ to, label, icon: LinkIcon }) => (
              <Button
                key={to}
                component={Link}
                to={to}
                variant="default"
                leftSection={<LinkIcon size={16} aria-hidden />}
              >
                {label}
              </Button>
            ))}
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              loading={busy === 'xlsx'}
              disabled={!valid}
              onClick={() => void start('xlsx', () => downloadUsageReport(query))}
            >
              {t('usage.downloadXlsx')}
            </Button>
          </Group>
        }
      />
      <Stack>
        <Text c="dimmed">{t('usage.intro')}</Text>
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('usage.from')}
            value={period.from}
            onChange={(event) => setPeriod({ ...period, from: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('usage.to')}
            value={period.to}
            onChange={(event) => setPeriod({ ...period, to: event.currentTarget.value })}
          />
          <Switch
            label={t('usage.sharedView')}
            description={t('usage.sharedViewHint')}
            checked={shared}
            onChange={(event) => setShared(event.currentTarget.checked)}
          />
        </Group>
        {error !== null && <ErrorAlert error={error} />}
        <UsageAlertsPanel shared={shared} />
        {!valid ? (
          <Text c="red">{t('usage.badPeriod')}</Text>
        ) : report.isPending ? (
          <Loading />
        ) : report.isError ? (
          <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
        ) : (
          <ReportView report={report.data} />
        )}
      </Stack>
    </>
  );
}
