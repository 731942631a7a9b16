import { mendEnglishSlips } from './english-slips.js';
import type { DangerKind } from './types.js';

/**
 * Danger to life or safety happening now or threatened, in the words residents use. Each pattern
 * needs the resident (or someone with them) to be the one at risk: a question *about* violence or
 * crime ("杀人犯可以申请法律援助吗", "家暴怎么取证", "my brother committed suicide") is not an emergency.
 */
const SELF_HARM: RegExp[] = [
  /(想|要|准备|打算|真想|只想|不如|干脆)(去)?(自杀|寻死|轻生|跳楼|跳河|跳江|割腕|上吊|烧炭|去死)|(我|俺)?(真|只|好)?想死|不如死/,
  // "活着也没什么意思", "活着真没意思", "感觉活着没有意义", "活着还有啥盼头".
  /不想活|活不下去|活不成了|活着(也|真|都|还|实在|真的)?(没|没有|有什么|还有什么|有啥|还有啥)(什么|啥)?(意思|意义|用|盼头)|死了算了|一死了之|不如死了|一了百了|了结(自己|我自己)|结束(自己的?|我的)生命|我(要|想)?自杀/,
  // Pills or poison taken by the resident: "我刚吃了一瓶安眠药", or with no "我" at all, as people type it
  // ("吃了好多安眠药", "刚喝了半瓶农药"). Someone else who took them ("我妈喝了农药") is a medical emergency below.
  /(我|俺)(刚|刚刚|已经|才|又)?(吃|喝|吞)了.{0,6}(安眠药|农药|老鼠药|百草枯|敌敌畏|除草剂|杀虫剂|一瓶药|一把药|一大把药|好多药|很多药|一堆药|整瓶|整盒)/,
  /(^|[，。！!,.?？\s])(刚|刚刚|已经|才|又)?(吃|喝|吞)了.{0,6}(安眠药|农药|老鼠药|百草枯|敌敌畏|除草剂|杀虫剂|一瓶药|一把药|一大把药|好多药|很多药|一堆药|整瓶|整盒)(?!.*(的人|申请|法律援助|法援|能告|起诉))/,
  // "我想从楼上跳下去", "不想醒来了", "i want to jump off the bridge", "i feel like killing myself", "i dont want to wake up
  // tomorrow", "nobody would care if i died".
  /(想|要|准备|打算|真想)(去)?从.{0,8}(楼|桥|天台|窗户|窗口|阳台|顶).{0,4}跳(下去|下来)?|不想(再)?醒(来|过来)(了)?$|\b(want to|going to|gonna|about to|thinking (about|of)|will) jump(ing)? (off|from) (the|a|this|my) (bridge|roof|building|balcony|window|cliff|top)\b|\b(feel like|thinking (about|of)) (killing|hurting|harming) myself\b|\b(don'?t|do not|dont) want to wake up\b|\bnobody would (care|notice|miss me) if i (died|was gone|were gone|disappeared)\b|\b(everyone|they|my (family|kids)) would be better off without me\b/i,
  // "there is no point in living anymore", "whats the point of living", "life is not worth living", "i feel like dying".
  /\bno point (in )?(living|being alive|going on|staying alive)\b|\b(what'?s|whats|what is) the point (of|in) (living|being alive|going on|staying alive)\b|\b(life is|life'?s) not worth living\b|\blife isn'?t worth living\b|\bfeel like dying\b/i,
  /\b(kill|hurt|harm|cut) myself\b|\bsuicidal\b|\bend (my life|it all)\b|\b(don'?t|do not) want to (live|be alive)\b|\bwant to die\b|\bbetter off dead\b/i,
  // Pills in a quantity, or poison, taken by the resident ("i took a lot of sleeping pills", "just swallowed a whole
  // bottle of pills"); "i took the pills the doctor gave me" is not.
  /(^|\bi (just |already |have |had )?|\bive (just )?)(just |already )?(took|taken|swallowed|ate|had|downed)\b.{0,25}?\b(a lot of|lots of|loads of|too many|so many|all (of )?(my|the)|a (whole )?(bottle|box|packet|pack|handful) of|\d+)\s+(of )?(my |the |sleeping )?(pills|tablets|sleeping pills|painkillers|paracetamol)\b/i,
  /(^|\bi (just |already |have |had )?|\bive (just )?)(just |already )?(took|taken|swallowed|drank|drunk|ate)\b.{0,15}\b(poison|pesticide|rat poison|weed ?killer|bleach)\b|\b(pills|tablets)\b.{0,25}\bon purpose\b|\bi (just |have )?(overdosed|took an overdose)\b/i,
  /\b(i'?m|i am|feel|feeling|thinking|thought)\b.{0,30}\bsuicid/i,
  /\b(i )?(can'?t|cannot|can not) go on( (anymore|any more|like this|living))?\b|\bno reason to (live|go on)\b|\bwant to disappear (forever|for good)\b/i,
];

const FAMILY = /老公|丈夫|老婆|妻子|媳妇|男朋友|男友|前夫|前男友|前妻|对象|爱人|公公|婆婆|继父|后爸|继母|后妈|我爸|我妈|他爸|家里人|(我|俺)(家)?(男人|那口子|婆娘)|孩子(他|她)(爸|妈)|当家的|\b(husband|wife|boyfriend|girlfriend|partner|ex|father|dad|stepfather|stepdad|mother|mom|mum|mother-in-law|father-in-law)\b/i;

/**
 * Injuries done to the resident ("把我打伤了", "打得头破血流", "掐我脖子", pushed down: "把我推倒在地上", "he pushed me down
 * the stairs"): danger when told as now, but not when told of
 * last week or before ("上周他把我打伤了", "上个月被他打得头破血流，现在想离婚") — that is past violence, which gets the
 * domestic-violence line (abuse-told.ts) without the alarm (session 17).
 */
const INJURY =
  /往死里打|把(我|俺)(给)?推(倒|下|到地|在地|到墙)|推(了)?(我|俺)(一把|一下)?[^，。,.!！?？]{0,2}(撞到|撞在|摔在|摔到|倒在)|\b(pushed|shoved|threw) me (down|to the (floor|ground)|against (the|a) (wall|door|table)|off (the|a) )|把我往死里|把我打(得|成|伤)|打得我.{0,6}(血|站不起来|晕|爬不起来)|满脸是血|头破血流|浑身是(血|伤)|掐(住|过)?我(的)?脖子|\b(beat|beats|hit|hits|punched|kicked|choked|strangled) me (so bad|so hard|until|till|unconscious|black and blue)|\bcovered in blood\b|\b(i am|i'm|im) bleeding\b|\bknocked me (out|unconscious)\b/i;
/**
 * Hiding from him ("我和孩子躲在卫生间", "me and the kids are locked in the bathroom"): danger unless told as the past
 * ("以前他一喝酒我就躲在厕所").
 */
const HIDING = /(我|我们|我和孩子|带着孩子)(现在|正|正在)?(躲|藏|锁)(在|进)(了)?(卫生间|厕所|洗手间|房间|屋里|卧室|柜子|阳台)(里)?|\b(i am|we are|i'?m|we'?re|me and (the|my) (kids|children|baby)|the kids and i) (are |is )?(hiding|locked|locking ourselves|locked ourselves) in (the|a|my|our) (bathroom|toilet|bedroom|room|closet|wardrobe)\b/i;
/** Told of last week or before: "上周", "前几天", "去年", "以前", "last week", "ago", "used to". */
const TOLD_AS_PAST = /上个?(周|星期|礼拜|月)|前几天|前些天|前段时间|前阵子|前些日子|那天|那次|去年|前年|以前|之前|过去|曾经|小时候|年前|个?月前|(几|两|三|四|五|六|七|八|九|十|\d+)天前|(周|星期|礼拜)前|\blast (week|month|year|summer|winter|spring|autumn|fall)\b|\bago\b|\bused to\b|\bin the past\b|\bback then\b|\bthe other (day|week)\b/i;
/** ...unless it says it is happening again now ("现在他还在打", "刚才", "tonight"). */
const HAPPENING_NOW = /正在|刚才|刚刚|今天|今晚|今早|昨天|昨晚|昨夜|凌晨|此刻|这会儿|马上|现在(他|她)?(又|还|正)?在(打|揍|掐|砸|踹)|\b(right now|tonight|today|just now|last night|yesterday|this morning)\b/i;

/**
 * Fear of him now ("我现在很害怕他回来", "我好怕他又找过来", "i'm scared he will come back"): danger, with or without
 * violence named. Not fear that someone will not come back ("我怕老板跑了不回来", "afraid he won't come back").
 */
const FEAR_OF_HIM_NOW = [
  // A partner or ex hunting her ("我怕前夫找到我和孩子", "我很担心前夫找过来"), as "my ex will find me and the kids" (session 18).
  /(怕|害怕|担心)(前夫|前妻|老公|丈夫|前男友|男朋友|对象|孩子(他|她)(爸|妈))(会)?(再|又)?(找到|找上门|找过来|找来|追过来|追到)/,
  /(现在|真的|好|很|特别|非常|太|真)(害怕|怕)(他|她)(会)?(随时)?(再|又)?(回来|找来|找过来|找到我|找上门|来找我|过来)/,
  /\b(scared|afraid|terrified|frightened)\b.{0,15}\b(he|she|they)\b( will| is going to| is gonna| might| may| could)?( come back| comes back| is coming back| come home| find me| finds me| come for me| come after me| show up)\b/i,
];

const VIOLENCE: RegExp[] = [
  /救命(?!钱|稻草|的钱)|救救我|快来人|help me.{0,20}(knife|gun|kill|hit|beat)/i,
  /(拿|举|提|抄|握|持)(着|起)?(刀|菜刀|斧头|棍子|铁棍|枪|剪刀|砖头|凳子|皮带|鞭子|锤子|铁锹|扳手)|动刀|(刀|枪)架在/,
  /(要|想|说要|扬言|威胁|喊着要|嚷着要)(要|说)?(把我们?|把孩子)(杀|砍|捅|弄死|打死|掐死|烧死)|(要|想|说要|扬言|威胁|喊着要|嚷着要)(要|说)?(杀|砍|捅|弄死|打死|掐死|烧死|砍死|捅死)(了)?(我|孩子|全家|我妈|我爸|我儿子|我女儿)/,
  /(杀|弄死|打死|掐死|砍死|捅死)(了)?我/,
  /(正在|在|一直在|又在|还在)(打|揍|踹|掐|砍)我(?!.{0,2}(电话|手机))|被绑架|绑架了我|我被(关|锁)在.{0,6}(出不去|不让)|把我(关|锁)(在|起来)|不让我(出门|走|离开)/,
  /(我|我们)(现在)?(很|非常|有)危险|我(现在)?不安全|他(就)?在(门口|外面|楼下).{0,10}(砸|踹|撬|不走)|(砸|踹|撬)(我家)?门/,
  /\b(has|have|got|holding|with) a (knife|gun|weapon|machete|axe)\b/i,
  // At the door now ("he is kicking the door", "banging on our door", "trying to break the door down"), as 砸门 above.
  /\b(kicking|banging|smashing|pounding|hammering|bashing|breaking)( on| down| in| at)? (the|my|our) (front )?(door|window)s?\b|\btrying to (break|kick|smash|force)( down| in| open)? (the|my|our) (front )?door\b/i,
  /\b(breaking|trying to break) into (my|our) (house|home|flat|apartment|room)\b/i,
  /\b(will|'ll) (kill|stab|shoot|hurt) (me|us)\b/i,
  /\b(going|gonna|wants?|trying|threaten(s|ed|ing)?|said he would|says he will)( to)? (kill|stab|shoot|strangle|hurt) (me|us|my)\b/i,
  /\b(is|he's|she's|they're|are) (beating|hitting|attacking|choking|strangling|stabbing|kicking) (me|us)\b/i,
  // Someone close hurt as it happens ("he is beating my mom right now", "someone is beating my brother outside").
  /\b(he|she|they|someone|somebody|my \w+|a man|some (men|guys|people)) (is|are) (beating|hitting|attacking|choking|strangling|stabbing|kicking|punching) (my|our) (mom|mum|mother|dad|father|sister|brother|wife|husband|partner|grandma|grandmother|grandpa|grandfather|gran|nan|friend|neighbou?r|family)\b/i,
  // Read on contractions spelled out (see spellOutContractions): "he said he would kill me", "he swore he would burn the house down with us inside".
  /\b(he|she|they|someone|my \w+)\b.{0,25}\b(would|will|going to|gonna|coming to|wants? to|trying to|threaten(s|ed|ing)? to|swore to)\s+(kill|murder|stab|shoot|strangle|choke|burn|beat)\b(?! (me|us) to\b).{0,25}\b(me|us|my|our|the (kids|children|baby))\b/i,
  /\b(he|she|they|someone|my \w+)\b.{0,25}\b(would|will|going to|gonna|coming to|wants? to|trying to|threaten(s|ed|ing)? to)\s+hurt (me|us|the (kids|children|baby)|my (kids|children|son|daughter|baby))\b/i,
  /\b(i'?m|i am|we are|we're) (in danger|not safe|scared for my life)\b|\blocked me (in|up)\b|\bwon'?t let me (leave|go out)\b/i,
];

/**
 * "someone broke into my house": danger, the intruder may be there; but a burglary told afterwards ("thieves broke into
 * my house and the police have done nothing", "…last week and took my savings") is a theft to ask about, unless he is
 * still there.
 */
const BROKE_IN = /\b(broke|has broken|have broken) into (my|our) (house|home|flat|apartment|room)\b/i;
const AFTER_THE_BREAK_IN = /\b(police|cops|reported|insurance|took|stole|stolen|taken|missing)\b/i;
const STILL_THERE = /\bstill (inside|in (the|my|our) (house|home|flat|apartment)|here|there)\b/i;
const brokeInNow = (t: string) => BROKE_IN.test(t) && (STILL_THERE.test(t) || (!TOLD_AS_PAST.test(t) && !AFTER_THE_BREAK_IN.test(t)));

/**
 * Fear of violence coming back soon ("he hits me when he drinks, I'm scared he will come back tonight",
 * "他喝了酒就打我，我怕他今晚回来"): the fear, something imminent, and violence in the same message. Past
 * violence told without it is a story ("我老公喝了酒就打我，已经好几年了").
 */
const FEAR_SOON = [
  /(怕|害怕|担心).{0,10}(今晚|今天晚上|马上|等会|待会|一会儿|回来|找到我|找过来|找上门)/,
  /\b(scared|afraid|terrified|frightened)\b.{0,40}\b(come back|coming back|comes back|come home|comes home|gets home|find me|finds me|tonight|on (his|her|their) way)\b/i,
];
const VIOLENCE_WORDS = /打我|揍我|踢我|掐我|杀|砍|捅|弄死|动手|\b(hit|hits|hitting|beat|beats|beating|hurt|hurts|kill|kills|attack|attacks|punch|punches|choke|chokes|knife|gun)\b/i;

const CHILD: RegExp[] = [
  /(孩子|儿子|女儿|小孩|娃|闺女|宝宝).{0,2}(被拐|被人拐|被人贩子|被人抱走|被绑架|被人绑架|被绑走|不见了|丢了|失踪|走丢)/,
  // Taken, told the other way round: "有人在学校门口把我孩子抱走了", "一个陌生人把女儿拐走了" (a parent taking the children
  // in a custody fight, "前夫把孩子带走了", is not this).
  /(有人|陌生人|不认识的人|一个(男的|女的|人))[^，。,.!！?？]{0,10}(把|将)(我的?|我家)?(孩子|儿子|女儿|小孩|娃|闺女|宝宝)(给)?(抱走|带走|抢走|拐走|绑走)|(把|将)(我的?|我家)?(孩子|儿子|女儿|小孩|娃|闺女|宝宝)(给)?(拐走|绑走)/,
  /(正在|在|又在|一直在)(打|虐待|掐|揍)(我的?)?(孩子|儿子|女儿|小孩|娃|闺女|宝宝)|把(孩子|小孩|娃|闺女|女儿|儿子)往死里打|(孩子|小孩|女儿|闺女).{0,6}(被|遭).{0,4}(性侵|猥亵|强奸)/,
  /\b(my )?(child|son|daughter|kid|baby)\b.{0,20}\b(missing|kidnapped|abducted|being (hit|beaten|abused|hurt))\b|\b(hitting|beating|abusing|hurting) (my|the|our) (child|children|kids?|son|daughter|baby)\b|\bchild (is )?in danger\b/i,
];

/**
 * A child hurt, abused or shut in by someone: "孩子被他爸打得浑身是伤", "儿子被虐待", "小孩被关起来" (not
 * "我儿子打架把人打伤了", where the child hurt someone). A past injury claimed in damages, or a child held by
 * the police, is a legal matter rather than danger now.
 */
const CHILD_HURT = /(孩子|儿子|女儿|小孩|娃|闺女|宝宝|孙子|孙女)(又|经常|天天|总是?|一直|常常|老是)?(被|遭|让)[^，。,.!！?？]{0,5}(打|揍|踢|掐|烫|虐待|虐|关起来|关在|锁起来|锁在|饿)/;
const CHILD_HURT_NOT_NOW = /赔|看守所|拘留|派出所|公安|警察|监狱|少管所|刑拘|逮捕|年前|去年|前年|小时候/;
/**
 * Hit at school, by classmates or a teacher ("孩子被同学打了", "儿子在学校被打了", "孩子被老师打了"): school bullying to ask
 * about (minors, school_discipline), not a child in danger now (session 19). A child hurt at home still is, whoever
 * noticed it ("…老师发现的").
 */
const CHILD_HURT_AT_SCHOOL = /(被|遭|让)[^，。,.!！?？]{0,4}(同学|老师|班主任|校长|学生|高年级|室友)|(在学校|在校|在班上|在班里|在教室|在宿舍)[^，。,.!！?？]{0,6}(被|遭|让)|校园欺凌|霸凌/;
/**
 * A grown son or daughter hurt by their own partner or in-laws ("我女儿经常被女婿打", "my daughter is being beaten by her
 * husband"): violence at home done to a relative, not a child in danger (abuse-told.ts gives its line).
 */
const GROWN_CHILD_BY_PARTNER =
  /(儿子|女儿|闺女|孩子)[^，。,.!！?？]{0,6}(被|遭|让)[^，。,.!！?？]{0,3}(她|他)?的?(老公|丈夫|老婆|媳妇|妻子|男朋友|男友|对象|前夫|婆婆|公公|婆家人?)|女婿|儿媳|\b(son|daughter)\b.{0,40}\bby (her|his|their) (husband|boyfriend|partner|wife|girlfriend|ex|in-?laws?)\b|\b(son|daughter)'?s (husband|boyfriend|partner|wife|girlfriend)\b/i;

const MEDICAL: RegExp[] = [
  /昏迷|晕倒|晕过去|昏过去|不省人事|叫不醒|没(有)?(呼吸|气)了|喘不上气|呼吸困难|大出血|血止不住|流了(好多|很多|一地)血|心脏病(犯|发)|犯心脏病|中风了|抽搐|口吐白沫|(喝|吃|吞)了.{0,6}(农药|老鼠药|百草枯|安眠药|敌敌畏|除草剂|杀虫剂)/,
  /\b(unconscious|passed out|not breathing|can'?t breathe|cannot breathe|bleeding (heavily|a lot|badly)|won'?t stop bleeding|heart attack|having a stroke|seizure|overdosed?)\b/i,
  /\b(isn'?t|is not|stopped|has stopped|not) breathing\b|\b(he|she|my \w+|mum|mom|dad|baby|someone) (just |suddenly |has )?collapsed\b|\bunresponsive\b|\bwon'?t wake up\b|\b(swallowed|drank|ate|drunk) (some |a |the )?(bleach|poison|pesticide|weed ?killer|rat poison|pills|battery|batteries|chemicals|detergent)\b/i,
  /(误食|吞了|误喝|喝了|吃了).{0,3}(消毒液|84|漂白水|洗洁精|电池|药片|一瓶药)/,
];

/** Past events told as part of a legal question (医疗事故 after an operation) are not a medical emergency now. */
const LEGAL_CONTEXT = /医院|手术|医疗事故|医疗纠纷|赔偿|责任|起诉|告|律师|法律援助|法援|申请|判|年前|个月前|去年|前年|之前|以前|后来|hospital|surgery|operation|compensation|sue|lawyer|legal aid|negligence|last year|ago/i;

/**
 * A beating about to happen ("he is going to hit me now", "hes drunk and coming for me", "他喝醉了又要打我",
 * "马上要打我了"), unless asked as a what-if ("what if he is going to hit me again when i ask for a divorce").
 */
const IMMINENT_HIT: RegExp[] = [
  /\b(he|she|they|my \w+) (is|are) (going to|gonna|about to|coming to) (hit|beat|attack|punch|batter|hurt) (me|us)\b(?! to\b)|\bcoming (for|after) (me|us)\b/i,
  /要(来|过来)?(打|揍)(我|俺)了|(又|马上|快|现在|这就|这会儿)要(来|过来)?(打|揍)(我|俺)|要过来(打|揍)(我|俺)/,
];
/**
 * Violence that has just happened again ("他又打我了 我好害怕", "my husband hit me again, im so scared"): told
 * as it happens, not as history ("他以前打过我 能离婚吗"). Repeated violence by him or her is domestic.
 */
const JUST_HIT = [
  /(又|刚|刚刚|刚才|今天又)(把(我|俺))?(打|揍|踹|掐|扇)(了)?(我|俺)?(了|一顿)/,
  /\b(hit|beat|punched|kicked|slapped|choked|hurt) me again\b|\bjust (hit|beat|punched|kicked|slapped|choked|attacked) me\b/i,
];
/** Violence told with a marriage ("他掐我脖子…我想离婚", "he choked me… i want a divorce") is by a partner: domestic. */
const MARRIAGE = /离婚|结婚|婚姻|家暴|家庭暴力|\b(divorce|divorcing|married|marriage|domestic)\b/i;
/** Hit again and again by him or her ("他天天打我", "he hits me every day"): someone the resident lives with. */
const HIT_AGAIN_AND_AGAIN =
  /(他|她)(天天|每天|经常|常常|总是|老是|老|一直|动不动就|时不时就?|隔三差五就?|一喝酒就|喝了酒就|喝醉了?就|一喝多就)(打|揍|踢|掐|扇)(我|俺)|\b(he|she) (often |always |still |keeps |usually )?(hits|beats|kicks|slaps|chokes|punches) me (every (day|night)|all the time|whenever)\b/i;
const byPartner = (t: string) => FAMILY.test(t) || MARRIAGE.test(t) || HIT_AGAIN_AND_AGAIN.test(t);
const AGAIN_BY_SOMEONE_CLOSE = /(他|她)(又|刚)|\b(he|she) (just )?(hit|beat|punched|kicked|slapped|choked|hurt) me again\b/i;

const WHAT_IF = /\bwhat if\b|\bif (he|she|they)\b|\bwhen i (ask|leave|tell|go|say)\b|如果|万一|要是|会不会|吗[？?]?$/i;

/** An attempt on the resident's life ("he tried to strangle me last night"): danger unless told as long past. */
const ATTEMPT = /\b(tried|attempted|almost|nearly)( to)? (kill|murder|strangle|choke|stab|drown|suffocate|smother)(ed)? (me|us)\b|\b(choked|strangled|throttled) (me|us)\b|\b(put|had|wrapped) (his|her|their) hands? (around|round|on) my (neck|throat)\b/i;

/**
 * A threat to find her ("he keeps texting he will find me", "前夫天天发消息说一定会找到我"): a partner hunting
 * someone who left is a known danger sign. Not "my lawyer will find me a job": nothing may follow "me".
 */
const THREAT_TO_FIND = [
  /\b(he|she|they|my \w+)\b.{0,30}\b(will|gonna|going to|is going to|threaten(s|ed|ing)? to|swears? (he|she|they) will)\s+(find|come for|come after|hunt down|track down|get) (me|us)\b(?! (a|an|some|the|another|work|job|lawyer)\b)/i,
  /(找到|找上门来?|找过来|找上)(我|俺)(的|了)?([，。！!,.]|$)/,
];
const LONG_PAST = /\b(ago|last (year|month|week)|years|months|the other (day|week))\b|年前|去年|前年|以前|之前|过去|上个?(周|星期|礼拜|月)|前几天|前些天|前段时间|前阵子/i;

/**
 * English as typed on a phone: "he'd", "hed" → "he would"; "he'll", "hell kill" → "he will kill"; "hes", "im" →
 * "he is", "i am". Only forms that are not words of their own are read without the apostrophe ("shed", "id" and
 * "well" are left alone; "hell"/"shell" only before a verb of violence).
 */
export function spellOutContractions(text: string): string {
  return text
    .replace(/[’‘`]/g, "'")
    .replace(/\b(he|they)'?d\b/gi, '$1 would')
    .replace(/\b(she|i|we|you)'d\b/gi, '$1 would')
    .replace(/\b(he|she|they|i|we|you|it)'ll\b/gi, '$1 will')
    .replace(/\b(theyll|youll)\b/gi, (w) => `${w.slice(0, -2)} will`)
    .replace(/\b(he|she)ll (?=(kill|murder|stab|shoot|hurt|beat|strangle|choke|burn)\b)/gi, '$1 will ')
    .replace(/\b(he|she)'?s (?=(going|gonna|coming|trying|beating|hitting|attacking|choking|strangling|stabbing|kicking|drunk|back|here|outside)\b)/gi, '$1 is ')
    .replace(/\bi'?m\b/gi, 'i am')
    .replace(/\b(they|we|you)'?re\b/gi, '$1 are');
}

const any = (patterns: RegExp[], text: string) => patterns.some((p) => p.test(text));

/** The danger in `text`, or null. Self-harm first (it needs different numbers), then a child, violence, a medical emergency. */
export function detectDanger(text: string): DangerKind | null {
  // "想死的心都有了" is frustration, not a plan: read the rest of the message without it. "my husbend hit me": the
  // slips of the words read mended (english-slips.ts), wherever the text comes from.
  const t = spellOutContractions(mendEnglishSlips(text.normalize('NFKC')).replace(/想死的心都有(了)?/g, ''));
  if (any(SELF_HARM, t)) return 'self_harm';
  if ((any(CHILD, t) || (CHILD_HURT.test(t) && !CHILD_HURT_NOT_NOW.test(t) && !CHILD_HURT_AT_SCHOOL.test(t))) && !GROWN_CHILD_BY_PARTNER.test(t)) return 'child';
  if (any(JUST_HIT, t) && !WHAT_IF.test(t) && !LONG_PAST.test(t)) {
    return byPartner(t) || AGAIN_BY_SOMEONE_CLOSE.test(t) ? 'domestic_violence' : 'violence';
  }
  const injuryNow = INJURY.test(t) && (!TOLD_AS_PAST.test(t) || HAPPENING_NOW.test(t));
  const hidingNow = HIDING.test(t) && (!TOLD_AS_PAST.test(t) || HAPPENING_NOW.test(t));
  if (any(VIOLENCE, t) || brokeInNow(t) || injuryNow || hidingNow || any(FEAR_OF_HIM_NOW, t) || (ATTEMPT.test(t) && !LONG_PAST.test(t)) || (any(THREAT_TO_FIND, t) && FAMILY.test(t) && !WHAT_IF.test(t)) || (any(FEAR_SOON, t) && VIOLENCE_WORDS.test(t)) || (any(IMMINENT_HIT, t) && !WHAT_IF.test(t))) {
    return byPartner(t) ? 'domestic_violence' : 'violence';
  }
  if (any(MEDICAL, t) && !LEGAL_CONTEXT.test(t)) return 'medical';
  return null;
}
