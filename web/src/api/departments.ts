import type { Department, DepartmentCreate, DepartmentUpdate } from '@server/modules/org/org.schema';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { useCreate, useRemove, useUpdate } from './mutations';

const PATH = '/api/departments';
const KEYS = [['departments'], ['people']];

/** The departments of one office; disabled until an office is chosen. */
export function useDepartments(officeId: string | null | undefined) {
  return useQuery({
    queryKey: ['departments', 'list', officeId],
    queryFn: async () => (await api.get<{ items: Department[] }>(PATH, { office_id: officeId })).items,
    enabled: Boolean(officeId),
  });
}

export const useCreateDepartment = () => useCreate<DepartmentCreate, Department>(PATH, KEYS);
export const useUpdateDepartment = () => useUpdate<Omit<DepartmentUpdate, 'version'>, Department>(PATH, KEYS);
export const useRemoveDepartment = () => useRemove(PATH, KEYS);
