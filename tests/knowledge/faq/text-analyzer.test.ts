import { describe, expect, it } from 'vitest';
import { SynonymDictionary, parseSynonyms } from '../../../src/knowledge/faq/synonyms.js';
import { detectLocale, TextAnalyzer } from '../../../src/knowledge/faq/text-analyzer.js';

const synonyms = new SynonymDictionary([
  { id: 'wage_arrears', terms: ['欠薪', '拖欠工资', '讨薪', '工钱', 'unpaid wages'] },
  { id: 'domestic_violence', terms: ['家暴', '家庭暴力', '打我', 'hits me'] },
]);
const analyzer = new TextAnalyzer(synonyms);

describe('detectLocale', () => {
  it.each([
    ['老板欠我工资怎么办', 'zh-CN'],
    ['my boss owes me money', 'en'],
    ['12348', 'en'],
    ['请问 legal aid 是什么', 'zh-CN'],
  ])('reads %s as %s', (text, locale) => {
    expect(detectLocale(text)).toBe(locale);
  });
});

describe('TextAnalyzer', () => {
  it('segments Chinese into words and character bigrams, dropping function words', () => {
    const terms = analyzer.terms('离婚孩子归谁');
    expect(terms).toEqual(expect.arrayContaining(['离婚', '孩子', '#离婚', '#婚孩', '#归谁']));
    expect(analyzer.terms('我的了吗')).not.toContain('的');
  });

  it('adds one term for each synonym group, so 工钱 and 欠薪 meet', () => {
    expect(analyzer.terms('老板跑了工钱不给')).toContain('~wage_arrears');
    expect(analyzer.terms('公司拖欠工资')).toContain('~wage_arrears');
  });

  it('matches English synonym phrases on stems', () => {
    expect(analyzer.terms('My husband hit me!')).toContain('~domestic_violence');
    expect(analyzer.terms('He hits me')).toContain('~domestic_violence');
  });

  it('stems English and drops stopwords', () => {
    expect(analyzer.terms('What are the requirements to qualify?')).toEqual(['requir', 'qualifi']);
  });

  it('treats full-width letters and digits like ordinary ones', () => {
    expect(analyzer.terms('ＨＯＴＬＩＮＥ１２３４８')).toEqual(analyzer.terms('hotline12348'));
  });

  it('matches English synonym phrases with or without articles, as residents writing a second language drop or add them', () => {
    const withArticles = new TextAnalyzer(
      new SynonymDictionary([
        { id: 'arrested', terms: ['taken away by the police'] },
        { id: 'traffic', terms: ['hit by a car'] },
      ]),
    );
    expect(withArticles.terms('my son was taken away by police')).toContain('~arrested');
    expect(withArticles.terms('my son was taken away by the police')).toContain('~arrested');
    expect(withArticles.terms('i was hit by car')).toContain('~traffic');
    expect(withArticles.terms('i was hit by the car')).toContain('~traffic');
    expect(withArticles.terms('hit by my car')).not.toContain('~traffic');
  });

  it('matches a phrasal verb with an object pronoun inside it ("knocked me off", "laid him off"), as English puts one there', () => {
    const phrasal = new TextAnalyzer(
      new SynonymDictionary([
        { id: 'traffic', terms: ['knocked off'] },
        { id: 'dismissal', terms: ['laid off'] },
        { id: 'violence', terms: ['hits me'] },
      ]),
    );
    expect(phrasal.terms('a van knocked me off my bike')).toContain('~traffic');
    expect(phrasal.terms('they laid him off last week')).toContain('~dismissal');
    expect(phrasal.terms('the boss laid us all off')).not.toContain('~dismissal');
    // A phrase that names its pronoun still needs that pronoun.
    expect(phrasal.terms('he hits her')).not.toContain('~violence');
  });

  it('joins verb and noun families the Porter stemmer splits (recognised / recognition, notarised / notary, defend / defence)', () => {
    expect(analyzer.terms('recognised')).toEqual(analyzer.terms('recognition'));
    expect(analyzer.terms('notarised')).toEqual(analyzer.terms('notary'));
    expect(analyzer.terms('defend')).toEqual(analyzer.terms('defence'));
    expect(analyzer.terms('qualification')).toEqual(analyzer.terms('qualify'));
  });

  it('reads "max" as "maximum" ("whats the max income")', () => {
    expect(analyzer.terms('max income')).toEqual(analyzer.terms('maximum income'));
  });

  it('leaves modal particles out of Chinese character pairs: 怎么申请啊 is read as 怎么申请', () => {
    expect(analyzer.terms('怎么申请啊')).not.toContain('#请啊');
    expect(analyzer.terms('怎么申请啊')).toEqual(analyzer.terms('怎么申请'));
    expect(analyzer.terms('要等多久呢')).toEqual(analyzer.terms('要等多久'));
  });

  it('reads colloquial family words as the ones entries use (stepdad, kiddos)', () => {
    expect(analyzer.terms('my stepdad')).toEqual(analyzer.terms('my stepfather'));
    expect(analyzer.terms('my stepmum')).toEqual(analyzer.terms('my stepmother'));
    expect(analyzer.terms('the kiddos')).toEqual(analyzer.terms('the kids'));
  });

  it('marks which content words a synonym covers', () => {
    const units = analyzer.analyze('工钱不给').units;
    expect(units.find((u) => u.word === '工钱')!.synonyms).toEqual(['~wage_arrears']);
  });
});

describe('parseSynonyms', () => {
  it('reads groups and reports malformed ones', () => {
    const { groups, problems } = parseSynonyms('groups:\n  wages: [欠薪, 讨薪]\n  Bad-Id: [one]\n');
    expect(groups).toEqual([{ id: 'wages', terms: ['欠薪', '讨薪'] }]);
    expect(problems).toHaveLength(2);
  });

  it('explains a file without groups', () => {
    expect(parseSynonyms('words: []').problems[0]).toContain('"groups:"');
  });
});

describe('English word forms and Chinese function pairs', () => {
  const plain = new TextAnalyzer();

  it.each([
    ['labour arbitration', 'labor arbitration'],
    ['a defence lawyer', 'a defense lawyer'],
    ['fake fertiliser', 'fake fertilizer'],
    ['my neighbours are noisy', 'my neighbor is noisy'],
    ['the legal aid centre', 'the legal aid center'],
    ['my children', 'my child'],
    ['the wives', 'his wife'],
    ['the judgement', 'the judgment'],
  ])('finds "%s" and "%s" by the same terms', (uk, us) => {
    expect(plain.terms(uk)).toEqual(plain.terms(us));
  });

  // Irregular past forms the stemmer cannot join to their verb (session 16): "he wrote an iou" finds "write an iou",
  // and the British -t pasts (burnt, learnt) the -ed ones.
  it.each([
    ['he wrote me an iou', 'he write me an iou'],
    ['the iou he had written', 'the iou he had write'],
    ['my husband went to the police', 'my husband go to the police'],
    ['they held my passport', 'they hold my passport'],
    ['the seedlings burnt', 'the seedlings burned'],
    ['i forgot the date', 'i forget the date'],
    ['my landlord tore up the lease', 'my landlord tear up the lease'],
    ['they have not brought the papers', 'they have not bring the papers'],
    ['she fled with the kids', 'she flee with the kids'],
  ])('finds the past form "%s" by the terms of "%s"', (past, base) => {
    expect(plain.terms(past)).toEqual(plain.terms(base));
  });

  // Words the Porter stemmer joins to an unrelated word are kept apart (session 16), and "tried" finds "try".
  it.each([
    ['any news on my case', 'i want a new lawyer'],
    ['my business partner cheated me', 'the line is always busy'],
  ])('keeps "%s" apart from "%s"', (one, other) => {
    const theirs = new Set(plain.terms(other));
    expect(plain.terms(one).filter((t) => theirs.has(t))).toEqual([]);
  });

  it('finds "tried" and "tries" by the terms of "try"', () => {
    expect(plain.terms('i tried to call')).toEqual(plain.terms('i try to call'));
    expect(plain.terms('he tries to hide')).toEqual(plain.terms('he try to hide'));
  });

  // "heard" is left alone: as "hear" it would be the court "hearing" (both stem to hear).
  it('does not read "heard" as the court hearing', () => {
    expect(plain.terms('my hearing is tomorrow')).toContain('hear');
    expect(plain.terms('never heard of legal aid')).not.toContain('hear');
  });

  // What residents type on a phone is searched as the words it stands for.
  it.each([
    ['chat shorthand', 'wat r u', 'what are you'],
    ['chat shorthand', 'my hubby took my kids', 'my husband took my kids'],
    ['chat shorthand', 'can i get info pls', 'can i get information please'],
    ['chat shorthand', 'my laywer wont call back', 'my lawyer wont call back'],
    // a contraction keeps a negation's "not"
    ['a contraction', "my boss won't pay me", 'my boss will not pay me'],
    ['a contraction', 'my boss wont pay me', 'my boss will not pay me'],
    ['a contraction', "he didn't give the deposit back", 'he did not give the deposit back'],
    ['a contraction', "i can't afford a lawyer", 'i cannot afford a lawyer'],
    ['a contraction', 'i cant afford a lawyer', 'i can not afford a lawyer'],
    ['a contraction', "my dad's house", 'my father house'],
    ['a contraction', "they're saying i'll lose", 'they saying i lose'],
    ['a contraction', "what's the number", 'whats the number'],
    ['an informal spelling', 'i wanna divorce', 'i want to divorce'],
    ['an informal spelling', 'gotta pay the ppl back', 'have to pay the people back'],
    ['an informal spelling', 'worked there 3 yrs', 'worked there 3 years'],
    ['an informal spelling', 'waited til friday', 'waited until friday'],
    ['an informal spelling', 'my bf hit me', 'my boyfriend hit me'],
    ['an informal spelling', 'hows my application', 'how is my application'],
    ['an informal spelling', 'i want to sue becuase', 'i want to sue because'],
    ['filler words', 'sorry what is legal aid', 'what is legal aid'],
    ['filler words', 'yeah ok so basically my landlord kept the deposit', 'my landlord kept the deposit'],
    ['filler words', 'hey guys can somebody help', 'can help'],
  ])('reads %s: "%s" is searched as "%s"', (_kind, typed, written) => {
    expect(plain.terms(typed)).toEqual(plain.terms(written));
  });

  it('keeps "not", "no" and "free": they change what a legal question asks', () => {
    expect(plain.terms('not paid, no contract, is it free')).toEqual(expect.arrayContaining(['not', 'no', 'free']));
  });

  it('does not turn advise or promise into -ize words', () => {
    expect(plain.terms('advise')).toEqual(plain.terms('advising'));
    expect(plain.terms('promise')).not.toEqual(plain.terms('promize'));
  });

  it('drops character pairs made only of function characters, keeping the ones with content', () => {
    const terms = plain.terms('我的工资是不是没了');
    expect(terms).not.toContain('#我的');
    expect(terms).not.toContain('#是不'.replace('不', '的'));
    expect(terms).toContain('#工资');
    expect(plain.terms('他们在这')).toEqual([]);
  });
});

describe('English synonyms and stopwords (session 15)', () => {
  // "canned" (dismissal) stems to "can": every "can i …" question carried the dismissal group, and "fired" then
  // matched nearly every entry through it.
  const fired = new TextAnalyzer(new SynonymDictionary([{ id: 'dismissal', terms: ['fired', 'canned', 'let me go'] }]));
  it('a one-word synonym whose stem is a stopword\'s does not match the stopword', () => {
    expect(fired.terms('can i still apply')).not.toContain('~dismissal');
    expect(fired.terms('i got canned last week')).toContain('~dismissal');
  });
  it('phrases with stopwords in them still match', () => {
    expect(fired.terms('they let me go')).toContain('~dismissal');
  });
});
