import { Button, Collapse, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';

interface MoreInfoProps {
  label: string;
  children: ReactNode;
}

/** A button that shows or hides more text below it; screen readers hear whether it is open. */
export function MoreInfo({ label, children }: MoreInfoProps) {
  const [opened, { toggle }] = useDisclosure(false);
  const id = useId();
  const Chevron = opened ? IconChevronDown : IconChevronRight;
  return (
    <Stack gap={4} align="flex-start">
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<Chevron size={14} aria-hidden />}
        aria-expanded={opened}
        aria-controls={id}
        onClick={toggle}
      >
        {label}
      </Button>
      <Collapse expanded={opened} id={id}>
        <Text component="div" size="sm">
          {children}
        </Text>
      </Collapse>
    </Stack>
  );
}
