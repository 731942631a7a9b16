import { describe, expect, it } from 'vitest';
import { categoryFromText } from '../../../src/flows/intake/category-words.js';

/**
 * Violence is domestic only between family members (反家庭暴力法 第二条, 第三十七条): a family member who hurt someone
 * outside the family is a criminal matter (and a claim for damages) for them; one hurt by an outsider is a victim.
 */
describe('who hurt whom decides the category', () => {
  it.each([
    // A family member hurt someone outside the family.
    ['我儿子打架把人打伤了，派出所叫我们赔钱', 'criminal_defense'],
    ['我儿子在学校把同学打了，学校让我们赔钱', 'criminal_defense'],
    ['我老公把邻居打伤了', 'criminal_defense'],
    ['我女儿把她同学打伤了', 'criminal_defense'],
    ['我儿子动手打了人，对方住院了', 'criminal_defense'],
    ['我老公打了人，现在人家要告他', 'criminal_defense'],
    ['我弟弟跟人打群架被抓了', 'criminal_defense'],
    ['my son beat up a classmate and the school wants us to pay', 'criminal_defense'],
    ['my husband hit a man at the bar', 'criminal_defense'],
    // A family member hurt by someone outside the family.
    ['我儿子被人打了', 'criminal_victim'],
    ['孩子被同学打伤了，对方不肯赔医药费', 'criminal_victim'],
    ['my son was beaten up by some boys', 'criminal_victim'],
    ['我被人打伤了，打人的被抓了', 'criminal_victim'],
    // Session 6: "我被人打了" without the injury named (found chatting: it got no category).
    ['我被人打了 派出所不立案 怎么办', 'criminal_victim'],
    ['我被几个人打了，警察只让我们调解', 'criminal_victim'],
    // Violence between family members.
    ['我老公喝了酒就打我，已经好几年了', 'domestic_violence'],
    ['我被老公打伤了', 'domestic_violence'],
    ['我被前夫打断了腿', 'domestic_violence'],
    ['我女儿被她老公打了', 'domestic_violence'],
    ['儿子喝醉了就打他媳妇', 'domestic_violence'],
    ['我儿子打我', 'domestic_violence'],
    ['my husband beat me', 'domestic_violence'],
    // Session 6, on a phone in the web chat: a bare 'he' who hits the resident, in a story about leaving the marriage.
    ['im using my sisters phone because he took mine. he hits me when he drinks and i want a divorce but i have no money for a lawyer', 'domestic_violence'],
    ['i want a divorce', 'marriage_family'],
    // Not violence at all.
    ['我儿子打工的工资被老板拖欠了半年', 'wages'],
    // Session 4: pay owed, told in English, beside another problem ("owes me" alone is a debt).
    ['my landlord kicked me out and kept my deposit, also my boss owes me 2 months pay', 'wages'],
    ['the restaurant owes us three weeks pay', 'wages'],
    ['still waiting for my back pay from the factory', 'wages'],
    // Session 18, in the web chat: typed without the apostrophe, by "the owner" (of a restaurant, a shop).
    ['the owner hasnt paid me for 2 months', 'wages'],
    ['I work in a restaurant in demo city, the owner hasnt paid me for 2 months, about 9000 yuan. can you help?', 'wages'],
    ['they didnt pay us for the last 3 weeks on the building site', 'wages'],
    ['my friend hasnt paid me back the 3000 he borrowed', 'contract_debt'],
    ['my friend owes me 5000 and wont pay it back', 'contract_debt'],
    ['my dad is 72 and my brother refuses to give him any money for food or medicine', 'elder_support'],
    ['我爸七十多了，我哥一直不给生活费', 'elder_support'],
    ['我七十二岁了，两个儿子都不给我生活费', 'elder_support'],
    // Session 20, in the chat: "没给过我" (not "不给我") — it got the child-support answer, as if the daughter were a child.
    ['我女儿两年没给过我生活费了 我都80了', 'elder_support'],
    ['儿子好几年没给我们一分钱了', 'elder_support'],
    ['前夫两年没给过孩子生活费', 'child_support'],
    ['我儿子没钱请律师', null],
    ['俺家男人天天喝酒打俺，俺想离婚但是没钱请律师', 'domestic_violence'],
    ['孩子他爸喝多了就动手，我身上全是伤', 'domestic_violence'],
    ['我男人老是揍我', 'domestic_violence'],
  ])('%s → %s', (text, category) => {
    expect(categoryFromText(text)).toBe(category);
  });
});

describe('colloquial stories name their category', () => {
  it.each([
    ['干活的时候从梯子上掉下来摔断了腿，老板不管', 'work_injury'],
    ['上班的时候手被机器轧了', 'work_injury'],
    // Session 6: a fall on the site told in dialect was read as unpaid wages (包工头).
    ['俺在工地摔断了腿 包工头说不是他的事 俺找谁去', 'work_injury'],
    ['在厂里砸伤了脚 老板不管', 'work_injury'],
    ['我老公把我锁在家里不让出门', 'domestic_violence'],
    ['我爸去世了，哥哥把房子全占了', 'inheritance'],
    ['房东不退押金', 'contract_debt'],
    ['网贷催收天天打电话骂我', 'contract_debt'],
    ['儿子在学校被同学欺负，打得鼻青脸肿', 'criminal_victim'],
    // Session 8, chatting in English: a fraud victim's story had no category (我妈被骗了 had), so the apply button under
    // the answer was the generic one.
    ['my mother was cheated out of her savings by a phone scam, can i apply for her', 'criminal_victim'],
    ['i was scammed online and lost 5000', 'criminal_victim'],
    ['my dad got defrauded by a fake investment company', 'criminal_victim'],
    ['we were swindled by a man who said he was from the bank', 'criminal_victim'],
    // Cheating on a spouse is not fraud.
    ['my husband cheated on me and i want a divorce', 'marriage_family'],
  ])('%s → %s', (text, category) => {
    expect(categoryFromText(text)).toBe(category);
  });
});

/**
 * A school's sanction of a pupil (开除, 劝退, 处分) is not a legal aid category, even when the school names a fight
 * as the reason: the school_discipline entry answers it. An arrest still makes it a criminal matter.
 */
describe('a school sanctioning a pupil is no category', () => {
  it.each([
    ['孩子被学校开除了 才初二 学校说他打架 这合法吗', null],
    ['学校说我儿子打架要开除他', null],
    ['我女儿在学校跟人打架被记过了', null],
    ['my son got expelled for fighting, can the school do that', null],
    ['我儿子打架被学校开除了，现在派出所也把他抓了', 'criminal_defense'],
    ['my son was expelled after a fight and now the police arrested him', 'criminal_defense'],
    ['我儿子在学校把同学打了，学校让我们赔钱', 'criminal_defense'],
  ])('%s → %s', (text, category) => {
    expect(categoryFromText(text)).toBe(category);
  });
});

/**
 * Hurt in a shop, a supermarket or a restaurant (滑倒, 摔伤, 被货架砸了) and the business will not pay: the business's duty
 * to keep its customers safe (消费者权益保护法 第七条、第十八条、第四十九条; 民法典 第一千一百九十八条), the consumer
 * category. Session 11: "在超市摔倒了骨折 超市不管" had no category. Hurt there at work stays a work injury, and a car
 * outside the shop a traffic accident.
 */
describe('hurt in a shop as a customer is a consumer matter', () => {
  it.each([
    ['在超市摔倒了骨折 超市不管', 'consumer'],
    ['我妈在超市摔了一跤骨折了，超市不管', 'consumer'],
    ['在商场地太滑滑倒了 腿摔断了 商场说不关他们的事', 'consumer'],
    ['在饭店吃饭被服务员的热汤烫伤了，饭店不赔', 'consumer'],
    ['我爸在超市被货架上掉下来的东西砸伤了头', 'consumer'],
    ['i slipped on a wet floor in the supermarket and broke my wrist, the shop wont pay', 'consumer'],
    ['my mum fell in a shop and broke her hip, they not want pay', 'consumer'],
    ['she fall in supermarket and break her hip, they not want pay', 'consumer'],
    ['my dad got burned by hot soup in a restaurant and they refuse to pay', 'consumer'],
    // Hurt there at work, or by a car outside it.
    ['我在超市上班的时候摔倒了骨折，老板不管', 'work_injury'],
    ['我在商场当保洁，干活的时候摔断了腿', 'work_injury'],
    ['i work at a supermarket and fell off a ladder at work and broke my leg', 'work_injury'],
    ['在超市门口被电动车撞了，骨折了', 'traffic_injury'],
    // A shop that sold something broken is the consumer category already; a shop's unpaid wages are wages.
    ['超市老板欠了我三个月工资', 'wages'],
    // Session 11: an employer who owes the resident is wages, not a loan (it read contract_debt).
    ['the boss owes me 6 months', 'wages'],
    ['my boss owes me money and wont answer the phone', 'wages'],
    ['the factory owes us 3 months', 'wages'],
    ['my friend owes me money and wont pay it back', 'contract_debt'],
    // Session 11: hurt at a building site whose foreman ran off is a work injury first (it read wages, from 包工头).
    ['我在工地摔下来 腰断了 包工头跑了', 'work_injury'],
    ['在工地上被钢管砸伤了腿，包工头不管', 'work_injury'],
    ['包工头跑了 欠我们三个月工钱', 'wages'],
  ])('%s → %s', (text, category) => {
    expect(categoryFromText(text)).toBe(category);
  });
});

/**
 * A death in the family, then who took the house or the money: an inheritance dispute (民法典 第一千一百二十七条), in
 * English as the Chinese colloquial words already read it. Session 11: "my father died and my uncle took over his
 * house" had no category, so the answer offered the generic apply button.
 */
describe('a death in the family and the estate taken is inheritance, in English', () => {
  it.each([
    ['my father died and my uncle took over his house, he says its his now', 'inheritance'],
    ['my mum passed away last year and my brother took all her savings', 'inheritance'],
    ['after my husband died his parents want to take our flat', 'inheritance'],
    // A death at work or on the road is that claim, not inheritance.
    ['my husband died in an accident at work and the company wont pay', 'work_injury'],
    ['my father died after he was hit by a car', 'traffic_injury'],
  ])('%s → %s', (text, category) => {
    expect(categoryFromText(text)).toBe(category);
  });
});

/** An employer who owes the resident, however it is spelled ("工姿" for 工资): unpaid wages (session 11). */
describe('an employer who owes the resident is unpaid wages', () => {
  it.each([
    ['老板欠我工姿三个月不给 怎么半', 'wages'],
    ['包工头还欠我们八千块', 'wages'],
    ['老板欠我钱不给', 'wages'],
    ['包工头欠俺的钱不给', 'wages'],
    ['老闆欠錢跑了', 'wages'],
    ['单位欠我半年的钱', 'wages'],
    ['厂里欠俺八千块 过年都回不了家', 'wages'],
    // Another kind of debt is not wages (货款 is not read as any category yet).
    ['老板欠我货款两万', null],
    ['老板欠我借款三万', 'contract_debt'],
    // A shop paid in advance that closed is a customer's money, not wages (session 12).
    ['健身房老板跑路了 会员卡的钱咋退', 'consumer'],
    ['老板跑路了，我干了半年的活钱一分没拿到', 'wages'],
  ])('%s → %s', (text, category) => {
    expect(categoryFromText(text)).toBe(category);
  });
});

/**
 * Session 19, found by the lead: "儿子在学校被打了" started an application for domestic violence — "儿子 … 打" was read as a
 * son who hits his parent. A relative who was hit (被打) is not a relative hitting.
 */
describe('a relative who was hit is not violence at home by that relative', () => {
  it.each([
    ['儿子在学校被打了', false],
    ['老公被人打了 住院了', false],
    ['我被老公打了', true],
    ['儿子打我 还抢我的钱', true],
  ])('%s → domestic violence: %s', (text, dv) => {
    expect(categoryFromText(text) === 'domestic_violence').toBe(dv);
  });
});

/** Session 19, found by the lead: "老板突然说不要我了 也不给补偿" (dismissed, no severance) was read as unpaid wages, or nothing. */
describe('a boss who says he does not want you any more is a dismissal', () => {
  it.each([
    ['我是聋哑人 在厂里干了三年 老板突然说不要我了 也不给补偿', 'labor_contract'],
    ['老板说不要我了', 'labor_contract'],
    ['公司说不用我了 明天别来了', 'labor_contract'],
    ['老板叫我明天不用来了', 'labor_contract'],
    // Not the employer: a partner leaving is no dismissal.
    ['我老公说不要我了', null],
  ])('%s → %s', (text, category) => {
    expect(categoryFromText(text)).toBe(category);
  });
});
