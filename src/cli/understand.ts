import { parseArgs } from 'node:util';
import type { Span } from '../schema/language';
import { loadDefaultMatcher } from '../language/nodeFiles';
import { choiceOption } from './args';
import type { HospitalContext } from './context';
import { UsageError, type CliIo } from './io';

/** How a span reads on one line: "dysuria  present  'burns when I pee'  site: …  3 days". */
function describe(s: Span): string {
  const status = !s.present ? 'absent' : s.certainty === 'hedged' ? 'possible' : 'present';
  const whose = [s.subject === 'family' ? 'family history' : '', s.temporality === 'past' ? 'past history' : ''].filter(Boolean);
  const parts = [
    s.term.padEnd(28),
    status.padEnd(8),
    `"${s.text}"`,
    ...whose,
    s.site ? `site: ${s.site.side ? `${s.site.side} ` : ''}${s.site.id}` : '',
    s.duration ? `${s.duration.days} day(s) ("${s.duration.text}")` : '',
    s.value ? `${s.value.analyte} ${s.value.value} ${s.value.unit}` : '',
  ];
  return parts.filter(Boolean).join('  ');
}

/** `agent-hospital understand "TEXT"`: what the language layer reads in a text, for teachers and tests. */
export function runUnderstand(argv: string[], io: CliIo, context: () => HospitalContext): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { lang: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const lang = choiceOption('lang', values.lang, ['en', 'zh'] as const, 'en');
  if (positionals.length === 0) throw new UsageError('give the text to read, in quotes: understand "it burns when I pee" --lang en');
  const text = positionals.join(' ');
  const extraction = loadDefaultMatcher(context().kb).understand(text, lang);
  if (values.json) {
    io.out(JSON.stringify({ text, ...extraction }));
    return 0;
  }
  if (extraction.spans.length === 0) io.out('understood nothing');
  for (const s of extraction.spans) io.out(describe(s));
  for (const v of extraction.normalValues) io.out(`${v.analyte.padEnd(28)} normal    "${v.written}" = ${v.value} ${v.unit}`);
  for (const u of extraction.unread) io.out(`not understood: "${u}"`);
  return 0;
}
