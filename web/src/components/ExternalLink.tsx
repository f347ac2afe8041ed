import { Anchor, VisuallyHidden } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ExternalLinkProps {
  href: string;
  children: ReactNode;
  /** Read before the visible text by screen readers, so ten "Source" links stay distinguishable. */
  context?: string;
}

/**
 * A link to another site, opened in a new tab without giving that page a handle on this one
 * (`noopener`) or our address (`noreferrer`); screen readers are told it opens a new tab.
 */
export function ExternalLink({ href, children, context }: ExternalLinkProps) {
  const { t } = useTranslation();
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer">
      {context && <VisuallyHidden>{context}: </VisuallyHidden>}
      {children}
      <IconExternalLink size={14} aria-hidden style={{ marginInlineStart: 4, verticalAlign: 'middle' }} />
      <VisuallyHidden> {t('common.newTab')}</VisuallyHidden>
    </Anchor>
  );
}
