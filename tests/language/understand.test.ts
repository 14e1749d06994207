import { describe, expect, it } from 'vitest';
import { loadDefaultMatcher } from '../../src/language/nodeFiles';
import type { Span } from '../../src/schema/language';

const matcher = loadDefaultMatcher();
const read = (text: string, lang: 'en' | 'zh' = 'en') => matcher.understand(text, lang);
/** The patient's own current readings as "term" or "-term" for a denial. */
const own = (text: string, lang: 'en' | 'zh' = 'en') =>
  read(text, lang)
    .spans.filter((s) => s.subject === 'patient' && s.temporality === 'current')
    .map((s) => (s.present ? s.term : `-${s.term}`));
const span = (text: string, term: string, lang: 'en' | 'zh' = 'en'): Span | undefined =>
  read(text, lang).spans.find((s) => s.term === term);

describe('the language layer reads how people describe illness', () => {
  it('reads the sentences a new user typed in the consultation, in both languages', () => {
    expect(own('It burns when I pee and I keep needing to go, even though only a little comes out')).toEqual(
      expect.arrayContaining(['dysuria', 'urinary-frequency']),
    );
    expect(own('It burns when I pee')).not.toContain('burn-injury');
    const toe = own('My big toe is suddenly red, hot, swollen and extremely painful since last night');
    expect(toe).toEqual(expect.arrayContaining(['joint-pain', 'joint-swelling']));
    expect(span('My big toe is suddenly red, hot, swollen and extremely painful since last night', 'joint-pain')?.site?.id).toBe('big-toe');
    expect(
      own('The pain started around my belly button and has moved to the lower right side of my belly. I feel sick and don’t want to eat'),
    ).toEqual(expect.arrayContaining(['right-lower-quadrant-pain', 'nausea', 'loss-of-appetite']));
    expect(own('I get wheezy and tight in the chest, worse at night and when I exercise or it’s cold')).toContain('wheeze');
    expect(own('I’ve been throwing up and have had watery diarrhoea since last night, with stomach cramps')).toEqual(
      expect.arrayContaining(['vomiting', 'diarrhoea']),
    );
    expect(own('小便的时候烧灼痛，总想上厕所，每次只尿一点', 'zh')).toEqual(expect.arrayContaining(['dysuria', 'urinary-frequency']));
  });

  it('keeps denials, hedges, relatives and past history apart from the complaint', () => {
    expect(own('no fever, chills or night sweats, but a cough for 3 weeks')).toEqual(['-fever', '-chills', '-night-sweats', 'cough']);
    expect(own('not had any blood in my stool or black poo')).toEqual(['-rectal-bleeding', '-melaena']);
    expect(span('maybe a bit of a temperature', 'fever')?.certainty).toBe('hedged');
    const mum = read('my mother has a tremor and I have chest pain').spans;
    expect(mum.find((s) => s.term === 'tremor')?.subject).toBe('family');
    expect(mum.find((s) => s.term === 'chest-pain')?.subject).toBe('patient');
    expect(
      span('I had pins and needles in my hands years ago', 'numbness')?.temporality ??
        span('I had pins and needles in my hands years ago', 'hand-numbness')?.temporality,
    ).toBe('past');
    expect(own('没有发烧，也不咳嗽，就是头痛', 'zh')).toEqual(['-fever', '-cough', 'headache']);
    expect(own('I can’t catch my breath')).toEqual(['shortness-of-breath']);
    expect(own('咳个不停', 'zh')).toEqual(['cough']);
  });

  it('reads "after the fever" as the earlier illness the story starts from, and an injury or a bite as what happened', () => {
    expect(span('peeling skin on his palms after the fever', 'fever')?.temporality).toBe('past');
    expect(span('dark urine since my sore throat two weeks ago', 'sore-throat')?.temporality).toBe('past');
    expect(own('peeling skin on his palms after the fever')).toContain('skin-peeling');
    expect(span('hand swollen and red after a cat bite yesterday', 'bite-or-sting')?.temporality).toBe('current');
    expect(span('my knee hurts after the fall', 'knee-pain')?.temporality).toBe('current');
    // Only the complaint the words touch: a fever told later in the sentence is not reached.
    expect(span('after the fall I have had a fever', 'fever')?.temporality).toBe('current');
    // A "had … days ago" episode is over; "have had … since" and an operation are not.
    expect(span('Had a cold with cough 10 days ago.', 'cough')?.temporality).toBe('past');
    expect(span('I have had a cough since 3 days ago', 'cough')?.temporality).toBe('current');
    expect(span('had a hip replacement 6 weeks ago, now my calf is swollen', 'recent-surgery')?.temporality).toBe('current');
  });

  it('reads Chinese notes with English words in them once, and a Latin word as a word', () => {
    expect(own('痰涂片抗酸杆菌阳性，T-SPOT也阳性', 'zh')).toEqual(['tb-tests-sputum-afb-positive', 'tb-tests-igra-positive']);
    expect(own('pt 自诉 palpitation，HR 140', 'zh')).toEqual(['palpitations', 'tachycardia']);
    expect(own('我有点fever，还cough', 'zh')).toEqual(['fever', 'cough']);
  });

  it('reads "like an electric shock" as what a pain is like, not as an electric shock', () => {
    expect(own('sharp pain like electric shocks in my right cheek')).not.toContain('electric-shock');
    expect(own('右边脸像触电一样疼，刷牙就发作', 'zh')).toEqual(['electric-shock-facial-pain']);
    expect(own('electric shock pains in my right cheek and jaw')).toContain('electric-shock-facial-pain');
    expect(own('I got an electric shock from a socket')).toContain('electric-shock');
    expect(own('被电打了一下', 'zh')).toContain('electric-shock');
  });

  it('does not read an event a simile names as having happened', () => {
    expect(own('feels like I’m drowning when I lie down')).not.toContain('submersion');
    expect(own('it’s like being stung by nettles')).not.toContain('bite-or-sting');
    expect(own('肚子疼得像被人打了一样', 'zh')).toEqual(['abdominal-pain']);
    // Said outright, or wanted ("I'd like"), the event stands; "looks like" is a hedge.
    expect(own('I was stung by a bee and my arm is swollen')).toContain('bite-or-sting');
    expect(own('I’d like to know if the dog bite needs antibiotics')).toContain('bite-or-sting');
    expect(span('a rash that looks like a tick bite', 'bite-or-sting')?.certainty).toBe('hedged');
    expect(own('被狗咬了', 'zh')).toContain('bite-or-sting');
  });

  it('reads a cough that brings on a complaint as its trigger, not as a cough', () => {
    expect(own('My head hurts when I cough or strain')).toEqual(['headache']);
    expect(own('I have a cough and my chest hurts when I cough')).toContain('cough');
  });

  it('tells a complaint that has gone from one denied, and reads a question by its answer', () => {
    const status = (text: string, term: string, lang: 'en' | 'zh' = 'en') => {
      const s = span(text, term, lang);
      return s && (s.subject === 'family' ? 'family' : s.temporality === 'past' ? 'past' : s.present ? 'present' : 'absent');
    };
    expect(status('the diarrhoea has stopped but my tummy still hurts', 'diarrhoea')).toBe('past');
    expect(status('not coughing any more', 'cough')).toBe('past');
    expect(status('no longer wheezy', 'wheeze')).toBe('past');
    expect(status('咳嗽已经好了', 'cough', 'zh')).toBe('past');
    expect(status('can’t bend my back anymore', 'limited-movement')).not.toBe('past');
    expect(status('Q: Any blood in the urine? A: No', 'haematuria')).toBe('absent');
    // A bracketed answer belongs to the item before it; a questionnaire's 否 is a no.
    expect(status('neck stiffness (no), photophobia (yes)', 'photophobia')).toBe('present');
    expect(status('neck stiffness (no), photophobia (yes)', 'neck-stiffness')).toBe('absent');
    expect(status('是否胸痛：是；是否心悸：否', 'palpitations', 'zh')).toBe('absent');
    expect(status('Fever? Yes, last night', 'fever')).toBe('present');
    expect(status('问：近期有无发热？答：有，前天38度多', 'fever', 'zh')).toBe('present');
    expect(status('我这两天拉肚子，没别的症状', 'diarrhoea', 'zh')).toBe('present');
    expect(status('颈软，克氏征(-)', 'neuro-exam-meningism', 'zh') ?? 'absent').toBe('absent');
    // A relative's or a past story goes on over its commas, until the patient speaks of themselves or of now.
    expect(status('我妈以前也是这样，手指关节变形，早上僵硬', 'morning-stiffness', 'zh')).toBe('family');
    expect(status('我爷爷82岁了，这几天走路喘', 'shortness-of-breath', 'zh')).toBe('present');
    expect(status('我妈以前有偏头痛，呕吐，我现在也头痛', 'vomiting', 'zh')).toBe('family');
    expect(status('我妈妈以前有高血压，我现在胸口疼', 'chest-pain', 'zh')).toBe('present');
    // A relative's illness is not the patient's, and ends where the patient speaks of themselves.
    expect(status('my mum has diabetes and my feet hurt', 'foot-pain') ?? 'present').toBe('present');
    // "…but it's gone now" tells the complaint before it has gone; "and has…" goes on with the same person.
    expect(status('baby had jaundice at birth but it’s gone now', 'jaundice')).toBe('past');
    expect(status('bad headache but the nausea has gone now', 'headache')).toBe('present');
    expect(status('my father is going yellow and has lost weight', 'weight-loss')).toBe('family');
    expect(status('both my parents are diabetic and I’m always thirsty', 'excessive-thirst')).toBe('present');
    expect(status('no fever and has a cough', 'cough')).toBe('present');
    // 时不时 is "now and then", 上次 is last time, and a denied history is never having had it.
    expect(status('年轻时候有过胃溃疡，现在还会时不时胃疼', 'epigastric-pain', 'zh')).toBe('present');
    expect(status('我上次来是因为胃疼，这次是胸口疼', 'epigastric-pain', 'zh')).toBe('past');
    expect(status('既往史：否认手术外伤史', 'trauma', 'zh')).toBe('absent');
    // One stretch of words may tell two complaints, and a denial reaches both.
    expect(status('D&V since yesterday', 'vomiting')).toBe('present');
    expect(status('上吐下泻', 'diarrhoea', 'zh')).toBe('present');
    expect(status('没有上吐下泻', 'vomiting', 'zh')).toBe('absent');
    expect(status('大小便失禁', 'faecal-incontinence', 'zh')).toBe('present');
    // A relative's illness told as happening now is told by a carer about the patient; a family history is not.
    expect(status('my mum’s face suddenly dropped and her words are slurred, started an hour ago', 'slurred-speech')).toBe('present');
    expect(status('我爸有慢阻肺，一直咳痰，最近又加重了', 'productive-cough', 'zh')).toBe('present');
    expect(status('mum got sudden eye pain and saw halos, it was glaucoma', 'eye-pain')).toBe('family');
    expect(status('my mum has had diabetes since she was 40', 'known-diabetes')).toBe('family');
    // Someone else's catching complaint now is the patient's sick contact; a relative's diabetes is not.
    expect(status('My husband has been coughing for months and I’m worried', 'sick-contact')).toBe('present');
    // A relative telling of the patient ("我爸81岁…") is no contact.
    expect(status('我爸81岁，喝水吃饭经常呛咳', 'sick-contact', 'zh')).toBeUndefined();
    expect(status('我老公和儿子都在发烧咳嗽，我今天也开始嗓子疼了', 'sick-contact', 'zh')).toBe('present');
    expect(status('my mum has diabetes', 'sick-contact')).toBeUndefined();
    expect(status('my dad had a cough years ago', 'sick-contact')).toBeUndefined();
    // A partner's or a friend's complaint is theirs; a comparison with classmates is not.
    expect(status('My girlfriend has started itching too.', 'itching')).toBe('family');
    expect(status('我男朋友也咳嗽', 'cough', 'zh')).toBe('family');
    expect(status('my son is much shorter than his classmates and hasn’t grown in a year', 'growth-failure')).toBe('present');
    // "Without trying" says the weight loss was not meant, not that there was none.
    expect(status('Lost about 6 kg without trying.', 'weight-loss')).toBe('present');
    expect(status('体重下降5公斤，没有刻意减肥', 'weight-loss', 'zh')).toBe('present');
  });

  it('keeps a phrase from reaching over a denial, and a phrase’s last word from being skipped', () => {
    expect(own('Cough but no phlegm')).toContain('cough');
    expect(own('Cough but no phlegm')).not.toContain('productive-cough');
    expect(own('dizzy but the room isn’t spinning')).not.toContain('vertigo');
    // "crushed my …" names an injury; "crushing" chest pain does not.
    expect(own('Crushing central chest pain')).not.toContain('trauma');
    expect(own('Trouble falling asleep')).not.toContain('trauma');
    expect(own('a spot on my nose')).not.toContain('vaginal-bleeding');
    expect(own('my mouth burns all the time')).not.toContain('burn-injury');
    // A faint hue or murmur is not fainting, "intermittent" is not a stop-start stream, and a
    // finding name is not read from "no" and one shared word.
    expect(own('faint pinkish hue behind the drum')).not.toContain('syncope');
    expect(own('I fainted at work')).toContain('syncope');
    expect(own('2 weeks of intermittent dark brown vaginal bleeding')).not.toContain('interrupted-urine-stream');
    expect(own('No change in bowel habit')).not.toContain('physical-exam-absent-bowel-sounds');
    // "Previous" tells past history, except of the days before now.
    expect(span('On aspirin for a previous TIA', 'transient-focal-deficit')?.temporality).toBe('past');
    expect(span('fever over the previous 3 days', 'fever')?.temporality).toBe('current');
  });

  it('reads notes’ markers and labels as a clinician would', () => {
    // A tumour marker is no calcium; a Latin label after Chinese still reads its value.
    expect(own('CA125升高，CA199 560', 'zh')).not.toContain('hypercalcaemia');
    expect(span('转氨酶ALT 86', 'raised-alt', 'zh')?.value?.value).toBe(86);
    // "kPa" holds no "KP"; a low-grade fever is a fever; pain that runs on to the back is radiation.
    expect(own('肝弹性12.5kPa', 'zh')).not.toContain('slit-lamp-keratic-precipitates');
    expect(own('发烧不高，37.8左右', 'zh')).toContain('fever');
    expect(span('胸口撕裂一样疼，一直疼到后背', 'tearing-chest-back-pain', 'zh')?.attributes?.radiation?.[0]?.id).toBe('back');
    // Surgery five years ago is history, not a recent operation.
    expect(span('乳腺癌术后五年', 'recent-surgery', 'zh')?.temporality ?? 'past').toBe('past');
  });

  it('reads a body function said to be normal as the complaints it rules out', () => {
    expect(own('Hearing: fine. Appetite good, bowels regular, no problems with my waterworks')).toEqual(
      expect.arrayContaining(['-hearing-loss', '-loss-of-appetite', '-diarrhoea', '-constipation', '-dysuria']),
    );
    expect(own('胃口好，睡眠可以，大小便正常', 'zh')).toEqual(
      expect.arrayContaining(['-loss-of-appetite', '-insomnia', '-diarrhoea', '-dysuria']),
    );
    expect(own('temperature normal')).toContain('-fever');
    // Denied normal is a complaint; a function named alone says nothing; a site's words still make a site.
    expect(own('my hearing is not normal')).toContain('hearing-loss');
    expect(own('I want to ask about my hearing')).toEqual([]);
    expect(own('pain in my bowels')).toContain('abdominal-pain');
  });

  it('reads the pain of a "疼到" where it starts, and a lay phrase leaves the pain to its site', () => {
    expect(own('肩膀痛到手举不起来', 'zh')).toEqual(expect.arrayContaining(['shoulder-pain', 'limited-movement']));
    expect(own('左肩疼得抬不起来', 'zh')).toEqual(expect.arrayContaining(['shoulder-pain', 'limited-movement']));
    expect(own('没有发烧也没有痰', 'zh')).toEqual(['-fever', '-productive-cough']);
  });

  it('reads one swollen leg apart from swollen ankles', () => {
    expect(
      own('my left calf is swollen').some((t) => t === 'unilateral-leg-swelling' || t === 'physical-exam-unilateral-calf-swelling'),
    ).toBe(true);
    expect(own('my left calf is swollen')).not.toContain('ankle-swelling');
    expect(own('both my ankles are swollen')).toContain('ankle-swelling');
    expect(own('lump in my armpit, sore')).not.toContain('limb-pain');
    // A complaint word before a lesion describes the lesion; "the pain is back" names no back.
    expect(own('painful blisters on my back')).not.toContain('back-pain');
    expect(own('the same pain is back again')).not.toContain('back-pain');
    expect(own('my foot hurts')).toContain('foot-pain');
  });

  it('reads thousands written with commas, and "quite" is not "quit"', () => {
    expect(span('CK 4,800 U/L', 'raised-ck')?.value?.value).toBe(4800);
    expect(span('temp 38,5', 'raised-temperature')?.value?.value).toBe(38.5);
    expect(span('Lost weight quite fast.', 'weight-loss')?.present).toBe(true);
    // "non-" denies only the word it is joined to; 鼻唇沟 is on the face, not the lips.
    expect(span('Non-healing spot on the nose for 1 year', 'rash')?.present).toBe(true);
    expect(span('abdomen soft, non-tender', 'abdominal-pain')?.present).toBe(false);
    expect(own('左鼻唇沟上方淡红色结节', 'zh')).not.toContain('lump-in-mouth');
    // "Over the last 2 weeks" is the course, not "I'm over my…"; "比以前" compares with before.
    expect(span('Over the last 2 weeks cough', 'cough')?.temporality).toBe('current');
    expect(span('最近觉得比以前多了大了，有时候肚子胀', 'bloating', 'zh')?.temporality).toBe('current');
  });

  it('reads durations, sides and values with their units converted', () => {
    expect(span('cough for 3 weeks', 'cough')?.duration?.days).toBe(21);
    expect(span('发烧三天了', 'fever', 'zh')?.duration?.days).toBe(3);
    expect(span('my left knee is swollen', 'joint-swelling')?.site).toEqual({ id: 'knee', side: 'left' });
    const values = read('a fever of 102 F, BP 180/110, sugar 270 mg/dL, sats 88%').spans.flatMap((s) =>
      s.value ? [[s.value.analyte, s.value.value]] : [],
    );
    expect(values).toEqual(
      expect.arrayContaining([
        ['temperature', 38.9],
        ['systolic-bp', 180],
        ['diastolic-bp', 110],
        ['glucose', 15],
        ['spo2', 88],
      ]),
    );
    expect(span('心率120', 'tachycardia', 'zh')?.value?.value).toBe(120);
    expect(span('血小板只有三萬', 'thrombocytopenia', 'zh')?.value?.value).toBe(30);
  });

  it('reads traditional characters and full-width digits as their simplified forms', () => {
    expect(own('喉嚨痛，發燒兩天', 'zh')).toEqual(expect.arrayContaining(['sore-throat', 'fever']));
    expect(span('体温３９．２度', 'raised-temperature', 'zh')?.value?.value).toBe(39.2);
  });

  it('reads text-speak, and "every 10 min" as how often, not how long', () => {
    expect(own('pee burns n i gotta go like every 10 min, cnt sleep at nite')).toEqual(
      expect.arrayContaining(['dysuria', 'urinary-frequency', 'insomnia']),
    );
    expect(span('pee burns n i gotta go like every 10 min', 'urinary-frequency')?.duration).toBeUndefined();
  });

  it('tolerates typos on longer words and never on short ones', () => {
    expect(own('bad diarhea and vomitting')).toEqual(expect.arrayContaining(['diarrhoea', 'vomiting']));
    expect(own('I feel thing')).toEqual([]);
  });

  it('reads a pregnancy by its weeks and history terms', () => {
    const p = span('I’m 34 weeks and the baby hasn’t moved much since yesterday', 'pregnant');
    expect(p?.attributes?.gestationWeeks).toBe(34);
    expect(own('I smoke 20 a day and just got back from Thailand')).toEqual(expect.arrayContaining(['smoker', 'recent-travel']));
    // Long-term conditions and medicines are history the doctor weighs.
    expect(own('I’m diabetic, on warfarin and tablets for high blood pressure')).toEqual(
      expect.arrayContaining(['known-diabetes', 'anticoagulant-use', 'known-hypertension']),
    );
    expect(own('有高血压和糖尿病，在吃华法林', 'zh')).toEqual(
      expect.arrayContaining(['known-hypertension', 'known-diabetes', 'anticoagulant-use']),
    );
    expect(span('my mum has diabetes', 'known-diabetes')?.subject).toBe('family');
    // Past smoking is still smoking history for the doctor; never smoking is none.
    const ids = (text: string) => matcher.match(text).map((m) => (m.negated ? `-${m.term}` : m.term));
    expect(ids('I stopped smoking ten years ago')).toContain('smoker');
    expect(ids('never smoked')).toContain('-smoker');
    // Losing weight on purpose is no weight loss; a glucose meter's reading is a glucose.
    expect(own('trying to eat less to lose weight')).toEqual([]);
    expect(span('my meter said 2.8 when I was shaky', 'hypoglycaemia')?.value?.value).toBe(2.8);
    // A normal temperature says there is no fever; a word that only looks like a complaint is none.
    expect(own('temperature 36.8')).not.toContain('fever');
    expect(own('my shoes don’t fit any more')).not.toContain('seizure');
    expect(own('I’m worried about my son')).not.toContain('anxiety');
    expect(own('trying to cut down on caffeine')).not.toContain('self-harm');
  });

  it('points every span at the words that said it', () => {
    const text = 'Headache since Monday, no vomiting';
    for (const s of read(text).spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    const zh = '喉嚨痛，發燒兩天';
    for (const s of read(zh, 'zh').spans) expect(zh.slice(s.start, s.end)).toBe(s.text);
  });

  it('says what it did not understand, and survives any input', () => {
    expect(read('The weather is nice, I like my garden').unread.length).toBeGreaterThan(0);
    for (const bad of ['', '   ', '?!?!…', '😀😀 🤒', '<script>alert(1)</script> fever', 'ḟéver\u0000\uFFFF', 'a'.repeat(20_000)]) {
      const x = read(bad);
      expect(Array.isArray(x.spans)).toBe(true);
    }
    const long = 'I have a headache and no fever. '.repeat(600);
    const x = read(long);
    expect(x.spans.map((s) => `${s.present ? '' : '-'}${s.term}`)).toEqual(['headache', '-fever']);
  });
});
