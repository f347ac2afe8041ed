import { ActionIcon, Badge, Group, Highlight, Text, VisuallyHidden } from '@mantine/core';
import type { ThemeId } from '@server/modules/frameworks/frameworks.schema';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import classes from './RequirementTree.module.css';
import type { ShownNode } from './requirement-tree';

interface TreeProps {
  nodes: readonly ShownNode[];
  /** The tree's accessible name. */
  label: string;
  /** Ids of the nodes whose children are hidden. */
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  themeLabel: (id: ThemeId) => string;
  /** Words to mark in titles and summaries. */
  highlight: string[];
  /** A filter is in force: nodes shown only for what is under them are marked as such. */
  filtered: boolean;
}

type ItemProps = Omit<TreeProps, 'nodes' | 'label'> & { node: ShownNode };

function RequirementItem({ node, collapsed, onToggle, themeLabel, highlight, filtered }: ItemProps) {
  const { t } = useTranslation();
  const hasChildren = node.children.length > 0;
  const open = !collapsed.has(node.id);
  const childrenId = `children-${node.id}`;
  const context = filtered && !node.matches;
  return (
    <li className={classes.item}>
      <div className={classes.row}>
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-expanded={open}
            aria-controls={childrenId}
            aria-label={t('frameworks.tree.toggle', { reference: node.reference })}
            onClick={() => onToggle(node.id)}
          >
            {open ? <IconChevronDown size={18} aria-hidden /> : <IconChevronRight size={18} aria-hidden />}
          </ActionIcon>
        ) : (
          <span className={classes.spacer} aria-hidden />
        )}
        <div className={classes.body}>
          <Text fw={node.group ? 700 : 600} c={context ? 'dimmed' : undefined}>
            <span lang="en">{node.reference}</span> —{' '}
            <Highlight component="span" inherit highlight={highlight} lang="en">
              {node.title}
            </Highlight>
            {context && <VisuallyHidden> ({t('frameworks.tree.context')})</VisuallyHidden>}
          </Text>
          {node.summary && !context && (
            <Highlight size="sm" highlight={highlight} maw={900} lang="en">
              {node.summary}
            </Highlight>
          )}
          {node.themes.length > 0 && !context && (
            <Group gap={4} mt={4}>
              <VisuallyHidden>{t('frameworks.tree.themes')}</VisuallyHidden>
              {node.themes.map((theme) => (
                <Badge key={theme} variant="light" size="sm" tt="none">
                  {themeLabel(theme)}
                </Badge>
              ))}
            </Group>
          )}
        </div>
      </div>
      {hasChildren && (
        <ul id={childrenId} className={classes.children} hidden={!open} role="list">
          {node.children.map((child) => (
            <RequirementItem
              key={child.id}
              node={child}
              collapsed={collapsed}
              onToggle={onToggle}
              themeLabel={themeLabel}
              highlight={highlight}
              filtered={filtered}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * A framework's requirements as nested lists: each node with something under it has a button that
 * shows or hides it (a disclosure, reachable with Tab and announced as expanded or collapsed).
 */
export function RequirementTree({ nodes, label, ...rest }: TreeProps) {
  return (
    <ul className={classes.tree} aria-label={label} role="list">
      {nodes.map((node) => (
        <RequirementItem key={node.id} node={node} {...rest} />
      ))}
    </ul>
  );
}
