/**
 * Bounds on what a spreadsheet import may cost. Files come from users (uploads, shared drives),
 * so every reader refuses input beyond these limits with a clear error instead of exhausting
 * memory or disk. Callers may tighten or loosen them per import.
 */
export interface TabularLimits {
  /** Size of the file as received (CSV bytes or the compressed XLSX). */
  maxBytes: number;
  /** Total size of all XLSX parts once decompressed: the zip-bomb guard. */
  maxUncompressedBytes: number;
  /** Data rows, header excluded. */
  maxRows: number;
  /** Columns in the header row. */
  maxColumns: number;
  /** Characters in one cell (Excel itself stops at 32,767). */
  maxCellChars: number;
}

export const DEFAULT_TABULAR_LIMITS: TabularLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 200,
  maxCellChars: 32_767,
};

export function resolveLimits(overrides: Partial<TabularLimits> = {}): TabularLimits {
  return { ...DEFAULT_TABULAR_LIMITS, ...overrides };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Math.round((bytes / 1024 ** 3) * 10) / 10} GiB`;
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}
