/**
 * CSV (RFC 4180) that is safe to open in a spreadsheet: every cell quoted, and a cell
 * that starts like a formula (= + - @, tab, CR) is prefixed with ' so it shows as text
 * instead of running (OWASP "CSV injection").
 */
function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Rows as CSV lines, each ending CRLF: for a file written a page at a time. */
export function csvRows(rows: unknown[][]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return csvRows([header, ...rows]);
}
