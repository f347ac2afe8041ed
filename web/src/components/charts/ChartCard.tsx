import { Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconPhoto,
  IconVector,
} from '@tabler/icons-react';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../api/download';
import { ErrorAlert } from '../ErrorAlert';
import { useDownloads } from '../use-downloads';
import { chartFileName, chartPng, chartSvg } from './chart-files';
import { EChart, type ChartItemEvent } from './EChart';
import type { ChartInstance, ChartOption } from './echarts';
import type { SheetData } from './xlsx';

type ChartFormat = 'png' | 'svg' | 'xlsx';

interface ChartCardProps {
  title: string;
  /** Null while there is nothing to draw: `empty` is shown instead, and nothing can be downloaded. */
  option: ChartOption | null;
  /** The chart's figures, downloadable as a spreadsheet. */
  table: SheetData;
  height?: number;
  /** Added to file names, e.g. the scoring date. */
  fileDate?: string;
  empty?: string;
  onItemClick?: (item: ChartItemEvent) => void;
  /** Shown under the chart: a legend in words, a note. */
  children?: ReactNode;
}

/** One chart with its title and a menu to download it as PNG or SVG, and its figures as XLSX. */
export function ChartCard({
  title,
  option,
  table,
  height = 320,
  fileDate,
  empty,
  onItemClick,
  children,
}: ChartCardProps) {
  const { t } = useTranslation();
  const chart = useRef<ChartInstance | null>(null);
  const { busy, error, start } = useDownloads<ChartFormat>();

  const download = (format: ChartFormat) =>
    void start(format, async () => {
      const name = chartFileName(title, fileDate, format);
      if (format === 'xlsx') {
        const { xlsxWorkbook, XLSX_TYPE } = await import('./xlsx');
        saveBlob(new Blob([xlsxWorkbook([table])], { type: XLSX_TYPE }), name);
        return;
      }
      const drawn = chart.current;
      if (!drawn || !option) return;
      saveBlob(
        format === 'png' ? chartPng(drawn) : chartSvg(option, drawn.getWidth(), drawn.getHeight()),
        name,
      );
    });

  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="center" wrap="nowrap">
          <Title order={2} size="h4">
            {title}
          </Title>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                variant="default"
                size="xs"
                loading={busy !== null}
                leftSection={<IconDownload size={14} aria-hidden />}
                rightSection={<IconChevronDown size={14} aria-hidden />}
                aria-label={t('charts.downloadNamed', { name: title })}
              >
                {t('charts.download')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                leftSection={<IconPhoto size={16} aria-hidden />}
                disabled={!option}
                onClick={() => download('png')}
              >
                {t('charts.png')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconVector size={16} aria-hidden />}
                disabled={!option}
                onClick={() => download('svg')}
              >
                {t('charts.svg')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                onClick={() => download('xlsx')}
              >
                {t('charts.xlsx')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
        {error !== null && <ErrorAlert error={error} />}
        {option ? (
          <EChart
            option={option}
            height={height}
            label={title}
            onItemClick={onItemClick}
            onInstance={(instance) => {
              chart.current = instance;
            }}
          />
        ) : (
          <Text c="dimmed" py="lg" ta="center">
            {empty ?? t('charts.empty')}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
