import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../api/session';
import { HistoryPanel } from './history/HistoryPanel';

interface RecordTab {
  value: string;
  label: string;
  panel: ReactNode;
}

interface RecordTabsProps {
  /** The record's name, for accessible names. */
  name: string;
  tabs: RecordTab[];
  /** The record's audit trail adds a "History" tab for readers allowed to see it. */
  history: { entityType: string; entityId: string; names?: Record<string, string> };
}

/** A record page's sections; panels mount when chosen, so History loads only when opened. */
export function RecordTabs({ name, tabs, history }: RecordTabsProps) {
  const { t } = useTranslation();
  const can = useCan();
  const all = can('audit.read')
    ? [
        ...tabs,
        { value: 'history', label: t('history.title'), panel: <HistoryPanel {...history} name={name} /> },
      ]
    : tabs;
  if (all.length === 0) return null;
  return (
    <Tabs defaultValue={all[0]?.value} keepMounted={false} mt="lg">
      <Tabs.List aria-label={t('common.sectionsOf', { name })}>
        {all.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {all.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value} pt="md">
          {tab.panel}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
