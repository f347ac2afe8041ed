import { fetchPersonOption, searchPeople } from '../api/people';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect';

/** Choose a person of the organisation by name or e-mail. */
export function PersonSelect(props: Omit<RemoteSelectProps, 'queryKey' | 'search' | 'lookup'>) {
  return (
    <RemoteSelect
      {...props}
      queryKey={['people', 'picker']}
      search={searchPeople}
      lookup={fetchPersonOption}
    />
  );
}
