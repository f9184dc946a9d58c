// One JSON line per event on stderr. Never document content, never query strings (tokens travel there).
export function log(event: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), event, ...fields })}\n`);
}
