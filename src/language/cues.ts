/**
 * The words that change what a complaint means without naming one — a NegEx/ConText-style cue
 * list for English and Chinese. They are grammar, not medicine, so they live here rather than
 * in the lexicon files. Every list is matched with the same folding as the lexicons (stems for
 * English), and a lexicon phrase that contains a cue wins over the cue ("can't sleep" is
 * insomnia, "no appetite" is loss of appetite, "咳个不停" is a cough).
 */
export type CueKind =
  /** Denies what follows in its clause ("no", "denies", "没有"). */
  | 'negate'
  /** Denies what came before in its clause ("fever — gone now", "…好了"). */
  | 'negate-after'
  /** Looks like a cue and is not ("can't stop", "not sure", "不停", "不舒服"). */
  | 'pseudo'
  /** Uncertain ("maybe", "I think", "可能"). */
  | 'hedge'
  /** A relative's, not the patient's ("my mum has", "爸爸有"). */
  | 'family'
  /** The patient's past history ("years ago", "as a child", "以前", "去年"). */
  | 'past'
  | 'past-after'
  /** Ends every cue's reach ("but", "however", "但是"). */
  | 'stop'
  /** The complaint moved ("moved to", "转移到"): the site after it is where it is now. */
  | 'migrate'
  /** It spreads ("goes down my arm", "放射到"): the site after it is radiation, not the complaint's site. */
  | 'radiate';

type CueLists = Record<CueKind, readonly string[]>;

export const EN_CUES: CueLists = {
  negate: [
    'no', 'not', 'denies', 'deny', 'denied', 'denying', 'without', 'never', 'negative for', 'free of', 'nil', 'none',
    'absence of', 'no sign of', 'no signs of', 'no evidence of', 'no history of', 'no longer', 'neither', 'nor', 'never had',
    'no more', 'nothing like', 'w/o', 'haven t had', 'non', 'non-', 'nontender',
  ],
  'negate-after': [
    'gone', 'has gone', 'went away', 'gone away', 'resolved', 'settled', 'cleared up', 'disappeared', 'any more', 'anymore',
    'no more', 'not any more', 'negative', 'absent', 'stopped', 'has stopped', 'is better now', 'all better',
  ],
  pseudo: [
    'not only', 'no change', 'no better', 'not better', 'no relief', 'no idea', 'can not', 'could not', 'not able', 'not stop',
    'will not stop', 'non stop', 'nonstop', 'no matter', 'not go away', 'not going away', 'not getting better', 'not improving',
    'not sure', 'no way', 'not much better', 'gone on', 'not really sure', 'no end', 'never stops', 'never goes away',
    'without stopping', 'not helping', 'not helped', 'nothing helps', 'no sooner',
    // Everyday phrases holding a body-site word that is no body site.
    'came back', 'come back', 'comes back', 'coming back', 'back then', 'back home', 'go back', 'went back', 'back to work',
    'back to normal', 'on the other hand', 'hand in', 'second hand', 'heads up', 'head to', 'head back', 'face to face',
    'in the back of my mind', 'at the back of', 'falling asleep', 'fall asleep', 'fell asleep', 'golf ball', 'tennis ball',
    'ball of', 'a ball', 'fall pregnant', 'falling pregnant',
  ],
  hedge: [
    'maybe', 'perhaps', 'possibly', 'possible', 'probably', 'might', 'might be', 'i think', 'i guess', 'not sure if', 'kind of',
    'sort of', 'kinda', 'sorta', 'could be', 'seems', 'seem', 'suspect', 'suspected', 'query', 'questionable', 'i wonder if',
    'not certain', 'i suppose',
  ],
  family: [
    'mother', 'mum', 'mom', 'mam', 'mummy', 'mommy', 'father', 'dad', 'daddy', 'papa', 'brother', 'sister', 'sibling', 'siblings',
    'grandmother', 'grandma', 'granny', 'nan', 'nana', 'grandfather', 'grandpa', 'grandad', 'granddad', 'aunt', 'auntie',
    'uncle', 'cousin', 'parents', 'family history', 'family hx', 'fh', 'fhx', 'relative', 'relatives', 'niece', 'nephew',
    'wife', 'husband', 'partner', 'runs in the family', 'runs in my family', 'in the family',
  ],
  past: [
    'used to', 'used to have', 'in the past', 'as a child', 'when i was a kid', 'when i was young', 'when i was little',
    'previously', 'years ago', 'last year', 'a few years back', 'childhood', 'had it before', 'back in',
  ],
  'past-after': ['years ago', 'last year', 'in the past', 'as a child', 'when i was a kid', 'when i was young', 'long ago', 'years back'],
  stop: ['but', 'however', 'though', 'although', 'except', 'apart from', 'aside from', 'other than', 'yet', 'whereas', 'while'],
  migrate: [
    'moved to', 'moved down to', 'moved into', 'moved over to', 'has moved to', 'shifted to', 'went to', 'travelled to',
    'now in', 'now it is in', 'settled in', 'then moved', 'moved', 'migrated to',
  ],
  radiate: [
    'radiates to', 'radiating to', 'radiate to', 'radiates into', 'radiating into', 'radiates down', 'goes down', 'going down',
    'goes to', 'goes into', 'going into', 'goes through to', 'going through to', 'spreads to', 'spreading to', 'spreads down',
    'shoots down', 'shooting down', 'shoots into', 'goes up into', 'goes round to',
  ],
};

export const ZH_CUES: CueLists = {
  negate: ['没有', '没', '无', '否认', '未', '不', '并无', '未见', '从未', '从来没有', '从没', '别无', '非', '也没有', '也不', '不再'],
  'negate-after': ['没有了', '没了', '消失了', '好了', '已经好了', '已消失', '阴性', '(-)', '不再有'],
  pseudo: [
    '不停', '不断', '不止', '不已', '不了', '不适', '不舒服', '不好', '不太', '不能', '不行', '不出', '不下', '不住', '不清', '不起',
    '不知道', '不清楚', '不确定', '不一定', '不仅', '不但', '不少', '差不多', '不对劲', '不得了', '不正常', '不规律', '不好受', '不管',
    '无力', '无法', '无缘无故', '没劲', '没完', '没停', '不见好', '没好', '没见好', '不见轻', '不退', '未退', '不消', '不踏实',
    '不安', '不上', '不来', '不过来', '不动', '不开', '不着', '不进', '不了了', '无明显诱因', '无诱因', '无明显原因',
    // Everyday words holding a body-site character that is no body site.
    '里头', '外头', '上头', '回头', '头一次', '头一回', '开头', '手术', '手机', '手续', '洗手间', '口罩', '心里', '心情', '担心', '放心',
    '小心', '开心', '关心', '耐心', '点心', '中心', '眼镜', '眼看', '面前', '方面', '见面', '脚步', '背景', '过头', '梳头', '洗头',
    '低头', '抬头', '摇头', '点头', '枕头', '馒头', '脓头', '白头', '黑头', '个头', '苗头', '头发', '头皮屑', '头一天', '手脚麻利',
  ],
  hedge: ['可能', '好像', '似乎', '也许', '大概', '或许', '估计', '怀疑', '疑似', '说不清', '不确定', '有点像', '好似', '貌似'],
  family: [
    '妈妈', '母亲', '老妈', '我妈', '爸爸', '父亲', '老爸', '我爸', '哥哥', '姐姐', '弟弟', '妹妹', '兄弟', '姐妹', '爷爷', '奶奶', '外公',
    '外婆', '姥姥', '姥爷', '老公', '老婆', '丈夫', '妻子', '爱人', '家族史', '家族', '家里人', '家人', '亲戚', '舅舅', '姑姑', '叔叔',
    '阿姨', '伯伯', '父母', '双亲', '家族中', '母亲有', '父亲有',
  ],
  past: ['以前', '既往', '曾经', '去年', '前年', '小时候', '过去', '早年', '多年前', '得过', '患过', '年轻时', '几年前', '早些年'],
  'past-after': ['以前', '多年前', '几年前'],
  stop: ['但是', '但', '可是', '不过', '然而', '只是', '除了', '而'],
  migrate: ['转移到', '转到', '移到', '跑到', '挪到', '转至', '移至', '后来到了', '慢慢到了', '后来转到'],
  radiate: ['放射到', '放射至', '窜到', '牵涉到', '牵扯到', '蔓延到', '向', '传到', '连到'],
};

/** Words that keep a list going across a comma ("no fever, chills or sweats"). */
export const EN_LIST_WORDS = new Set(['or', 'and', 'nor', 'ani', 'any', 'no', 'also', 'either', 'or ani']);
export const ZH_LIST_CHARS = new Set([...'或和及与跟也以']);

/** Left, right, both: read just before a site ("left knee", "右下腹"). */
export const EN_SIDES: Record<string, 'left' | 'right' | 'both'> = {
  left: 'left',
  lt: 'left',
  l: 'left',
  right: 'right',
  rt: 'right',
  r: 'right',
  both: 'both',
  bilater: 'both',
  bilateral: 'both',
};
export const ZH_SIDES: Record<string, 'left' | 'right' | 'both'> = { 左: 'left', 右: 'right', 双: 'both', 两: 'both' };
