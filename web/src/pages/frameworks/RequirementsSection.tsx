import { Button, Group, Text } from '@mantine/core';
import type { FrameworkDetail, ThemeId } from '@server/modules/frameworks/frameworks.schema';
import { IconArrowsMaximize, IconArrowsMinimize } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countMatches, filterRequirements, parentIds, type RequirementFilter } from './requirement-tree';
import { RequirementTree } from './RequirementTree';

interface RequirementsSectionProps {
  framework: FrameworkDetail;
  filter: RequirementFilter;
  themeLabel: (id: ThemeId) => string;
  onClearFilters: () => void;
}

/** The filtered requirement tree, how much of it matches, and controls to open or close it all. */
export function RequirementsSection({
  framework,
  filter,
  themeLabel,
  onClearFilters,
}: RequirementsSectionProps) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const shown = filterRequirements(framework.requirements, filter);
  const filtered = Boolean(filter.text?.trim() || filter.theme);
  const total = framework.requirement_count;
  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Text role="status" size="sm" c="dimmed">
          {filtered
            ? t('frameworks.tree.matching', { count: countMatches(shown), total })
            : t('frameworks.tree.total', { total })}
        </Text>
        {shown.length > 0 && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowsMaximize size={14} aria-hidden />}
              onClick={() => setCollapsed(new Set())}
            >
              {t('frameworks.tree.expandAll')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowsMinimize size={14} aria-hidden />}
              onClick={() => setCollapsed(new Set(parentIds(shown)))}
            >
              {t('frameworks.tree.collapseAll')}
            </Button>
          </Group>
        )}
      </Group>
      {shown.length === 0 ? (
        <Group gap="sm">
          <Text>{t('frameworks.tree.noMatch')}</Text>
          <Button size="xs" variant="light" onClick={onClearFilters}>
            {t('frameworks.tree.clearFilters')}
          </Button>
        </Group>
      ) : (
        <RequirementTree
          nodes={shown}
          label={t('frameworks.tree.label', { name: framework.short_title })}
          collapsed={collapsed}
          onToggle={toggle}
          themeLabel={themeLabel}
          highlight={filter.text?.split(/\s+/).filter(Boolean) ?? []}
          filtered={filtered}
        />
      )}
    </>
  );
}
