// Small text helpers shared by the CLI and the extension's messages.

/** An error (or anything thrown) as one message. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** `text` cut to `max` UTF-16 units with an ellipsis, for labels and prompts. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
