/**
 * Keeps the API key out of every text the hospital shows or logs. Providers echo keys back in
 * error bodies ("Incorrect API key provided: sk-…"), so the key itself, its bearer header and
 * anything shaped like a provider key are masked.
 */
export const REDACTED = '[redacted]';

const KEY_SHAPES = /\b(?:sk|pk|rk|ak)-[A-Za-z0-9_*.-]{6,}/g;

export function redact(text: string, key: string | undefined): string {
  let out = text;
  if (key && key.length >= 4) {
    out = out.split(key).join(REDACTED);
    // A partial echo of a long key (its first or last dozen characters) is masked too.
    if (key.length >= 16) {
      out = out.split(key.slice(0, 12)).join(REDACTED).split(key.slice(-12)).join(REDACTED);
    }
  }
  return out.replace(/Bearer\s+[^\s"',]+/gi, `Bearer ${REDACTED}`).replace(KEY_SHAPES, REDACTED);
}
