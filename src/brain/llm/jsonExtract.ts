/**
 * Finds the JSON object in a model's reply when the endpoint could not be held to a schema:
 * a ```json fence, or the first balanced {...} in the text. Returns undefined when there is none.
 */
export function extractJson(text: string): unknown {
  const fenced = /```(?:json|JSON)?\s*([\s\S]*?)```/.exec(text);
  const candidates = fenced?.[1] ? [fenced[1], text] : [text];
  for (const candidate of candidates) {
    const direct = tryParse(candidate.trim());
    if (direct !== undefined) return direct;
    const balanced = firstBalancedObject(candidate);
    if (balanced !== undefined) {
      const parsed = tryParse(balanced);
      if (parsed !== undefined) return parsed;
    }
  }
  return undefined;
}

function tryParse(s: string): unknown {
  if (!s.startsWith('{') && !s.startsWith('[')) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

/** The first {...} whose braces balance, skipping braces inside strings. */
function firstBalancedObject(s: string): string | undefined {
  const start = s.indexOf('{');
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return s.slice(start, i + 1);
  }
  return undefined;
}
