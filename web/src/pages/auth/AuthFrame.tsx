import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconShieldLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/** The frame of the pages shown outside the app shell: sign-in and the forced password change. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('app.name')}`);
  return (
    <>
      <header>
        <Group justify="flex-end" p="sm">
          <LanguageSwitch />
        </Group>
      </header>
      <Center component="main" id="main" px="md" py="xl">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
          <Stack>
            <Group gap="xs" justify="center">
              <IconShieldLock size={32} aria-hidden />
              <Text fw={700} size="xl">
                {t('app.name')}
              </Text>
            </Group>
            <Title order={1} size="h3" ta="center">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Center>
    </>
  );
}
