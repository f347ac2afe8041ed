/* Plain-text renderings for people reading a terminal: aligned tables and field lists. */

export type Cell = string | number | boolean | null | undefined;

/**
 * Stored text may hold tabs, newlines or terminal escape sequences; shown raw they would break the
 * alignment or drive the terminal, so every control character is shown as a space.
 */
function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function alignRows(rows: readonly (readonly Cell[])[]): string {
  const texts = rows.map((row) => row.map(cellText));
  const widths: number[] = [];
  for (const row of texts) row.forEach((text, i) => (widths[i] = Math.max(widths[i] ?? 0, text.length)));
  return texts
    .map((row) =>
      row
        .map((text, i) => text.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A header line and one line per row, columns padded to their widest cell and two spaces apart. */
export function formatTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return alignRows([headers, ...rows]);
}

/** One `label  value` line per field, the values aligned (for `show` commands). */
export function formatFields(fields: readonly (readonly [label: string, value: Cell])[]): string {
  return alignRows(fields.map(([label, value]) => [`${label}:`, value]));
}
