/**
 * 4000 → "4,000" (UK grouping). Not toLocaleString: loading ICU locale data would cost
 * the submit Lambda ~14 ms of cold start (see README performance notes).
 */
export function formatThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
