import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../src/knowledge/faq/knowledge-base.js';
import { classifyIntent } from '../../../src/knowledge/intents/intent-classifier.js';
import { understand } from '../../../src/knowledge/understanding/understand.js';
import type { KbJudge, Meaning } from '../../../src/knowledge/understanding/types.js';

// Session 15: about 80 messages written as English-writing residents write them (migrant workers, foreign spouses,
// students: short, with typos and chat shorthand, or a story in one message), about cost, documents, wages, work
// injury, a relative arrested, divorce, domestic violence, tenancy, scams, debt collectors, traffic accidents and shops,
// asked at the menu. Each row is what the resident gets: a story of a category (the application is offered), or an
// answer of an entry. The messages were written before this session's fixes, the expected replies checked by hand; the
// rows that were wrong at first are fixed (see
// tried-as-residents-15-en.yaml), and the ones still wrong are listed in LEFT with what they should get.
const KNOWLEDGE = path.resolve(import.meta.dirname, '../../../knowledge');
const kb = KnowledgeBase.fromFiles(path.join(KNOWLEDGE, 'faq'), { synonymsFile: path.join(KNOWLEDGE, 'synonyms.yaml') }).kb;
const judge: KbJudge = (text, locale) => {
  const m = kb.match(text, locale);
  return { band: m.band, topic: m.topic, candidates: m.candidates, score: m.score };
};

const summary = (m: Meaning): string =>
  m.kind === 'story'
    ? `story:${m.category}`
    : m.kind === 'question'
      ? m.kb.band === 'answer'
        ? `answer:${m.kb.topic}`
        : `${m.kb.band}:${m.kb.candidates.join(',')}`
      : m.kind === 'steer'
        ? `steer:${m.intent}`
        : m.kind === 'danger'
          ? `danger:${m.danger}`
          : m.kind;

const ROWS: [string, string][] = [
    ["do i have to pay anything for this?", "answer:cost"],
    ["how much do i need to pay for a lawyer", "answer:cost"],
    ["what papers do i need to bring", "answer:documents_needed"],
    ["which documents should i prepare to apply", "answer:documents_needed"],
    ["i dont have my hukou book with me, can i still apply", "answer:documents_needed"],
    ["my boss didnt pay me for 3 months what can i do", "story:wages"],
    ["the factory owes me 2 months salary and the boss disappeared", "story:wages"],
    ["i worked on a construction site and the contractor ran off with our wages", "story:wages"],
    ["i cut my hand on a machine at work, company says its my own fault", "answer:work_injury"],
    ["fell off a ladder at work and broke my leg, boss wont pay hospital bills", "story:work_injury"],
    ["my brother was arrested yesterday, where is he being held", "story:criminal_defense"],
    ["police took my husband last night, can i see him", "story:criminal_defense"],
    ["my son got detained by police, can he get a lawyer", "story:criminal_defense"],
    ["i want a divorce but my husband refuses", "story:marriage_family"],
    ["how do i get custody of my kids after divorce", "answer:divorce"],
    ["my husband beats me when he is drunk", "story:domestic_violence"],
    ["my boyfriend hits me and threatens me, what do i do", "story:domestic_violence"],
    ["landlord wont give back my deposit", "story:contract_debt"],
    ["my landlord kicked me out without notice", "answer:rent_deposit"],
    ["the landlord is keeping my deposit saying i damaged the walls", "story:contract_debt"],
    ["i got scammed online, they took 5000 yuan", "story:criminal_victim"],
    ["someone pretending to be police told me to transfer money", "answer:fraud_scam"],
    ["debt collectors keep calling my family and threatening me", "story:contract_debt"],
    ["they call my boss and my parents about my loan every day", "answer:debt_collection"],
    ["i was hit by a car on my e-bike, the driver ran away", "story:traffic_injury"],
    ["a taxi crashed into me, who pays my medical bills", "story:traffic_injury"],
    ["the shop sold me a fake phone and refuses to refund", "story:consumer"],
    ["bought a fridge that broke after a week, store wont replace it", "answer:consumer_rights"],
    ["my employer fired me because i was pregnant", "story:labor_contract"],
    ["i got fired without any compensation after 5 years", "story:labor_contract"],
    ["how long does it take to get an answer after i apply", "answer:processing_time"],
    ["can i apply online or do i need to go in person", "answer:remote_application"],
    ["my wife is foreign and we want to divorce, can she get help", "story:marriage_family"],
    ["i lent my friend 20000 and he wont pay back", "story:contract_debt"],
    ["my father died and my uncle took the house", "story:inheritance"],
    ["my ex wont pay child support", "story:child_support"],
    ["my landlord turned off the water and electricity", "answer:rent_deposit"],
    ["im a student and my school expelled me unfairly", "answer:school_discipline"],
    ["my parents are old and my brother refuses to support them", "story:elder_support"],
    ["i signed a contract but the company never gave me a copy", "answer:labor_contract"],
    ["how much it cost", "answer:cost"],
    ["is legal aid free for foreigners", "answer:who_qualifies"],
    ["do u charge money", "answer:cost"],
    ["wat documents i need", "answer:documents_needed"],
    ["what paperwork do i have to bring with me", "answer:documents_needed"],
    ["need what document for apply", "answer:documents_needed"],
    ["boss no pay salary 2 month", "answer:wage_arrears"],
    ["my employer hasnt payed me since october, what shud i do", "answer:wage_arrears"],
    ["company owe me money for overtime", "story:wages"],
    ["i got hurt at work and my boss says i am not covered cause no contract", "story:work_injury"],
    ["injured at my job, who pays the hospital", "answer:work_injury"],
    ["my cousin got arrested for fighting, can we get him a lawyer", "story:criminal_defense"],
    // Session 17: "taken by the police" is an arrest: a story now, answered with the same entry and offered to apply.
    ["my husband was taken by the police for drugs, how can i find out where he is", "story:criminal_defense"],
    ["i want to devorce my husband he never come home", "answer:divorce"],
    ["can i get divorce if my husband dont agree", "story:marriage_family"],
    ["my wife left with the kids and i dont know where they are", "answer:child_support"],
    ["he hits me everytime he drinks, i am scared", "story:domestic_violence"],
    ["my mother in law and husband beat me", "story:domestic_violence"],
    ["landlord keep my deposit", "answer:rent_deposit"],
    ["the landlord wants me out next week but my lease runs to june", "answer:rent_deposit"],
    ["i was scamed by a online investment app", "answer:fraud_scam"],
    ["i transfered money to a fake customer service", "answer:fraud_scam"],
    ["loan app people calling all my contacts", "answer:debt_collection"],
    ["debt colector threaten to come to my house", "answer:debt_collection"],
    ["got in car accident, other driver has no insurance", "answer:traffic_accident"],
    ["motorbike hit me on the crosswalk, broke my arm", "story:traffic_injury"],
    ["the restaurant made me sick, can i get compensation", "answer:consumer_rights"],
    ["the gym closed and wont refund my membership", "story:consumer"],
    ["fired after i got injured", "story:labor_contract"],
    ["they fired me for no reason, can i get severance", "story:labor_contract"],
    ["how long before i know if i am approved", "answer:processing_time"],
    ["can my friend apply for me, i am in hospital", "answer:remote_application"],
    // Session 20: "can a migrant worker / someone without local hukou apply" is who_qualifies' (docs/knowledge-base.md,
    // "Who owns the shared situations"), which now has a phrasing for a hukou in another province.
    ["im a migrant worker from another province can i apply here", "answer:who_qualifies"],
    ["my neighbor's dog bit my kid", "answer:neighbour_dispute"],
    ["my son was bullied at school and hurt", "answer:minors"],
    ["can i get a lawyer for free if i have no money", "answer:cost"],
];

/** Still not what the resident should get (the message, what it gets now, what it should get). */
export const LEFT: [string, string, string][] = [
    ["is it free", "suggest:consultation_free,cost,notary_aid", "answer:cost or answer:consultation_free"],
    ["im a foreigner married to a chinese man, can i get legal aid", "unknown:", "answer:who_qualifies"],
    ["how do i visit my son in detention", "answer:remote_application", "answer:criminal_defense"],
    ["i am not chinese, can i still apply", "unknown:", "answer:who_qualifies"],
    ["can you help people who dont speak chinese", "unknown:", "a reply about the languages the service speaks"],
    ["what if i lose the case do i pay the other side's lawyer", "suggest:complaint,cost,judgment_enforcement", "answer:cost"],
];

describe('English residents at the menu (session 15)', () => {
  it.each(ROWS)('%s → %s', (text, expected) => {
    expect(summary(understand({ text, locale: 'en', where: { kind: 'menu' } }, { judge, classify: classifyIntent }))).toBe(expected);
  });
});
