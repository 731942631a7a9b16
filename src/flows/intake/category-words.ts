import type { CategoryId } from '../../knowledge/eligibility/vocabulary.js';
import { toSimplified } from '../../knowledge/understanding/simplified.js';
import { abuseAtHomeTold, PUSHED } from '../../knowledge/understanding/abuse-told.js';

/**
 * Words residents use for each kind of problem, Chinese and English. The first match wins, so the
 * more specific categories (criminal, domestic violence, work injury) come before general ones.
 */
const CATEGORY_WORDS: [CategoryId, RegExp][] = [
  ['compulsory_treatment', /强制医疗|compulsory (medical )?treatment/i],
  ['wrongful_conviction_compensation', /改判无罪|再审.*无罪|wrongful(ly)? convict|acquitted on retrial/i],
  ['state_compensation', /国家赔偿|state compensation/i],
  ['hero_martyr_rights', /英雄|烈士|martyr|hero/i],
  ['good_samaritan', /见义勇为|good samaritan|helping (a )?stranger/i],
  ['criminal_defense', /被抓|抓走|拘留|逮捕|羁押|看守所|刑事辩护|嫌疑人|被告人|判刑|坐牢|detained|arrested|police (took|custody)|criminal (charge|defen[cs]e)|suspect|defendant|in custody|detention (cent(er|re)|house)/i],
  ['criminal_victim', /被害人|受害人.*(刑事|犯罪)|自诉|刑事附带|被(人)?(打伤|砍|捅|抢|骗)|victim of (a )?(crime|fraud|scam)|assaulted|robbed|mugged|beat me up|beaten up|stabbed me|attacked me|scammed|defrauded|swindled|conned (me|him|her|us|them|my)|cheated (me |him |her |us |them )?out of|(phone|online|telephone|investment|romance|lottery) (scam|fraud)/i],
  ['domestic_violence', /家暴|家庭暴力|(丈夫|老公|妻子|老婆|对象|男朋友|女朋友|前夫|前妻|公公|婆婆|继父|继母|父亲|母亲|爸爸?|妈妈?|儿子|女儿|家里人|(我|俺)(家)?(男人|那口子|婆娘)|孩子(他|她)(爸|妈)|当家的)[^被挨]{0,6}(打(?!架|工|电话|官司|球|牌|游戏|算|听|我的(?:吧|电话|手机|号)|我(?:电话|手机)|给)|殴打|揍|掐|踢|威胁要杀)|虐待|遗弃|domestic (violence|abuse)|(husband|wife|partner) (hits|beats|beat|hit)|abuse[ds]? (at home|by my)/i],
  ['work_injury', /工伤|上班.*(受伤|摔伤|砸伤|伤)|干活.*(受伤|伤了)|(工地|工厂|车间|厂里|矿上)(上|里)?.{0,10}(摔|掉|砸|压|切|轧).{0,8}(断|伤|骨折)|职业病|work(place)? injur|injured at work|hurt at work|occupational disease/i],
  ['wages', /欠薪|工资|工钱|薪水|讨薪|拖欠.*(钱|薪)|包工头|血汗钱|wage|unpaid|salary|not (been )?paid|pay (me|us)(?! back)|\bowes? (me|us)\b.{0,25}\b(pay|wages?)\b(?! (it|back|him|her|them|off))|\b(months?|weeks?|days?)'? pay\b|\bback pay\b|\b(boss|employer|company|foreman|factory)\b.{0,30}\bowes? (me|us)\b/i],
  // "老板突然说不要我了", "老板叫我明天不用来了": the employer saying it does not want you any more (session 19).
  ['labor_contract', /(老板|公司|厂里|单位|厂长|经理|领导|包工头|工头|老板娘)[^，。,.!！?？]{0,6}(不要我了|不用我了|不用来了|别来了|不用再来了)|辞退|开除|解雇|裁员|劳动合同|经济补偿|赔偿金.*(辞退|解雇)|fired|dismiss|laid off|sacked|(employment|labou?r|work|written) contract|severance/i],
  ['labor_relationship', /劳动关系|没签合同.*(认定|确认)|confirm.*employ/i],
  // "a truck hit my e-bike", "a car knocked me down": a vehicle that hit the resident or what they rode.
  ['traffic_injury', /车祸|交通事故|撞(了|伤)|被车|肇事|traffic (accident|injur)|car (accident|crash)|hit by a (car|truck|vehicle)|\b(car|truck|lorry|van|bus|motorbike|taxi|vehicle|driver|suv)s? (hit|knocked|ran over|crashed into|drove into|hits) (me|my|him|her|us)\b/i],
  ['medical_injury', /医疗事故|医疗纠纷|医院.*(误诊|治坏|责任)|手术.*(失败|事故)|medical (negligence|malpractice|accident|dispute)|(hospital|doctor|nurse|clinic).{0,40}\b(wrong (medicine|medication|drug|dose|leg|arm|organ|diagnosis|operation)|misdiagnos|botched|negligen)/i],
  ['food_drug_injury', /食品安全|食物中毒|假药|药品.*(事故|伤害)|food poisoning|food safety|fake (medicine|drugs)/i],
  ['environmental_damage', /污染|排污|生态破坏|pollution|polluted|polluting|environmental|dumping (chemicals|waste|sewage)|toxic (waste|water|smoke)|contaminat/i],
  ['elder_support', /赡养|养老.*(子女|儿女)|儿女不管|子女不(养|管)|support (my|for) (elderly|aged) parent|children (won't|do not|don't) support/i],
  ['child_support', /抚养费|孩子.*(生活费|抚养)|child support/i],
  ['spousal_support', /扶养费|spousal support|alimony/i],
  ['marriage_family', /离婚|婚姻|彩礼|抚养权|divorce|custody|marriage|(won'?t|doesn'?t|does not|will not) let me see (the|my|our) (kids|children|child|son|daughter)|took (the|my|our) (kids|children)/i],
  ['house_expropriation', /拆迁|征收|征地|强拆|expropriat|demolition/i],
  ['agricultural_inputs', /假种子|化肥|农药|农资|fake seeds|fertili[sz]er|pesticide/i],
  ['social_insurance', /社保|养老保险|医保|失业保险|生育保险|social insurance|pension insurance|medical insurance/i],
  ['social_assistance', /低保|救助|特困|social assistance|welfare benefit/i],
  ['pension', /抚恤金|pension for (the )?family|death benefit|survivor'?s? pension/i],
  ['capacity_declaration', /行为能力|监护|痴呆|精神病.*(认定|宣告)|legal capacity|guardianship/i],
  // "will" is mostly the modal verb ("he will come back"): only "a will", "his will", "the will was…" count.
  ['inheritance', /继承|遗产|遗嘱|inherit|estate|\b(a|the|his|her|my|their|\w+'s) will\b(?! (be|come|go|get|not|never|kill|hurt|hit|beat|find|take|pay|do|say|tell|make|have|give|let|keep|try|stop|see|know|call|leave|help)\b)/i],
  ['land_contract', /土地承包|承包地|宅基地|land contract|farmland/i],
  ['contract_debt', /借钱|欠钱|借款|欠款|合同纠纷|不还钱|loan|debt|owes me|contract dispute/i],
  ['consumer', /消费|买到|退货|商家|网购|会员卡|预付卡|充值卡|办的卡|consumer|refund|shop|purchase/i],
];

/**
 * Colloquial ways residents tell their problem that the intake's category words do not cover
 * ("老板跑路了，钱一分没拿到", "在厂里把手指头切断了", "被派出所抓了"). Consulted after the words above.
 */
/** At work, as residents say where it happened: "at work", "on the site", "at the factory". */
const AT_WORK_EN = String.raw`\b(at work|on the (job|site)|at the (site|factory|plant|warehouse)|on site|building site|construction site)\b`;

const COLLOQUIAL: [CategoryId, RegExp][] = [
  ['work_injury', /(上班|干活|工作|做工)的?时候.{0,15}(摔|掉下|砸|切|轧|烫|烧|骨折|断了)|从.{0,6}梯子(上)?(摔|掉)/],
  ['domestic_violence', /(老公|丈夫|老婆|妻子|男朋友|对象|前夫).{0,6}(把我)?(锁在家|锁起来|关在家|不让我出门|不让我出去)/],
  ['inheritance', /(去世|过世|走了|死了|没了).{0,15}(房子|钱|财产|存款|遗产|地|宅子).{0,8}(占|分|争|抢|拿走|霸)|(分|争|抢)(家产|遗产)/],
  // "my father died and my uncle took over his house": a death in the family, then the estate taken or claimed.
  ['inheritance', /\b(father|mother|dad|mum|mom|parents?|husband|wife|grand(father|mother|pa|ma)|brother|sister|son|daughter|uncle|aunt)\b.{0,20}\b(died|passed away|passed|death)\b.{0,60}\b(took|take|taking|taken|takes|claims?|claimed|kept|keeps|sold|want|wants|won'?t (give|share|let)|refuses?)\b.{0,40}\b(house|home|flat|apartment|land|property|savings|money|farm|shop|estate)\b/i],
  ['work_injury', new RegExp(String.raw`(上班|干活|厂里|车间|工地|工厂|单位).{0,12}(手指|手指头|手|胳膊|腿|脚|腰|眼睛|头).{0,6}(断|切|轧|压|砸|夹|烫|烧|骨折|瞎)|(手指|手指头|手|胳膊|腿|脚).{0,4}(被机器|被机床|机器)|从.{0,6}(架子|脚手架|楼上|高处)(上)?(摔|掉)|\b(lost|cut off|crushed|broke) (a |my |two |three |\w+ )?(finger|hand|arm|leg)s?\b.{0,40}\b(work|factory|site|machine)\b|\b(factory|site|machine)\b.{0,30}\b(lost|cut off|crushed|broke) (a |my |two |\w+ )?(finger|hand|arm|leg)|${AT_WORK_EN}.{0,50}\b(broke|broken|crushed|injured|hurt|lost|cut off|fell|fractured|died|killed)\b|\b(broke|broken|crushed|injured|hurt|cut off|fell|fractured|died|killed)\b.{0,50}${AT_WORK_EN}`, 'i')],
  // Not a shop the resident paid in advance ("健身房老板跑路了 会员卡的钱咋退"): a customer's money, not wages.
  ['wages', /^(?![\s\S]*(健身房|会员卡|充值|预付|卡里的?钱|美容院|理发店|培训班|游泳馆|办的卡|办卡))[\s\S]*(?:(老板|老板娘|包工头|工头|厂里|公司|厂长|老板他).{0,10}(跑路|跑了|不给钱|没给钱|不发钱|拖着不给|赖账|不给结|不结账|一直拖)|干了.{0,8}(活|个月|年|天).{0,12}(没拿到|没给|不给|一分|没结|没发)|(不给|没有|没给)(加班费|工钱|工资)|加班费|(钱|工钱|辛苦钱).{0,4}(一分)?(都)?没(拿到|给|结|发)|结不到(钱|账)|(boss|employer|(?<!insurance )company|foreman).{0,30}(ran off|disappeared|won'?t pay|refuses to pay|hasn'?t paid|didn'?t pay|never paid|not paid)|\b(boss|employer|company|foreman|factory|madam|agency)\b.{0,40}\b(not|no|never|don'?t|doesn'?t|didn'?t|stop(ped)?) (pay|paying|give) (me|us|my|our|salary|wages?|\d+ ?(months?|weeks?))(?! (a |an |the |any )?(written |labou?r |employment |work )?contract)|haven'?t (been )?paid|owe[sd]? (me|us) .{0,20}(months?|weeks?|pay)|\b(hasn'?t|hasnt|havent|hadn'?t|hadnt|didn'?t|didnt|never) (been )?paid (me|us)\b(?! back))/i],
  // "he has been in jail for a week": held, when nothing else (a divorce, wages) names the matter.
  ['criminal_defense', /\b(in|to) (jail|prison)\b|\blocked up\b/i],
  ['criminal_defense', /(派出所|公安|警察|民警).{0,8}(抓|带走|关|拘)|被.{0,6}(抓|抓走|拘|关进去|带走调查)|关进去了|进去了.{0,6}(派出所|看守所)|\b(police|cops).{0,20}(took|arrested|detained|picked up|locked up)|\b(taken|taken away|picked up|held|arrested|detained|caught) by (the )?(police|cops)\b|\btaken (away )?to (the )?police station\b|\b(got|was|been) (arrested|locked up|detained)\b/i],
  // Pushed down ("把我推倒在地上") as the one-clause account of abuse at home reads it (abuse-told.ts).
  ['domestic_violence', new RegExp(String.raw`(老公|丈夫|老婆|妻子|男朋友|男友|前夫|对象|公公|婆婆|继父|后爸|继母|后妈|(我|俺)(家)?(男人|那口子|媳妇|婆娘)|孩子(他|她)(爸|妈)|当家的).{0,10}((打|揍|踢|掐)(我|俺)|${PUSHED}|打得|动手|虐待|不让(我|俺)吃饭|关着(我|俺))|(husband|wife|boyfriend|partner|ex|mother[- ]in[- ]law|father[- ]in[- ]law|in-?laws|step(father|mother|dad|mum|mom)).{0,20}((hits|beats|hit|beat|abuses|abused|kicks|kicked|slaps|slapped|chokes|choked) me|(pushed|shoved|threw) me (down|against|into|off))|\b(he|she) (often |always |still |keeps |sometimes |usually )?(hits|beats|kicks|slaps|chokes|punches) me\b`, 'i')],
  // "他天天打我，我不敢回家": a bare 他/她 who hits the resident again and again is someone they live with, as "he hits me
  // every day" is read above. One blow from a stranger is told differently ("被人打了", a victim's story).
  ['domestic_violence', /(他|她)(天天|每天|经常|常常|总是|老是|老|一直|动不动就|时不时就?|隔三差五就?|一喝酒就|喝了酒就|喝醉了?就|一喝多就)(打|揍|踢|掐|扇)(我|俺)/],
  ['elder_support', /(儿子|女儿|儿女|子女|孩子们).{0,10}(不管我|不养我|(不给|没给|没有给)(过)?(我|我们)(一分)?(钱|生活费|养老钱|赡养费)|不给(钱|生活费|养老钱|赡养费)|不赡养|不管老人|都不管)|(son|daughter|children|kids).{0,20}(won'?t|refuses? to|refused to|don'?t|doesn'?t|do not|does not|never|stopped|not) ((support(ing)?|look(ing)? after|tak(e|ing) care of) (me|us)|giv(e|ing) (me|us) (any )?money)/i],
  // A parent told about by another child: "my dad is 72 and my brother refuses to give him any money", "我爸七十多了我哥不给生活费".
  ['elder_support', /\b(my )?(dad|father|mum|mom|mother|parents?|grand(ma|pa|mother|father))\b.{0,60}\b(brother|sister|son|daughter|children|kids|siblings?)\b.{0,20}\b(refuses?|refused|won'?t|doesn'?t|don'?t|will not|does not|do not|never|stopped)\b.{0,25}\b(give|pay|support|help|look after|take care|visit)|(我爸|我妈|我父亲|我母亲|老人|我爷爷|我奶奶).{0,20}(我哥|我姐|我弟|我妹|哥哥|姐姐|弟弟|妹妹|儿子|女儿).{0,10}(不给|不管|不养|不出钱|不给钱|不给生活费|不赡养)/i],
  ['traffic_injury', /(被|让).{0,4}(车|电动车|摩托车|货车|三轮车|面包车|出租车|外卖车)(给)?(撞|刮|碾|轧)|骑车.{0,6}(撞|摔)|\b(hit|knocked (down|over|off)( my (bike|bicycle|scooter|motorbike))?|run over) by (a |an |the )?(\w+ )?(car|truck|lorry|van|bus|motorbike|scooter|taxi|e-?bike|vehicle|driver)/i],
  ['contract_debt', /(房东|中介).{0,6}(不退|扣|不还).{0,4}(押金|房租|钱)|押金.{0,4}(不退|不给退)|(网贷|贷款|欠款).{0,6}催收|催收.{0,10}(电话|骂|威胁|上门)|借(了)?(我|给他|给她|给朋友|出去).{0,10}(钱|万|块)|(朋友|亲戚|同事|邻居|他|她).{0,8}借.{0,8}(不还|没还|一直拖)|\b(lent|loaned) .{0,30}(money|\d)|(won'?t|wont|hasn'?t|hasnt|haven'?t|havent|didn'?t|didnt|never) (pay|paid) (me |us )?(it )?back|\b(landlord|landlady|letting agent)\b.{0,40}\b(deposit|rent)\b|\bdeposit\b.{0,30}\b(back|return(ed)?|refund(ed)?|kept|keeps|keep)\b/i],
  ['consumer', /(网上|网购|淘宝|拼多多|京东|直播间|商场|店里).{0,10}(买|下单)|买的.{0,10}(坏|假|退不了|不给退)|\b(bought|ordered) .{0,30}(broken|fake|refund|return)/i],
  // Hurt as a customer in a shop, a supermarket or a restaurant ("在超市摔倒了骨折 超市不管"): the business's duty to keep its
  // customers safe (消费者权益保护法 第七条、第十八条、第四十九条; 民法典 第一千一百九十八条). Not when the resident works there
  // (a work injury, read above) or a vehicle hit them (a traffic accident, read above).
  ['consumer', /^(?![\s\S]*(上班|干活|打工|做工|工作|员工|店员|收银|保洁|保安))[\s\S]*(超市|商场|商店|店里|店内|饭店|餐馆|餐厅|饭馆|酒店|宾馆|银行|营业厅|健身房|游泳馆|游泳池|游乐场|游乐园|电影院|菜市场|便利店|药店|理发店|洗浴中心|澡堂|KTV|ktv)(里|内|里面|门口|门前)?.{0,20}(摔|滑倒|跌倒|绊倒|砸(伤|到|了|破)|烫伤|烫了|烧伤|划伤|割伤|受伤|骨折|咬伤)/],
  ['consumer', /^(?![\s\S]*\b(work|working|job|shift|employee|employer|boss|staff)\b)[\s\S]*(\b(slipped|slip|slips|fell|fall|falls|tripped|trip|hurt|injured|burned|burnt|scalded)\b.{0,40}\b(supermarket|shop|store|mall|restaurant|hotel|bank|gym|swimming pool|cinema|market)s?\b|\b(supermarket|shop|store|mall|restaurant|hotel|gym|swimming pool|cinema|market)s?\b.{0,40}\b(slipped|fell|tripped|hurt|injured|burned|burnt|scalded)\b)/i],
  ['labor_contract', /被.{0,6}(炒|辞退|开除|裁)(了|掉)?|把我(炒|辞|开|裁)(了|掉)|炒鱿鱼|不让我干了|让我走人|\b(fired|let go|laid off|sacked) me\b|\bgot (fired|sacked|laid off)\b/i],
  ['medical_injury', /(医院|医生|大夫|诊所).{0,12}(治坏|误诊|做坏|搞错|出事|治死|延误|割错)|\b(hospital|doctor).{0,30}(botched|misdiagnos|wrong (leg|arm|organ)|negligen)/i],
  ['marriage_family', /想离婚|要离婚|闹离婚|离不了婚|孩子(的)?抚养权|\b(want|wants) (a )?divorce\b/i],
  // Cheated, told as residents tell it ("转了两万块，后来才知道是骗子", "遇到电信诈骗", "上当受骗"): the victim of a crime
  // (法律援助法 第二十九条), read last so that "老板就是个骗子 欠我工资" stays wages.
  ['criminal_victim', /(是|遇到|碰到|遇上|碰上)(了)?(个|一个)?骗子|电信诈骗|网络诈骗|电话诈骗|被诈骗|上当受骗|受骗上当|被人骗|骗走(了)?(我|俺)?的?.{0,4}(钱|万|千|块)/],
  ['house_expropriation', /(房子|房屋|老房|家).{0,8}(被拆|要拆|强拆|拆了)|\b(house|home)\b.{0,20}\b(demolish|torn down|tear down)/i],
];

/** Family members as residents name them (the people domestic violence is between). */
const FAMILY = '(?:儿子|女儿|孩子|小孩|老公|丈夫|老婆|妻子|媳妇|弟弟|哥哥|姐姐|妹妹|我弟|我哥|爸爸?|父亲|妈妈?|母亲|侄子|外甥|孙子|孙女)';
/** Partners and in-laws, who are family for domestic violence too (反家庭暴力法 第三十七条 covers cohabitants). */
const PARTNER = '(?:前夫|前妻|男朋友|女朋友|男友|女友|对象|公公|婆婆|继父|继母|后爸|后妈)';
/** People outside the family: hurt by a family member, or hurting one. A bare 人 counts only with 了/伤 or 把 (below). */
const OUTSIDER = '(?:[他她我]的?)?(?:别人家的?(?:孩子|小孩)|人家的?(?:孩子|小孩)|别人|人家|外人|同学|邻居|同事|对方|路人|陌生人|朋友|工友|室友|老师|司机|保安|小偷|歹徒|流氓)';
const FAMILY_EN = '(?:son|daughter|child|kid|boy|girl|husband|wife|brother|sister|father|dad|mother|mum|mom|nephew|grandson)';
const OUTSIDER_EN = '(?:(?:an?|some|another|the|his|her|their|our) (?:man|woman|person|guy|classmate|schoolmate|neighbou?r|stranger|boys?|girls?|kids?|child|co-?worker|colleague|friend|driver|gang|people)|someone|somebody)';
/** Hurting: hit, stab, cut. */
const HURT = '(?:打|揍|踢|捅|砍|推)';

/**
 * Who hurt whom, read before the general words: violence is domestic only between family members. A family
 * member who hurt someone outside the family is a criminal matter for them (打架, 把同学打伤, 打了人); a family
 * member hurt by someone outside it is the victim of a crime; a family member hurting the resident or another
 * family member stays domestic violence (the general words).
 */
const WHO_HURT_WHOM: [CategoryId, RegExp][] = [
  ['criminal_defense', new RegExp(`${FAMILY}[^被，。,]{0,8}(?:(?:跟|和|与)(?:人|${OUTSIDER}))?打(?:架|群架|起来了)`)],
  ['criminal_defense', new RegExp(`${FAMILY}[^被，。,]{0,8}把(?:人|${OUTSIDER})(?:给)?${HURT}(?:伤|残|死|成|了|倒|骨折)`)],
  ['criminal_defense', new RegExp(`${FAMILY}[^被，。,]{0,8}(?:动手)?${HURT}(?:伤了?|了|死了?)(?:人|${OUTSIDER})`)],
  ['criminal_victim', new RegExp(`${FAMILY}[^，。,]{0,4}(?:被|让|叫)(?:人|${OUTSIDER})(?:给)?.{0,2}(?:${HURT}|欺负|霸凌)`)],
  ['criminal_defense', new RegExp(`\\b${FAMILY_EN} (?:got into a fight|was in a fight|(?:beat up|beat|hit|stabbed|hurt|injured|assaulted|attacked|punched) ${OUTSIDER_EN})`, 'i')],
  ['criminal_victim', new RegExp(`\\b${FAMILY_EN} (?:was|got|has been) (?:beaten|attacked|assaulted|stabbed|hurt|injured|punched)(?: up)? by ${OUTSIDER_EN}`, 'i')],
];

/** Telling it in the first person decides before the general words: "我被人打伤了，打人的被抓了" is a victim's story. */
const FIRST_PERSON: [CategoryId, RegExp][] = [
  ...WHO_HURT_WHOM,
  // "he hits me … i want a divorce": a bare he/she who hits the resident is a partner when the story is about the marriage;
  // told in the past too ("my boyfriend… yesterday he choked me", "last night he pushed me down the stairs").
  ['domestic_violence', /^(?=[\s\S]*\b(divorce|divorced|husband|wife|married|marriage|boyfriend|girlfriend|partner|ex)\b)[\s\S]*\b(he|she) (often |always |still |keeps |sometimes |usually |again |just |even |also )?(hits|beats|kicks|slaps|chokes|punches|hit|beat|kicked|slapped|choked|punched|strangled|pushed|shoved|burned|burnt) me\b(?! to\b)/i],
  // Hurt at the workplace, told place first ("俺在工地摔断了腿 包工头说不是他的事"): a work injury, whatever the boss says.
  ['work_injury', /(上班|干活|厂里|车间|工地|工厂|单位|矿上|工作)(上|里|时|的时候)?.{0,6}(摔断|砸断|压断|切断|轧断|摔伤|砸伤|压伤|切伤|轧伤|烫伤|烧伤|受了?伤)/],
  // "借给我表哥5万块钱", "借给老乡两千块": lent to anyone, with the sum.
  ['contract_debt', /\bi (lent|loaned)\b|借给(他|她|朋友|亲戚|同事).{0,8}(钱|万|块)|借给[^，,。]{1,8}?(\d+|[一二两三四五六七八九十百千]+)(万|千|块|元)/i],
  // "老板欠钱", "包工头欠俺的钱不给", "老板欠我工姿三个月不给" (typos and all): an employer's debt to the resident is wages,
  // before the general 欠钱 — unless it is plainly another debt (货款, 借款, 房租).
  ['wages', /(老板|老板娘|包工头|工头|厂里|厂长|单位)(还|一直)?欠(了)?(?:我们|我|俺|钱|工钱|血汗钱)(?!.{0,6}(货款|借款|房租|押金|借的))/],
  // Hurt by someone outside the family: "我被老公打伤了" stays domestic violence.
  ['criminal_victim', new RegExp(`(?:我|俺)(?:被|让)(?!${FAMILY}|${PARTNER})(?:人|他|他们|小偷|歹徒)?.{0,2}(?:打伤|砍伤|捅伤|打成|打断|抢了|砍了|捅了|骗了)|\\bi was (?:assaulted|attacked|robbed|stabbed|mugged)\\b`, 'i')],
  // "我被人打了" with no injury named: only with people plainly outside the family ("我被他打了" may be a partner).
  ['criminal_victim', /(?:我|俺)(?:被|让)(?:人|别人|陌生人|几个人|一群人|一伙人|一帮人|小混混)(?:给)?(?:打|揍)了/],
  // Telling it in the first person: "我跟人打架" / "我把他打伤了" is the resident's own criminal matter.
  ['criminal_defense', /(我|他)(跟人|和人|与人|在外面|在学校)?打架|把(人|人家|别人|对方|同学)(打|捅|砍)(伤|残|死|成)/],
];

/** A school sanctioning a pupil (开除, 劝退, 处分, 停课): no legal aid category, whatever the reason the school gave. */
const SCHOOL_SANCTION = /学校.{0,20}(开除|退学|劝退|处分|记过|停课)|(开除|退学|劝退|处分|记过|停课).{0,20}学校|(被|让)学校.{0,4}(开除|劝退)|\b(expelled|suspended|kicked out of school)\b/i;
/** An arrest or a criminal case, which makes it a criminal matter again. */
const ARREST = /被.{0,6}(抓|拘)|拘留|逮捕|看守所|派出所.{0,6}(抓|带走|关)|\b(arrested|detained|in custody|charged)\b/i;

/**
 * A court's order (a judgment, a mediation or arbitration award) the other side does not obey: "the court said he must pay
 * me but he still not pay", "法院判了他还我钱 但他一直不给". Enforcing it (执行) is the question, whatever the debt was:
 * no category of its own, so the knowledge base answers it (judgment_enforcement) instead of a wages application.
 */
const COURT_ORDER_IGNORED = /(法院|判决|调解书|裁决|仲裁).{0,20}(但|可是|可|还是|就是|一直|到现在|拒不|死活).{0,6}(不给|不还|不履行|不执行|没给|没还|不赔)|\b(court|judge|judg(e)?ment|ruling|verdict|award)\b.{0,40}\b(must|has to|to|should|ordered|said|says|ruled)\b.{0,30}\b(pay|return|give|compensate)\b.{0,40}\b(still|but|yet)\b.{0,15}\b(not|no|never|won'?t|wont|hasn'?t|hasnt|doesn'?t|doesnt|didn'?t|didnt|refuses?)\b|\b(won'?t|wont|refuses? to|doesn'?t|doesnt|didn'?t|didnt) (obey|follow|comply with) (the )?(court|judg(e)?ment|ruling|order)\b/i;

/** The category a resident's own words point to, or `null` when none is clear. */
export function categoryFromText(typed: string): CategoryId | null {
  // "老闆欠我工資" typed at the category question reads as "老板欠我工资".
  return categoryFromSimplified(toSimplified(typed));
}

/** {@link categoryFromText} for text already read by `toSimplified` (the understanding step simplifies once per message). */
export function categoryFromSimplified(said: string): CategoryId | null {
  // "俺儿子不给俺生活费": 俺 is 我 in everyday northern speech; the words below say 我.
  const text = said.replace(/俺/g, '我');
  // A school's sanction, or a court's order not obeyed: no category, unless someone was arrested.
  if ((SCHOOL_SANCTION.test(text) || COURT_ORDER_IGNORED.test(text)) && !ARREST.test(text)) return null;
  const found = firstCategory(text);
  // Hurt at work, then fired or not paid ("i lost two fingers in the machine… now he says i am fired"): the injury is
  // the matter (the dismissal and pay follow from it), however the words fell in the lists.
  if ((found === 'labor_contract' || found === 'wages') && toldInjuryAtWork(text)) return 'work_injury';
  // A divorce told with the beatings ("我想离婚，他喝醉了就打我"): violence at home, as when the beatings come first ("我老公
  // 喝醉了就打我，我想离婚") — its victim claiming her rights needs no means test (法律援助法 第三十二条).
  if (found === 'marriage_family' && (toldViolenceAtHome(text) || abuseAtHomeTold(text) !== null)) return 'domestic_violence';
  return found;
}

function firstCategory(text: string): CategoryId | null {
  for (const [category, pattern] of FIRST_PERSON) if (pattern.test(text)) return category;
  for (const [category, pattern] of CATEGORY_WORDS) if (pattern.test(text)) return category;
  for (const [category, pattern] of COLLOQUIAL) if (pattern.test(text)) return category;
  return null;
}

const toldViolenceAtHome = (text: string): boolean =>
  [...FIRST_PERSON, ...CATEGORY_WORDS, ...COLLOQUIAL].some(([category, pattern]) => category === 'domestic_violence' && pattern.test(text));

const toldInjuryAtWork = (text: string): boolean =>
  [...FIRST_PERSON, ...CATEGORY_WORDS, ...COLLOQUIAL].some(([category, pattern]) => category === 'work_injury' && pattern.test(text));

/**
 * A dispute between neighbours ("邻居家漏水把我家泡了", "楼上天天半夜吵", "my neighbours pipe leaked and flooded my flat"): none
 * of the categories (相邻关系 is outside legal aid's scope nationally), so at the category question it is "something else".
 * Violence by a neighbour is danger or a victim's story, read before this.
 */
const NEIGHBOUR = /邻居|楼上|楼下|隔壁|对门|\bneighbou?rs?'?s?\b|\b(upstairs|downstairs|next door)\b/i;
const NEIGHBOUR_TROUBLE = /漏水|渗水|泡了|淹了|吵|噪音|扰民|占(了)?(我家)?(地|道|路|楼道)|堵(了)?(路|门|道)|挡(了)?(光|路)|采光|墙|界|排水|下水|装修|油烟|养狗|狗|垃圾|\b(leak(ed|s|ing)?|flood(ed|s|ing)?|noise|noisy|loud|wall|fence|boundary|blocked|blocking|dog|smell|rubbish|garbage|renovation)\b/i;

/** Does the text tell of a dispute with neighbours? */
export function neighbourDispute(typed: string): boolean {
  const text = toSimplified(typed.normalize('NFKC'));
  return NEIGHBOUR.test(text) && NEIGHBOUR_TROUBLE.test(text);
}
