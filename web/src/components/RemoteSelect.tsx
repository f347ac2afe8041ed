import type { SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ChoiceSelect } from './ChoiceSelect';

export interface RemoteOption {
  value: string;
  label: string;
}

type Controlled = 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter';

export interface RemoteSelectProps extends Omit<SelectProps, Controlled> {
  /** Names this picker's queries in the cache, under the resource writes invalidate ('people'). */
  queryKey: readonly unknown[];
  value: string | null;
  onChange: (value: string | null) => void;
  /** The records matching the typed text (the first few when it is empty). */
  search: (text: string) => Promise<RemoteOption[]>;
  /** The current value's record, shown by name though no search found it yet. */
  lookup: (id: string) => Promise<RemoteOption>;
}

/**
 * A searchable select over a list too long to load whole (people, assets): the API searches as the
 * reader types, and the chosen record keeps its name while other results come and go.
 */
export function RemoteSelect({ queryKey, value, onChange, search, lookup, ...props }: RemoteSelectProps) {
  const [text, setText] = useState('');
  const [typed] = useDebouncedValue(text.trim(), 250);
  const found = useQuery({
    queryKey: [...queryKey, 'search', typed],
    queryFn: () => search(typed),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const chosenFound = found.data?.some((option) => option.value === value) ?? false;
  const chosen = useQuery({
    queryKey: [...queryKey, 'option', value],
    queryFn: () => lookup(value ?? ''),
    enabled: value !== null && !chosenFound,
    staleTime: 60_000,
  });
  const options = [...(found.data ?? [])];
  if (chosen.data && value !== null && !chosenFound) options.unshift(chosen.data);

  return (
    <ChoiceSelect
      {...props}
      searchable
      data={options}
      value={value}
      onChange={onChange}
      searchValue={text}
      onSearchChange={setText}
      // The API has already matched the text (by word, ignoring accents): show what it found.
      filter={({ options: all }) => all}
    />
  );
}
