import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

interface SearchInputProps {
  label: string;
  /** The search in force (from the address bar). */
  value: string;
  /** Called once typing pauses, not on every key. */
  onSearch: (value: string) => void;
}

export function SearchInput({ label, value, onSearch }: SearchInputProps) {
  const [text, setText] = useState(value);
  const [sent, setSent] = useState(value);
  const [previous, setPrevious] = useState(value);
  const search = useDebouncedCallback((next: string) => {
    setSent(next);
    onSearch(next);
  }, 300);
  // The search changed elsewhere (a link to the unfiltered list, Back): show it instead of the
  // typed text. A change that is only this input's own search arriving leaves the text alone.
  if (value !== previous) {
    setPrevious(value);
    if (value !== sent) {
      setSent(value);
      setText(value);
    }
  }
  return (
    <TextInput
      type="search"
      label={label}
      value={text}
      leftSection={<IconSearch size={16} aria-hidden />}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value.trim());
      }}
    />
  );
}
