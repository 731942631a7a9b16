/**
 * English word forms the Porter stemmer does not join: irregular plurals (children → child,
 * wives → wife) and British spellings (labour → labor, defence → defense, fertiliser → fertilizer).
 * Applied to each lower-case word before stemming, for entries and questions alike, so either
 * spelling finds the other.
 */
const IRREGULAR: Record<string, string> = {
  children: 'child', grandchildren: 'grandchild', stepchildren: 'stepchild', kids: 'kid',
  men: 'man', women: 'woman', policemen: 'policeman', policewomen: 'policewoman', workmen: 'workman', firemen: 'fireman',
  wives: 'wife', housewives: 'housewife', lives: 'life', knives: 'knife', thieves: 'thief', halves: 'half', leaves: 'leaf',
  shelves: 'shelf', selves: 'self', calves: 'calf', wolves: 'wolf', loaves: 'loaf',
  people: 'person', persons: 'person', feet: 'foot', teeth: 'tooth', mice: 'mouse', geese: 'goose', oxen: 'ox',
  criteria: 'criterion', phenomena: 'phenomenon', analyses: 'analysis', diagnoses: 'diagnosis', crises: 'crisis',
  sons: 'son', daughters: 'daughter', 'in-laws': 'in-law', dice: 'die', indices: 'index', appendices: 'appendix',
  // irregular past forms residents use about their cases
  fought: 'fight', stole: 'steal', stolen: 'steal', beaten: 'beat', bitten: 'bite', broke: 'break', broken: 'break',
  fell: 'fall', fallen: 'fall', hurt: 'hurt', paid: 'pay', payed: 'pay', owed: 'owe', lent: 'lend', borrowed: 'borrow',
  sold: 'sell', bought: 'buy', left: 'leave', took: 'take', taken: 'take', gave: 'give', given: 'give', sent: 'send',
  lost: 'lose', caught: 'catch', threw: 'throw', thrown: 'throw', drove: 'drive', driven: 'drive', ran: 'run',
  hit: 'hit', won: 'win', kept: 'keep', told: 'tell', said: 'say', sued: 'sue', died: 'die', dead: 'die',
  // more irregular past forms, and the British -t pasts (burnt, learnt, spelt) (session 16). Left alone: "heard" (as
  // "hear" it is the court "hearing"), "wound" (an injury, not wind), "fed" (fed up), "stuck", and knew / known ("know"
  // is a stopword).
  wrote: 'write', written: 'write', forgot: 'forget', forgotten: 'forget', found: 'find', felt: 'feel',
  held: 'hold', met: 'meet', built: 'build', spent: 'spend', understood: 'understand', began: 'begin', begun: 'begin',
  came: 'come', went: 'go', gone: 'go', saw: 'see', seen: 'see', ate: 'eat', eaten: 'eat',
  grew: 'grow', grown: 'grow', hid: 'hide', hidden: 'hide', shot: 'shoot', struck: 'strike', swore: 'swear', sworn: 'swear',
  tore: 'tear', torn: 'tear', wore: 'wear', worn: 'wear', rang: 'ring', rung: 'ring', slept: 'sleep',
  fled: 'flee', dealt: 'deal', meant: 'mean', sought: 'seek', taught: 'teach', thought: 'think', brought: 'bring',
  shook: 'shake', chose: 'choose', chosen: 'choose', froze: 'freeze', frozen: 'freeze', forgave: 'forgive',
  forgiven: 'forgive', rode: 'ride', ridden: 'ride', spoke: 'speak', spoken: 'speak', stood: 'stand',
  woke: 'wake', woken: 'wake', sat: 'sit', led: 'lead', lit: 'light',
  burnt: 'burn', learnt: 'learn', spelt: 'spell', dreamt: 'dream', spoilt: 'spoil', smelt: 'smell', leant: 'lean',
  made: 'make', became: 'become', overpaid: 'overpay',
  underpaid: 'underpay', withheld: 'withhold', mislaid: 'mislay', misled: 'mislead', mistook: 'mistake',
  mistaken: 'mistake', upheld: 'uphold', overtook: 'overtake', undertook: 'undertake', arisen: 'arise', arose: 'arise',
};

/** British spellings of whole words (and common inflections) whose US form differs in more than a suffix. */
const UK_WORDS: Record<string, string> = {
  defence: 'defense', defences: 'defenses', offence: 'offense', offences: 'offenses', licence: 'license', licences: 'licenses',
  pretence: 'pretense', centre: 'center', centres: 'centers', theatre: 'theater', metre: 'meter', metres: 'meters',
  litre: 'liter', litres: 'liters', fibre: 'fiber', judgement: 'judgment', judgements: 'judgments', ageing: 'aging',
  cheque: 'check', cheques: 'checks', programme: 'program', programmes: 'programs', enrol: 'enroll', enrolment: 'enrollment',
  mum: 'mom', mums: 'moms', tyre: 'tire', tyres: 'tires', kerb: 'curb', grey: 'gray', practise: 'practice', storey: 'story',
  plough: 'plow', sceptical: 'skeptical', manoeuvre: 'maneuver', paediatric: 'pediatric', anaesthetic: 'anesthetic',
  diarrhoea: 'diarrhea', oestrogen: 'estrogen', aluminium: 'aluminum', pyjamas: 'pajamas', jewellery: 'jewelry',
  cancelled: 'canceled', cancelling: 'canceling', travelled: 'traveled', travelling: 'traveling', labelled: 'labeled',
  counselling: 'counseling', counsellor: 'counselor', counsellors: 'counselors', modelling: 'modeling', fuelled: 'fueled',
  instalment: 'installment', instalments: 'installments', fulfil: 'fulfill', skilful: 'skillful', wilful: 'willful',
  analyse: 'analyze', analysed: 'analyzed', paralysed: 'paralyzed', catalogue: 'catalog', dialogue: 'dialog',
  lorry: 'truck', lorries: 'trucks',
};

/** British -our roots (labour, neighbour, colour …); any word starting with one takes the US root. */
const OUR_ROOTS = ['labour', 'neighbour', 'colour', 'favour', 'honour', 'behaviour', 'rumour', 'humour', 'tumour', 'harbour', 'odour', 'flavour', 'vapour', 'endeavour', 'parlour', 'saviour', 'vigour'];

/** Words ending in -ise that are not British spellings of -ize. */
const ISE_WORDS = new Set(
  'advise advised advises advising arise arisen arises arising rise rises rising risen wise otherwise likewise promise promised promises promising exercise exercised exercises exercising premise premises surprise surprised surprises surprising compromise compromised supervise supervised supervising supervisor revise revised televise expertise franchise merchandise enterprise concise precise disguise disguised noise noises poise raise raised raises raising praise praised cruise despise despised devise devised excise incise chastise comprise comprised apprise improvise improvised demise paradise treatise'.split(' '),
);

/**
 * Chat shorthand and common misspellings of short words, as residents type on a phone ("wat r u",
 * "my boss wont pay me bc…"). Short words are not spelling-corrected (too many are other real words),
 * so the usual ones are listed here; they are replaced before stopwords are dropped. A misspelling that
 * a synonym group lists without its correct form (aply in `procedure`) stays out of this list: written
 * out here, the correct word would set off that group.
 */
const SHORTHAND: Record<string, string> = {
  u: 'you', ur: 'your', r: 'are', ya: 'you', yr: 'your', wat: 'what', wht: 'what', wut: 'what', whta: 'what',
  hw: 'how', y: 'why', pls: 'please', plz: 'please', pleas: 'please', thx: 'thanks', ty: 'thanks', bc: 'because',
  bcs: 'because', bcuz: 'because', cuz: 'because', coz: 'because', cos: 'because', abt: 'about', bout: 'about',
  dunno: 'know', idk: 'know', max: 'maximum',
  govt: 'government', gov: 'government', docs: 'documents', dept: 'department', info: 'information', hosp: 'hospital', appt: 'appointment',
  hubby: 'husband', bro: 'brother', sis: 'sister', mom: 'mother', mum: 'mother', mommy: 'mother', mummy: 'mother',
  dad: 'father', daddy: 'father', kiddo: 'kid', kiddos: 'kid', kiddies: 'kid',
  stepdad: 'stepfather', stepmum: 'stepmother', stepmom: 'stepmother',
  lawyr: 'lawyer', laywer: 'lawyer', lawers: 'lawyers', laywers: 'lawyers', recieve: 'receive', recieved: 'received',
  devorce: 'divorce', divorse: 'divorce', hsband: 'husband', husbnd: 'husband', leagl: 'legal', legel: 'legal', legl: 'legal',
  hiting: 'hitting', injurd: 'injured', emplyer: 'employer', compensaton: 'compensation',
  // negations typed without the apostrophe keep their "not" (won't pay = will not pay)
  dont: 'do not', didnt: 'did not', doesnt: 'does not', cant: 'can not', cannot: 'can not', wont: 'will not',
  isnt: 'is not', arent: 'are not', wasnt: 'was not', werent: 'were not', havent: 'have not', hasnt: 'has not',
  hadnt: 'had not', couldnt: 'could not', wouldnt: 'would not', shouldnt: 'should not', aint: 'is not',
  mustnt: 'must not', neednt: 'need not', dnt: 'do not', cnt: 'can not', havnt: 'have not', dosnt: 'does not',
  // informal spellings and chat forms
  wanna: 'want to', gonna: 'going to', gotta: 'have to', hafta: 'have to', lemme: 'let me', gimme: 'give me',
  kinda: 'kind of', sorta: 'sort of', ppl: 'people', thru: 'through', tho: 'though', b4: 'before', til: 'until', till: 'until',
  untill: 'until', yrs: 'years', mths: 'months', mnths: 'months', wks: 'weeks', wk: 'week', hrs: 'hours',
  bf: 'boyfriend', gf: 'girlfriend', smth: 'something', sth: 'something', sum1: 'someone', some1: 'someone', any1: 'anyone',
  // short words spelled as they sound or without vowels, as typed in chat
  wen: 'when', fird: 'fired', tmr: 'tomorrow', tmrw: 'tomorrow', tmrrw: 'tomorrow', '2moro': 'tomorrow', '2morrow': 'tomorrow',
  '2day': 'today', '2nite': 'tonight', nite: 'night', thnx: 'thanks', hav: 'have', nvr: 'never', wrk: 'work', mnth: 'month',
  moni: 'money', mony: 'money', bcoz: 'because', bcos: 'because',
  // function words with two letters swapped or one doubled: never the real word meant ("dose" is "does" here)
  dose: 'does', doese: 'does', dosent: 'does not', cna: 'can', adn: 'and', nad: 'and', jsut: 'just', knwo: 'know',
  hwo: 'how', wnat: 'want', whit: 'with', iwth: 'with', ahve: 'have', hve: 'have', taht: 'that', tehy: 'they', thay: 'they',
  alot: 'a lot', teh: 'the', waht: 'what', wich: 'which', thier: 'their', becuase: 'because', becasue: 'because',
  beacuse: 'because', becouse: 'because', shud: 'should', cud: 'could', wud: 'would', freind: 'friend', frend: 'friend',
  hows: 'how', whos: 'who', wheres: 'where', whens: 'when', theres: 'there', heres: 'here', thats: 'that', whats: 'what',
  theyll: 'they', theyd: 'they', youll: 'you', youd: 'you', youve: 'you', weve: 'we', itll: 'it', thatll: 'that',
};

/** The ordinary spelling of a chat shorthand or misspelt short word (unchanged when none applies). */
export function expandShorthand(word: string): string {
  return SHORTHAND[word] ?? word;
}

/** The US spelling, singular or base form of one lower-case English word (unchanged when none applies). */
export function normalizeEnglishWord(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  const uk = UK_WORDS[word];
  if (uk !== undefined) return uk;
  for (const root of OUR_ROOTS) {
    if (word.startsWith(root)) return root.slice(0, -2) + 'r' + word.slice(root.length);
  }
  // fertiliser, organisation, recognised, criticising → -iz- (but not advise, promise, exercise …)
  if (word.length > 6 && !ISE_WORDS.has(word)) {
    const m = /^(.{3,}[^aeiouw])is(e|ed|es|ing|er|ers|ation|ations)$/.exec(word);
    if (m) return `${m[1]}iz${m[2]}`;
  }
  return word;
}
