import { Group, Paper, Stack, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { DownloadButton } from './DownloadButton';
import { ErrorAlert } from './ErrorAlert';
import { useDownloads } from './use-downloads';

interface DownloadGroupProps<K extends string> {
  title: string;
  items: readonly { which: K; label: string; icon?: Icon }[];
  download: (which: K) => Promise<void>;
  /** Shown under the buttons, e.g. what a file holds. */
  children?: ReactNode;
}

/** A titled group of file downloads (templates, exports), one at a time, errors shown in place. */
export function DownloadGroup<K extends string>({ title, items, download, children }: DownloadGroupProps<K>) {
  const { busy, error, start } = useDownloads<K>();
  const onDownload = (which: K) => void start(which, () => download(which));
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {error !== null && <ErrorAlert error={error} />}
        <Group gap="xs">
          {items.map((item) => (
            <DownloadButton
              key={item.which}
              which={item.which}
              label={item.label}
              icon={item.icon}
              busy={busy}
              onDownload={onDownload}
            />
          ))}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
