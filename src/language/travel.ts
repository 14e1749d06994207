/**
 * Recent travel, told as a journey to a place: "just got back from Thailand", "holiday in
 * Kenya", "刚从泰国回来", "去过非洲". A journey counts only with a travel word and a place on
 * the list below (countries and regions a clinician asks about for imported infection), so
 * "back from the shops" is no travel.
 */
import { matchesOf } from './regex';

const PLACES_EN = `abroad overseas africa asia india thailand vietnam cambodia laos myanmar burma indonesia bali malaysia
philippines singapore china hong kong taiwan japan korea nepal pakistan bangladesh sri lanka afghanistan iran iraq
saudi arabia saudi dubai uae qatar egypt morocco tunisia turkey nigeria ghana kenya tanzania uganda zambia zimbabwe
malawi mozambique congo cameroon senegal gambia sierra leone liberia ethiopia sudan somalia madagascar south africa
brazil peru colombia bolivia ecuador venezuela mexico guatemala honduras caribbean jamaica haiti cuba dominican
republic central america south america latin america middle east the tropics tropics sub-saharan africa west africa
east africa southeast asia south east asia the amazon amazon goa kerala`
  .split(/\n/)
  .join(' ');
/** Multi-word places first, so "sri lanka" wins over a shorter one. */
const PLACE_LIST = [
  'sri lanka',
  'hong kong',
  'saudi arabia',
  'sierra leone',
  'south africa',
  'central america',
  'south america',
  'latin america',
  'middle east',
  'the tropics',
  'sub-saharan africa',
  'west africa',
  'east africa',
  'southeast asia',
  'south east asia',
  'the amazon',
  'dominican republic',
  ...PLACES_EN.split(/\s+/).filter((w) => w.length > 2),
];
const EN_TRAVEL = new RegExp(
  String.raw`\b(?:back from|came back from|got back from|returned from|returning from|flew (?:in|back) from|been (?:to|in)|went to|trip to|travel(?:l)?ed (?:to|in|around)|holiday(?:s|ing)? (?:in|to)|vacation (?:in|to)|visit(?:ed|ing)|over from|working in|stayed in)\s+(?:the\s+)?(${PLACE_LIST.map((p) => p.replace(/[-\s]/g, '[-\\s]')).join('|')})\b`,
  'gi',
);
const ZH_PLACES =
  '国外|境外|非洲|东南亚|南亚|中东|南美|泰国|越南|柬埔寨|老挝|缅甸|印尼|印度尼西亚|巴厘岛|马来西亚|菲律宾|新加坡|印度|尼泊尔|巴基斯坦|孟加拉|斯里兰卡|埃及|尼日利亚|肯尼亚|坦桑尼亚|乌干达|刚果|埃塞俄比亚|南非|巴西|秘鲁|墨西哥|沙特|迪拜|疫区|云南边境|热带';
const ZH_TRAVEL = new RegExp(
  `(?:刚从|从|去过|去了|到过|在|去)(?:${ZH_PLACES})[^，。,.]{0,6}?(?:回来|回国|旅游|旅行|出差|务工|打工|待了|玩|度假)|(?:出国|出境|回国)(?:了|旅游|回来)|(?:${ZH_PLACES})(?:回来|旅游回来|出差回来)`,
  'g',
);

const EN_HINT = /back|return|been|went|trip|travel|holiday|vacation|visit|over from|working in|stayed/i;
const ZH_HINT = /回来|旅游|旅行|出差|出国|出境|回国|务工|打工|待了|玩|度假/;

export function readTravel(text: string): { start: number; end: number; place: string }[] {
  const out: { start: number; end: number; place: string }[] = [];
  for (const re of [EN_HINT.test(text) ? EN_TRAVEL : undefined, ZH_HINT.test(text) ? ZH_TRAVEL : undefined]) {
    if (!re) continue;
    for (const m of matchesOf(re, text)) {
      const place = m[1] ?? new RegExp(ZH_PLACES).exec(m[0])?.[0] ?? (/出国|出境/.test(m[0]) ? '国外' : '');
      out.push({ start: m.index, end: m.index + m[0].length, place: place.toLowerCase() });
    }
  }
  return out;
}
