import { loadDefaultMatcher } from '../src/language/nodeFiles';
const L = loadDefaultMatcher();
const texts = process.argv.slice(2);
for (const t of texts) {
  const x = L.understand(t);
  console.log(t);
  for (const s of x.spans) console.log('   ', s.term, s.present ? '+' : '-', s.certainty, s.subject, s.temporality, JSON.stringify({ site: s.site, d: s.duration?.days, v: s.value?.value, a: s.attributes }), `"${s.text}"`);
  if (x.unread.length) console.log('    unread:', x.unread);
}
