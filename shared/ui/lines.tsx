/**
 * A resident's or officer's own words: each line break kept as <br>, and the whole run
 * isolated (<bdi>) so right-to-left text cannot reorder what follows it.
 */
export function Lines({ text }: { text: string }) {
  return <bdi>{text.split(/\r\n|\r|\n/).map((line, i) => (i === 0 ? line : [<br />, line]))}</bdi>;
}
