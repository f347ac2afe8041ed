import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';

/** "New office", "New asset"…: the button that opens a create form. */
export function CreateButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onClick}>
      {label}
    </Button>
  );
}
