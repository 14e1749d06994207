/**
 * What a learner's question asks, beyond the symptoms it names: an open question, the story of
 * the presenting complaint (the SOCRATES items: site, onset, character, radiation, associated
 * symptoms, timing, exacerbating and relieving factors, severity), past history, medicines and
 * allergies, family and social history, menstrual and pregnancy history, and the patient's
 * ideas, concerns and expectations — the items an OSCE examiner ticks.
 */
import type { Lang } from '../schema/common';
import type { TermId } from '../schema/ids';

export const HISTORY_INTENTS = [
  'open',
  'site',
  'onset',
  'character',
  'radiation',
  'associated',
  'timing',
  'aggravating',
  'relieving',
  'severity',
  'past-history',
  'medications',
  'allergies',
  'family-history',
  'smoking',
  'alcohol',
  'drugs',
  'occupation',
  'travel',
  'sexual-history',
  'menstrual',
  'pregnancy',
  'ideas',
  'concerns',
  'expectations',
] as const;
export type HistoryIntent = (typeof HISTORY_INTENTS)[number];

/** Cues, written as they are asked; the first that matches a question wins for its intent. */
const EN: Record<HistoryIntent, RegExp> = {
  open: /\b(what (brings|brought) you|how can i help|what seems to be|what'?s (been )?(the|going on|wrong|the matter)|what is the (problem|matter)|tell me (about|what)|how are you (feeling|doing)|what made you come|why have you come|what can i do for you)/i,
  site: /\b(where (is|does|exactly|about)|which (part|side)|point to|show me where|whereabouts)/i,
  onset:
    /\b(when did (it|this|the \w+|they|you first)|how long (have|has|ago)|since when|start(ed)? (suddenly|gradually)|come on (suddenly|gradually)|how did (it|this) (start|begin|come on))/i,
  character:
    /\b(what (is|does) (it|the pain) (like|feel like)|describe (it|the pain)|sharp or dull|what kind of pain|what sort of pain|burning|stabbing|crushing|throbbing)/i,
  radiation: /\b(does (it|the pain) (go|spread|move|radiate)|spread anywhere|radiat|go anywhere else|move anywhere)/i,
  associated: /\b(any(thing)? else|other symptoms|anything other|noticed anything else|any other (problems|changes|symptoms))/i,
  timing:
    /\b(constant|come and go|comes and goes|all the time|how often|getting (better|worse)|worse at (night|any time)|time of day|pattern|episodes?)/i,
  aggravating: /\b(makes? (it|things) worse|worse (when|with|if|after)|bring(s)? it on|trigger)/i,
  relieving: /\b(makes? (it|things) better|(anything|what) (that )?helps|help(s)? (it|the pain)|relieve|eases?|tried (anything|taking))/i,
  severity: /\b(how (bad|severe|strong)|scale of|out of (10|ten)|rate (it|the pain)|how much does it (hurt|bother))/i,
  'past-history':
    /\b(medical (history|problems|conditions)|past (history|illness)|any (other )?(illness|conditions|operations|surgery)|been in hospital|health problems|had (this|anything like this) before|ever had)/i,
  medications: /\b(medication|medicines?|tablets?|pills?|taking anything|on any (drugs|treatment)|prescri|over the counter|inhalers?)/i,
  allergies: /\b(allerg)/i,
  'family-history': /\b(family|parents?|mother|father|mum|dad|brothers?|sisters?|siblings?|run in|relatives?)/i,
  smoking: /\b(smoke|smoking|cigarettes?|tobacco|vape|vaping)/i,
  alcohol: /\b(alcohol|drink(s|ing)?\b(?! water)|beers?|wine|units)/i,
  drugs: /\b(recreational|street drugs|illicit|cannabis|weed|cocaine|heroin|inject)/i,
  occupation: /\b(work|job|occupation|what do you do|employ)/i,
  travel: /\b(travel|abroad|overseas|been away|trip|holiday)/i,
  'sexual-history': /\b(sexual|sexually|partners?|unprotected|condoms?|std|sti)/i,
  menstrual: /\b(periods?|menstrua|last period|cycle|bleeding down below)/i,
  pregnancy: /\b(pregnan|expecting|contracepti)/i,
  ideas: /\b(what do you think (it is|is causing|might be|is going on)|any ideas|your (own )?thoughts)/i,
  concerns: /\b(worried|worry|concern(ed|s)?|afraid|scared|anxious about)/i,
  expectations: /\b(hoping|expect|what would you like|how can we help|what do you want)/i,
};

const ZH: Record<HistoryIntent, RegExp> = {
  open: /(哪里不舒服|怎么了|什么问题|有什么不舒服|什么情况|哪儿不好|来看什么|为什么来|说说情况|什么事)/,
  site: /(哪里|哪儿|什么部位|哪个位置|哪一边|指一下)/,
  onset: /(什么时候开始|多久了|多长时间|几天了|从什么时候|怎么开始的|突然.*还是|起病)/,
  character: /(什么样的痛|怎么个痛|什么感觉|刺痛还是|胀痛还是|描述一下)/,
  radiation: /(往.*(放射|窜)|放射|窜到|传到别的地方)/,
  associated: /(还有(别的|其他|什么)|其他症状|别的不舒服|伴随)/,
  timing: /(一直.*还是|持续|一阵一阵|阵发|什么时候更|加重了|越来越|多久一次)/,
  aggravating: /(什么情况下加重|加重|诱因|什么时候厉害)/,
  relieving: /(什么情况下缓解|缓解|好一点|好转|吃过什么药)/,
  severity: /(有多痛|多严重|几分|打分|程度)/,
  'past-history': /(以前|既往|得过什么病|有什么病|做过手术|住过院|慢性病|病史)/,
  medications: /(吃什么药|用什么药|在吃药|服药|用药)/,
  allergies: /(过敏)/,
  'family-history': /(家里人|家族|父母|爸爸|妈妈|兄弟姐妹|遗传)/,
  smoking: /(抽烟|吸烟)/,
  alcohol: /(喝酒|饮酒)/,
  drugs: /(吸毒|毒品)/,
  occupation: /(工作|职业|做什么的)/,
  travel: /(出差|旅行|旅游|去过哪|出国|外地)/,
  'sexual-history': /(性生活|性伴侣|同房|安全措施)/,
  menstrual: /(月经|例假|大姨妈|末次月经)/,
  pregnancy: /(怀孕|怀上|避孕)/,
  ideas: /(你觉得是什么|自己觉得|你认为)/,
  concerns: /(担心|害怕|顾虑)/,
  expectations: /(希望|想要.*(做|检查|治疗)|期望)/,
};

export interface QuestionReading {
  /** What the question asks about, besides symptoms (may be several: "Any allergies or medicines?"). */
  intents: HistoryIntent[];
  /** Symptoms it asks about by name ("Any fever or chills?"). */
  terms: TermId[];
}

/**
 * Reads a learner's question. `terms` come from the language layer's reading of the same text
 * (so lay words count: "Does it hurt when you pee?" asks about dysuria).
 */
export function readQuestion(text: string, lang: Lang, terms: readonly TermId[]): QuestionReading {
  const table = /\p{Script=Han}/u.test(text) ? ZH : lang === 'zh' ? ZH : EN;
  const intents = HISTORY_INTENTS.filter((i) => table[i].test(text));
  // "Any bleeding down below?" names a symptom: the symptom is the question, not the menstrual history.
  const named = intents.filter((i) => !(terms.length > 0 && (i === 'menstrual' || i === 'character' || i === 'timing')));
  // "What's wrong, where don't you feel well?" is an open question, not a question about malaise.
  const asked = named.includes('open') ? terms.filter((t) => t !== 'malaise') : [...terms];
  return { intents: named, terms: asked };
}
