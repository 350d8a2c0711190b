/**
 * CSV (RFC 4180) that is safe to open in a spreadsheet: every cell quoted, and a cell
 * that starts like a formula (= + - @, tab, CR) is prefixed with ' so it shows as text
 * instead of running (OWASP "CSV injection").
 */
export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
