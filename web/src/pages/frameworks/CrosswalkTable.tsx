import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Crosswalk, CrosswalkRequirement, ThemeId } from '@server/modules/frameworks/frameworks.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import classes from './CrosswalkTable.module.css';

interface CrosswalkTableProps {
  crosswalk: Crosswalk;
  /** The theme's label in the interface language (the API's table is in English). */
  themeLabel: (id: ThemeId, english: string) => string;
  /** A newer selection is loading: the table shown is the previous one. */
  busy: boolean;
}

function RequirementList({ requirements }: { requirements: CrosswalkRequirement[] }) {
  const { t } = useTranslation();
  if (requirements.length === 0) {
    return (
      <>
        <span aria-hidden>—</span>
        <VisuallyHidden>{t('crosswalk.noRequirement')}</VisuallyHidden>
      </>
    );
  }
  return (
    <ul className={classes.requirements} lang="en" role="list">
      {requirements.map((requirement) => (
        <li key={requirement.id}>
          {/* A native disclosure: Enter or Space opens the summary, and screen readers announce its state. */}
          <details className={classes.requirement}>
            <summary>
              {requirement.reference} — {requirement.title}
            </summary>
            <Text size="sm" mt={4} c="dimmed">
              {requirement.summary}
            </Text>
          </details>
        </li>
      ))}
    </ul>
  );
}

/** Rows are themes, columns frameworks; each cell lists that framework's requirements on the theme. */
export function CrosswalkTable({ crosswalk, themeLabel, busy }: CrosswalkTableProps) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const names = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    crosswalk.frameworks.map((framework) => framework.short_title),
  );
  return (
    <>
      <div className={classes.scroller} role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table
          className={classes.table}
          captionSide="top"
          withColumnBorders
          verticalSpacing="sm"
          aria-busy={busy}
          style={{ minWidth: 200 + crosswalk.frameworks.length * 280 }}
        >
          <Table.Caption id={captionId} className={classes.caption}>
            <span className={classes.captionText}>{t('crosswalk.caption', { frameworks: names })}</span>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" className={classes.sticky}>
                {t('crosswalk.theme')}
              </Table.Th>
              {crosswalk.frameworks.map((framework) => (
                <Table.Th key={framework.id} scope="col" className={classes.frameworkColumn}>
                  <Anchor component={Link} to={`/frameworks/${framework.id}`} fw={700}>
                    {framework.short_title}
                  </Anchor>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {crosswalk.rows.map((row) => (
              <Table.Tr key={row.theme.id}>
                <Table.Th scope="row" className={classes.sticky}>
                  {themeLabel(row.theme.id, row.theme.label)}
                  <Text size="xs" c="dimmed" fw="normal">
                    {t('crosswalk.rowCount', { count: row.requirement_count })}
                  </Text>
                </Table.Th>
                {row.cells.map((cell) => (
                  <Table.Td key={cell.framework_id}>
                    <RequirementList requirements={cell.requirements} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Text size="xs" c="dimmed" mt={4}>
        {t('crosswalk.scrollHint')}
      </Text>
    </>
  );
}
