import type { SelectProps } from '@mantine/core';
import { useDepartments } from '../api/departments';
import { useOfficeOptions } from '../api/offices';
import { useRegions } from '../api/regions';
import { ChoiceSelect } from './ChoiceSelect';

type OrgSelectProps = Omit<SelectProps, 'data'>;

/** Choose a region by name (searchable). */
export function RegionSelect(props: OrgSelectProps) {
  const regions = useRegions();
  const data = (regions.data ?? []).map((region) => ({ value: region.id, label: region.name }));
  return <ChoiceSelect searchable {...props} data={data} />;
}

/** Choose an office by name (searchable). */
export function OfficeSelect(props: OrgSelectProps) {
  const offices = useOfficeOptions();
  const data = (offices.data ?? []).map((office) => ({ value: office.id, label: office.name }));
  return <ChoiceSelect searchable {...props} data={data} />;
}

/** Choose a department of an office; disabled until an office is chosen. */
export function DepartmentSelect({
  officeId,
  ...props
}: OrgSelectProps & { officeId: string | null | undefined }) {
  const departments = useDepartments(officeId);
  const data = (departments.data ?? []).map((department) => ({
    value: department.id,
    label: department.name,
  }));
  return <ChoiceSelect disabled={!officeId} {...props} data={data} />;
}
