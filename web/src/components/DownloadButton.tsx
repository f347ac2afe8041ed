import { Button } from '@mantine/core';
import { IconDownload, type Icon } from '@tabler/icons-react';

interface DownloadButtonProps<K extends string> {
  which: K;
  label: string;
  icon?: Icon;
  /** The download of the group that is running, if any (from `useDownloads`). */
  busy: K | null;
  onDownload: (which: K) => void;
}

/** A button of a download group: loading while its own file comes, held back while another one does. */
export function DownloadButton<K extends string>({
  which,
  label,
  icon: ButtonIcon = IconDownload,
  busy,
  onDownload,
}: DownloadButtonProps<K>) {
  return (
    <Button
      variant="default"
      leftSection={<ButtonIcon size={16} aria-hidden />}
      loading={busy === which}
      disabled={busy !== null && busy !== which}
      onClick={() => onDownload(which)}
    >
      {label}
    </Button>
  );
}
