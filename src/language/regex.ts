/**
 * The matches of a global pattern in `text`, as `text.matchAll(re)` gives them. Read with `exec`
 * on the pattern itself: `matchAll` copies the pattern on every call, which for the few short
 * texts a reading scans with dozens of patterns costs more than the scans.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match moves on by one character (a whole code point when the pattern reads them).
    if (m[0] === '') {
      const wide = /[uv]/.test(re.flags) && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff;
      re.lastIndex += wide ? 2 : 1;
    }
  }
  return out;
}
