import { AppShell, Burger, em, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconShieldLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCan, type Me } from '../api/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { UserMenu } from '../components/UserMenu';
import { activeLink, navSections } from './nav-sections';
import { SkipLink } from './SkipLink';

export function AppLayout({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below the `sm` breakpoint a closed navbar only slides off-screen: keep its links out of the tab order.
  const narrow = useMediaQuery(`(max-width: ${em(767.98)})`);
  const sections = navSections(useCan());
  const current = activeLink(sections, location.pathname);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
            />
            <IconShieldLock size={24} aria-hidden />
            <Text fw={700} size="lg">
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')} inert={narrow && !opened}>
        {/* More links than a short window holds: the navigation scrolls on its own. */}
        <AppShell.Section grow component={ScrollArea}>
          {sections.map((section) => (
            <div key={section.id}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py="xs" id={`nav-${section.id}`}>
                {t(section.label)}
              </Text>
              <div role="group" aria-labelledby={`nav-${section.id}`}>
                {section.links.map((link) => {
                  const active = link.to === current;
                  return (
                    <NavLink
                      key={link.to}
                      component={Link}
                      to={link.to}
                      label={t(link.label)}
                      leftSection={<link.icon size={18} aria-hidden />}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      onClick={close}
                    />
                  );
                })}
              </div>
            </div>
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
