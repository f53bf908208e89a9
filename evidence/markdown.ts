/** Small markdown helpers for the evidence pages: tables and Mermaid blocks, escaped. */

/** Escapes a table cell (pipes and newlines would break the row). */
export function cell(value: unknown): string {
  const text = value === undefined || value === null || value === '' ? '—' : String(value);
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function table(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0) return '_None._';
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function mermaid(lines: readonly string[]): string {
  return ['```mermaid', ...lines, '```'].join('\n');
}

/** A Mermaid node id from any name (letters, digits, underscores only). */
export function nodeId(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** A Mermaid node label in quotes, with the characters Mermaid treats specially replaced. */
export function label(text: string): string {
  return `"${text.replace(/"/g, "'").replace(/[<>]/g, '')}"`;
}
