/**
 * Speech bubbles as data: who says what, since when. The scene draws what `visible()` returns.
 * Bubbles never pile up: a speaker has one bubble at a time (a new line replaces the old), and
 * at most `max` are on screen (the oldest goes first). Lines fade out at the end of their life.
 */
export interface Bubble {
  speaker: string;
  text: string;
  /** Wrapped lines of `text`. */
  lines: string[];
  /** Real milliseconds when it appeared. */
  born: number;
  /** Real milliseconds it stays, fade included. */
  life: number;
  /** What it was said about (an event), so it can be said again in another language. */
  source?: unknown;
}

export interface BubbleOptions {
  /** Bubbles on screen at once. */
  max: number;
  /** Characters per wrapped line (a CJK character counts as two). */
  width: number;
  /** Lines kept; longer text ends with an ellipsis. */
  maxLines: number;
  /** Shortest life; longer text stays longer so it can be read. */
  minLifeMs: number;
  /** Extra life per character. */
  msPerChar: number;
  /** Fading time at the end of life. */
  fadeMs: number;
}

export const DEFAULT_BUBBLES: BubbleOptions = { max: 14, width: 26, maxLines: 3, minLifeMs: 2200, msPerChar: 45, fadeMs: 500 };

/** Display width of a character: CJK and full-width punctuation take two columns. */
function cols(ch: string): number {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;
}

/**
 * Wraps text to `width` columns: at spaces for Latin text, anywhere between CJK characters.
 * A word longer than the line is cut. Lines beyond `maxLines` are dropped and the last kept
 * line ends with '…'.
 */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const push = (): void => {
    lines.push(line.trimEnd());
    line = '';
    used = 0;
  };
  const tokens =
    text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+/g) ??
    [];
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (used > 0 && used < width) {
        line += ' ';
        used += 1;
      }
      continue;
    }
    const w = [...token].reduce((n, ch) => n + cols(ch), 0);
    if (used + w > width && used > 0) push();
    if (w > width) {
      for (const ch of token) {
        if (used + cols(ch) > width) push();
        line += ch;
        used += cols(ch);
      }
    } else {
      line += token;
      used += w;
    }
  }
  if (line.trim()) push();
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1] as string;
    kept[maxLines - 1] = `${[...last].slice(0, Math.max(0, [...last].length - 1)).join('')}…`;
    return kept;
  }
  return lines;
}

export class BubbleQueue {
  private bubbles: Bubble[] = [];

  constructor(private readonly options: BubbleOptions = DEFAULT_BUBBLES) {}

  say(speaker: string, text: string, now: number, source?: unknown): Bubble {
    const o = this.options;
    this.bubbles = this.bubbles.filter((b) => b.speaker !== speaker);
    const bubble: Bubble = {
      speaker,
      text,
      lines: wrap(text, o.width, o.maxLines),
      born: now,
      life: o.minLifeMs + o.msPerChar * text.length,
      ...(source === undefined ? {} : { source }),
    };
    this.bubbles.push(bubble);
    while (this.bubbles.length > o.max) this.bubbles.shift();
    return bubble;
  }

  /**
   * Grows a bubble's words as they stream in, keeping it alive long enough to read them.
   * Returns false when the bubble is gone (replaced or expired): the stream should stop.
   */
  grow(bubble: Bubble, text: string, now: number): boolean {
    if (!this.bubbles.includes(bubble) || now >= bubble.born + bubble.life) return false;
    const o = this.options;
    bubble.text = text;
    bubble.lines = wrap(text, o.width, o.maxLines);
    bubble.life = Math.max(bubble.life, now - bubble.born + o.minLifeMs + o.msPerChar * text.length);
    return true;
  }

  /** Bubbles alive at `now`, oldest first, with their opacity (1, fading to 0 at the end). */
  visible(now: number): { bubble: Bubble; alpha: number }[] {
    this.bubbles = this.bubbles.filter((b) => now < b.born + b.life);
    return this.bubbles.map((bubble) => {
      const left = bubble.born + bubble.life - now;
      return { bubble, alpha: Math.max(0, Math.min(1, left / this.options.fadeMs)) };
    });
  }

  /** Replaces each bubble's words (same speaker, same life): the language changed. */
  retext(words: (b: Bubble) => string): void {
    for (const b of this.bubbles) {
      b.text = words(b);
      b.lines = wrap(b.text, this.options.width, this.options.maxLines);
    }
  }

  /** Forget everything (the language changed, or the world restarted). */
  clear(): void {
    this.bubbles = [];
  }

  get size(): number {
    return this.bubbles.length;
  }
}
