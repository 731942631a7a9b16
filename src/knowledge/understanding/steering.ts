import { standardMandarin } from './colloquial.js';
import type { Locale } from '../../locales/catalog.js';
import type { IntentGuess, SteerIntent } from './types.js';
import { oneToThreeOf } from '../../flows/word-run.js';
import { coreMessages } from '../../locales/core.js';
import { wechatMessages } from '../../locales/wechat.js';

/**
 * A menu button's own words typed instead of pressed ("看看能否申请法律援助", "Ask a question"), in either language,
 * from the web and Telegram menu and the WeChat account's menu: the button's intent.
 */
const MENU_LABELS: ReadonlyMap<string, SteerIntent> = new Map(
  (
    [
      [coreMessages['core.menu.apply'], 'apply'],
      [coreMessages['core.menu.ask'], 'ask'],
      [coreMessages['core.menu.status'], 'status'],
      [coreMessages['core.menu.human'], 'person'],
      [coreMessages['core.menu.help'], 'help'],
      [wechatMessages['wechat.menu.ask'], 'ask'],
      [wechatMessages['wechat.menu.apply'], 'apply'],
      [wechatMessages['wechat.menu.status'], 'status'],
      [wechatMessages['wechat.menu.human'], 'person'],
    ] as const
  ).flatMap(([label, intent]) => Object.values(label).map((text): [string, SteerIntent] => [text.toLowerCase(), intent])),
);

/**
 * Short phrases that clearly steer the conversation. Each pattern matches the whole message (after
 * trimming punctuation and polite fillers), so a question or a story that merely contains the words
 * ("申请法律援助要带啥材料") is never taken as a steer.
 */
/** Leaving words, alone or after thanks: "bye", "ok bye", "谢谢，再见", "thanks, bye". */
const FAREWELL = /((好的|好|嗯|ok|okay|thanks|thank you|thx|ty|cheers|谢谢|谢谢你|谢谢您|谢了|谢谢啦|谢啦|多谢|多谢了)[，,]?\s*){0,2}(再见|拜拜|拜|88|bye|bye bye|byebye|goodbye|good bye|see you|see ya|bye for now)/;

/**
 * Leaving at once because someone is coming ("他回来了 先不说了", "有人来了", "he is coming back, i have to go"): a
 * resident on a shared phone, told how to clear the chat now. Read as a goodbye (the `thanks` intent).
 */
const LEAVING_NOW =
  /^(?=\S)((我)?(等不了了|不能等了|没法等了|不等了)[,，\s]*(?=(他|她|我老公|老公|我男人|我对象|他们|有人)))?((他|她|我老公|老公|我男人|我对象|他们|有人)(回来了|来了|快回来了|马上回来了?|要回来了|进门了|在旁边)[,，\s]*)?((我)?(得|要|先|就)?(走了|下了|不说了|先不说了|不聊了|先不聊了|先下了))?$|^(?=\S)((he'?s|he is|she'?s|she is|someone'?s|someone is|they'?re|they are) (coming( back| home)?|back|home|here)( now)?[,.\s]*)?((i )?(have to|gotta|got to|need to|must) go( now)?)?$/i;

/**
 * When the centre opens or closes, with the time of day or the day it is asked for ("下午几点关门", "周六几点开门"),
 * and its particle ("几点开门啊").
 */
const HOURS_ASKED =
  '(上午|下午|中午|早上|晚上|今天|明天|周末|周[一二三四五六日天]|星期[一二三四五六日天])?(的)?(上班时间|办公时间|工作时间|开门时间|营业时间|几点上班|几点下班|几点开门|几点关门|几点钟?开门|几点钟?关门|什么时候上班|什么时候下班|什么时候开门|什么时候关门|哪天上班)(是)?(几点|什么时候)?(啊|呀|呢)?';
/** "…我想去一趟", "…想过去当面问问": why the hours are asked, said after the question. */
const GOING_THERE = '[，,？?。\\s]+(我)?(想|要|打算|准备)?(明天|今天|下午|上午|周末)?(去|过去|跑)(一趟|一下|看看|问问|当面问问|咨询一下|现场问问)?(吧|呢)?';

const PHRASES: [SteerIntent, RegExp][] = [
  // Asking to talk to a lawyer or a real person now ("我要跟律师说话", "我要找真人 律师", "real human please", "i want
  // to talk to a lawyer"): a person. Asked as a question ("can i talk to a lawyer", "找律师要钱吗") it stays a question.
  ['person', /^(我要|我想)?找(个|一个)?(真人|人工)[\s,，]*律师$|^(我要|我想|我需要|能不能|可不可以|可以|请|麻烦)?(跟|和|找|让)(个|一个)?律师(直接)?(跟我|和我)?(说话|说说|聊聊|聊一下|聊|谈谈|通话|通个电话)(吗|呢|啊)?$|^(a |an )?(real |actual |live )?(human|person|agent|operator|staff member)( please| pls| plz)$|^(i want to|i need to|i wanna|let me|i would like to|id like to|i'd like to) (talk|speak|chat) (to|with) (a |an )?(lawyer|attorney|solicitor)( now| please| directly| right now)?$/i],
  ['person', /^(有没有真人|有真人吗|有人吗|有没有人|在吗)(啊|呀|吗|呢)?[,，\s]*(我)?(想|要)(跟|和|找)(人|真人|人工|工作人员)(说|聊|说话|聊聊|说说)?(话)?$|^(喂|请问|那个)?[,，\s]*(有人吗|有没有人|有人在吗|有人没有|有没有人工(服务|客服)?|有人工吗|有人工服务吗|人工在吗|人工呢|有真人吗|有没有真人|能转人工吗|可以转人工吗)$|^(我要|我想|帮我|请|麻烦)?(转|找|接|联系)?(人工|人工服务|人工客服|真人|客服|工作人员|值班人员|律师本人|真人客服)(服务)?$|^(我要|我想)?(找人|找真人|找个真人|跟人说话|和人说话|跟真人说话?|和真人说话?|找个人问问)(说|聊|说话|聊聊|说说)?$|^(我要|我想|能不能|可不可以|可以)?(找|跟|和)(个|一个|一下)?(真人|人工|工作人员|真人客服|人工客服)(问问|问一下|说说|说一下|聊聊|聊一下|说话|聊|谈谈)?(吗|呢|啊)?$|^(能不能|可不可以|可以|请|麻烦)?(让|叫|换)(个|一个)?(真人|人工|工作人员|真人客服|人工客服)(来)?(跟我|和我|给我)?(说|聊|讲|谈|回复|回答)?(说|聊|讲|谈)?(吗|呢|啊)?$|^有人吗$|^(talk|speak|chat) (to|with) (a |an |some)?(person|human|real person|agent|someone|staff|operator)$|^(human|agent|operator|real person|staff)$|^i want (a|to talk to a) (person|human)$|^(can|could|may) i (talk|speak|chat) (to|with) (a |an |some)?(person|human|someone|somebody|staff|agent|real person)$|^is (anyone|anybody|someone|somebody) (there|here)$|^(is there|are there|do you have|have you got|can i get|i need|i want) (a |an |any )?(real |actual |live )?(person|human|people|staff|agent|someone|somebody)( (i can|to) (talk|speak|chat) (to|with))?$|^(i want to|i need to|let me|can i) (talk|speak|chat) (to|with) (a |an )?(real |actual |live )?(person|human|someone|somebody|staff|agent)$/i],
  ['status', /^(我要|我想)?(查|查询|看看?|查一下|查下)(一下)?(我的)?(申请|案子|案件|进度|进展)(的)?(进度|进展|状态|结果)?$|^(我的)(申请|案子|案件)(的)?(进度|进展|状态|结果)?$|^(申请|案件)?(进度|进展)(查询)?$|^(我|俺)(昨天|前天|今天|上周|上个月|前几天|前些天|刚才|刚刚|之前|上次|那天)?(申请的|交的|提交的|报的)(那个)?(申请|案子|案件)?(现在)?(怎么样了?|到哪了|到哪一步了?|有结果了吗|有结果没|批了没|批了吗|批下来了吗|通过了吗)$|^(我的|我刚才的|我刚刚的|刚才的|刚刚的|我刚提交的|刚提交的|刚才那个)?(申请|案子|案件)(现在)?(怎么样了?|到哪了|到哪一步了?|进行到哪了|有结果了吗|有结果没|批了没|批了吗|批下来了吗|通过了吗|处理了吗|有人处理了吗)$|^(check )?(my )?(case|application)( status| progress)$|^check my (case|application)$|^(status|progress)$|^(what'?s|what is) (the )?(status|progress) of my (case|application)$|^(i (already )?applied( already)?( last week| last month| yesterday| a few days ago)?[,.\s]*)?any (news|update|updates)( on| about)?( my (case|application))?\??$|^(what'?s|what is) happening with my (case|application)\??$|^i (already )?applied( already)?( for legal aid)?( (yesterday|today|earlier|last week|last month|a few days ago|on \w+))?[,.\s]+(what'?s|whats|what is|how'?s|hows|how is) (it|that|my (case|application)) (going|happening)?\??$|^i (already )?applied( already)?( for legal aid)?( (yesterday|today|earlier|last week|last month|a few days ago|on \w+))?[,.\s]+(what'?s|whats|what is) (happening|going on) with (it|that|my (case|application))\??$/i],
  ['apply', /^(请|麻烦|麻烦你|麻烦您|请你|请您)?(直接)?(我|我想|我要|想|要|帮我|我想要|帮忙|给我)?(直接)?(申请|提交申请|办理|办)(一下)?(法律援助|法援|援助|律师)?(申请)?$|^(我要|我想)(找|请)?(法律援助|法援)$|^(can you |could you |would you |will you )?(help me |i )?(want to |want |need to |need |would like to |wanna )?(apply|make an application|start (an |my )?application)( for)?( (legal aid|me|us))?( for me)?$|^apply now$/i],
  // The menu's first button in the resident's words: asking to be checked, not how checks work ("谁能申请法律援助？" stays a question).
  ['apply', /^(我)?(想|要)?(看看|看一下|查查|测一测|测一下|评估一下|判断一下)(我)?(能不能|可不可以|是否能|够不够条件|符不符合条件?|有没有资格)(申请)?(法律援助|法援|援助)?$|^(i )?(want to |would like to |wanna |can you |could you |please )?(check|see|find out)( if| whether) i (can get|qualify|am eligible|could get)( for)?( legal aid)?( or not)?$|^check (if|whether) i (can get|qualify)( for)?( legal aid)?$/i],
  // For someone else: "帮我爸申请", "替家里人办法援", "apply for my mother".
  ['apply', /^(我想|我要|想|要|我)?(帮|替|给|为)(我的?|我们)?(他|她|ta|他们|家里人|家人|亲戚|亲人|父母|爸爸?|妈妈?|父亲|母亲|儿子|女儿|老公|老婆|丈夫|妻子|媳妇|孩子|哥哥?|弟弟?|姐姐?|妹妹?|爷爷|奶奶|外公|外婆|老人)((申请|办)(一下)?(法律援助|法援|援助)?)?$|^((i )?(want to |would like to |wanna )?apply|(i'?m|i am) applying) (for legal aid )?(for|on behalf of) (my )?(family( member)?|relatives?|father|mother|dad|mum|mom|son|daughter|husband|wife|brother|sister|parents?|child|kid)$/i],
  // Not waiting for a person any more ("算了不等了", "不用转人工了", "i'll stop waiting"): a cancel, which leaves the queue.
  // "算了 我自己打电话吧", "不等了 我去一趟": giving up on the wait, saying what they will do instead.
  ['cancel', /^(算了|那算了|不等了|不用了)[,，\s]*(我)?(还是)?(自己)?(直接)?(打电话|打12348|打过去|去一趟|过去|自己去|回头再说|下次再说|以后再说|改天再说)$/],
  ['cancel', /^(算了|那|那算了|好吧|那就)?[,，\s]*(我)?(不等了|不用等了|不想等了|等不了了|不等人了|不要人工了|不用人工了|不用转人工了|不转人工了|不找人工了|不用找人了|取消(排队|转人工|人工|等待))(吧|了)?[,，\s]*((我)?(自己)?(打电话|打12348|再打电话|回头再说|下次再说|以后再说))?$|^(ok,? |okay,? )?(never ?mind|forget it|(i'?ll |i will )?(stop waiting|not wait( any ?more)?)|(i )?(don'?t|do not) (want|need) to wait( any ?more)?|cancel (the |my )?(request|queue|waiting|wait)|(i )?(don'?t|do not) need (a person|a human|staff|help) (any ?more|now))([,.\s]+(i'?ll|i will) (call|phone)( instead| later| you| 12348)?)?$/i],
  // "can i start again from the beginning", "我想重新填一遍", "能不能从头开始".
  ['restart', /^(重新开始|从头开始|从头再来|重来|重新来|再来一次|重新)$|^(restart|start over|start again|begin again)$|^(我想|我要|能不能|可以|可不可以|让我)?(重新开始|从头开始|从头再来|重新填(一遍|一下)?|重填(一遍)?|从头填)(吧|吗)?$|^(can i |could i |can we |i want to |i'?d like to |let me |please )?(restart|start over|start again|begin again|start from the (beginning|start|top))( from the (beginning|start|top))?( please)?[?]?$/i],
  ['cancel', /^(取消|算了|不办了|不申请了|不用了|不要了|停|退出|先不了|菜单|主菜单|回主菜单|回到主菜单|返回主菜单)$|^(算了|那算了)?[,，\s]*(我)?(不想|不)(弄|办|填|搞|申请)(了)(吧)?$|^(cancel|stop|never ?mind|quit|forget it|(back to )?(the )?main menu|menu)$/i],
  ['language', /^(english|英文|英语|切换语言|换语言|中文|说中文|讲中文|用中文|简体中文|切换成?(中文|英文))$|^(请)?(换回|换成|改成|改回|切回|切换回|转成|用|说)(中文|英文|英语)(吧|好吗)?$|^((in|switch to|speak) )?(english|chinese)( please)?$|^language$|^(can|could|would) you (please )?(speak|talk|reply|write|answer|chat)( to me)?( in)? (english|chinese)( please)?$|^(do you|can you) (speak|understand) (english|chinese)$|^(can|could|may) (i|we) (use|speak|talk|write|type|chat)( to you)?( in)? (english|chinese)( (please|here|instead))?$|^(is )?(english|chinese) (ok|okay|fine|possible)$|^(可以|能|能不能|可不可以|我能|我可以)(用|说|讲|打)(中文|英文|英语)(吗|吧|呢)?$/i],
  ['delete', /^(我要|我想|请|帮我|麻烦)?(把)?(删除|删掉|清除|清空)(我的)?(所有|全部)?(的)?(信息|资料|数据|记录|聊天记录|个人信息|对话)?(都|全)?(删了|删掉)?$|^((我)?不想用了|不用了|算了)?[,，\s]*(把)?(我的)?(信息|资料|数据|记录|聊天记录|对话|东西)(都|全)?(删了|删掉|删除)(吧)?$|^((i want to|i wanna|i need to|please|can you|can i|pls) )?(delete|erase|remove|wipe|forget) (all )?(my |of my |the )?(data|information|info|details|history|messages|chat|chats|conversation|records|account|everything)( please)?$|^forget me$|^delete everything$|^(快|快点|赶紧|赶快|马上|立刻|现在)?(把)?(这些|这个|聊天|记录|聊天记录)?(都|全|全部)?(删|删掉|删了|删除|清空)(了|掉)?(吧|啊|呀)?$|^(delete|erase|wipe)( (it|this|this chat|the chat|all|everything))?( (now|quick|quickly|fast|please|pls))*$/i],
  // About to ask, or asking with nothing to go on: "我想问一下", "有个问题", a bare "怎么办", "what should I do".
  ['ask', /^(我|俺)?(想|要)?(问问|问|咨询|请教)(一下|一个|个|下|你|您|你们)?(问题|事|事情|情况)?$|^(我)?有(个|一个|几个|点)?(问题|事|事情)(想|要)?(问|咨询|请教)?(一下|你|您)?$|^(请问|问一下|问下|咨询一下|想咨询|我想咨询)$|^(那|那我|我|我们)?(该|应该|现在|现在该)?(怎么办|咋办|怎么弄|咋整|咋弄|怎么处理|怎么做)(呢|啊|呀|哇)?$|^(can|could|may) i ask (you )?(a question|something)$|^i (have|got) (a question|some questions)$|^(so |and |but |then |well )?(what (should|can|do|could) i do( now| then| next| instead)?( then| now)?|what now|now what|then what|what next)$/i],
  // Asking for someone, the question still to come: "帮我爸问一下", "替我妈咨询个事", "I'm asking for my dad".
  ['ask', /^(我)?(想|要)?(帮|替|给|为|代)(我的?|俺|我们家)?(妈妈?|爸爸?|母亲|父亲|父母|老爸|老妈|儿子|女儿|孩子|老公|老婆|丈夫|妻子|媳妇|爱人|哥哥?|弟弟?|姐姐?|妹妹?|爷爷|奶奶|外公|外婆|家里人|家人|亲戚|朋友|他|她|别人)(来)?(问|咨询|打听|请教)(一下|问|下|个事|点事|个问题)?$|^((i'?m|i am) )?(asking|enquiring|inquiring|here) (for|on behalf of) (my )?(mother|father|mum|mom|dad|parents?|son|daughter|child|kid|husband|wife|brother|sister|grandmother|grandfather|grandma|grandpa|family( member)?|relative|friend|someone( else)?)$/i],
  // When the centre is open: its hours and phone come from the policy pack, not the knowledge base.
  ['hours', new RegExp(`^((我)?(想知道|想问一下?|想问问|请问|问一下|问下)[，, ]*)?(你们|你们那边|你们那里|你们单位|法律援助中心|法援中心|中心)?(的)?${HOURS_ASKED}([，,？?\\s]*(你们)?${HOURS_ASKED})?(${GOING_THERE})?$`, 'i')],
  ['hours', /^((我)?(想知道|想问一下?|想问问|请问|问一下|问下)[，, ]*)?(你们|你们那边|你们那里|中心)?(周末|周六|周日|星期六|星期天|星期日|节假日|过年|今天|明天|中午)(上班|开门|办公|有人)(吗|不)?$|^(what are |what'?s |whats |what is |when are )?(your |the )?(office|opening|business|working) (hours|times)$|^when (are you|is the (centre|center|office)) open$|^what time (do you|does the (centre|center|office)) (open|close)( on (weekdays|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?| today| tomorrow)?$|^are you open (on |at )?(the )?(weekends?|saturdays?|sundays?|today|tomorrow|lunchtime)\??$|^(do|does) (you|the (centre|center|office)|anyone) (work|open) (on )?(the )?(weekends?|saturdays?|sundays?|holidays)\??$/i],
  // Where the centre is, alone or with its hours ("法律援助中心在哪里", "你们地址在哪", "请问法援中心在哪 几点上班",
  // "where is the legal aid office"): its address, hours and phone come from the policy pack. Not where to apply
  // ("在哪里申请法律援助" is the knowledge base's), and not someone else's whereabouts ("老板跑了不知道在哪里").
  ['hours', /^(?=.*(地址|位置|地点|电话|联系方式|哪|什么地方|怎么走|怎么去|咋走|几点|上班|开门))((我)?(想知道|想问一下?|想问问|请问|问一下|问下)[，, ]*)?(你们|你们那边|你们单位|你们中心|你们办公室|法律援助中心|法援中心|法律援助处|法律援助站|法律援助工作站|援助中心|中心|司法局)(的)?(具体)?(地址|位置|办公地点|电话|联系方式)?(和|跟|、)?(地址|电话|联系方式)?(是|在)?(在哪里?|在哪儿|在哪|哪里|什么地方|在什么地方|在什么位置|怎么走|怎么去|咋走|多少|什么)?(呢|啊|呀)?([，, ]*(几点上班|几点下班|几点开门|什么时候上班|什么时候开门|上班时间是?|办公时间是?)(是)?(几点|什么时候)?(呢|啊)?)?$/],
  // "我不识字 能不能打电话说", "can i call you instead": to phone rather than type — the centre's number (with its hours).
  ['hours', /^((我|俺)?(不识字|字认不全|不会打字|打字(太|很)?慢|眼睛不好|看不清(字)?)[，,\s]*)?(能不能|能|可以|可不可以|我能|我可以)(直接)?(给你们)?打电话(说|问|咨询|讲|办)?(吗|不|呢)?$|^(can|could|may) i (just )?(call|phone|ring)( you| someone| somebody| the (office|centre|center))?( instead| on the phone)?( please)?$|^is there a (phone )?number i can (call|ring)$/i],
  ['hours', /^(please )?(tell me )?(where('?s| is| are)|what('?s| is) the (address|location) of|how (do|can) i (get|find)( to)?) (the |your )?(nearest |local )?(legal aid )?(office|centre|center|you|you guys)( located| based)?(,? (and )?(what are (the |your )?(opening |office |working )?hours|when (is it|are you) open|what time (do you|does it) open))?$|^(what('?s| is) )?(the |your )?(legal aid )?(office|centre|center)('?s)? address$/i],
  // How to send documents or photos ("材料怎么发给你们", "身份证拍照发这里行吗", "how do i send the documents"): after
  // staff asked for materials the knowledge base's nearest entries were about unpaid wages and debt collection.
  ['send_files', /^(.{0,12}[，,\s])?(我的?|俺的?)?(这些|补充的?|要补的?|需要的)?(合同|身份证|欠条|工资条|病历|户口本|证据|聊天记录)?(的)?(材料|资料|文件|照片|图片|身份证|截图|扫描件|复印件)(要|该|应该|可以|能)?(怎么|咋|如何|在哪|在哪里|往哪|往哪里|发到哪|交到哪)(发|交|传|上传|提交|给|发送|交给)?(给|过去|过来)?(你们|您们|你|工作人员|中心)?(啊|呀|呢)?$|^(.{0,12}[，,\s])?(要|该|应该)?(怎么|咋|如何)(发|传|上传|交|发送)(给|过去|过来)(你们|您们|你|工作人员|中心)(啊|呀|呢)?$|^(.{0,12}[，,\s])?(材料|资料|文件|照片|图片|身份证)(拍照|拍照片|拍个照|拍了照)?(可以|能)?(直接)?(发|传|交)(在|到)?(这里|这儿|这|给你们|你们)(就)?(行|可以|能)?(吗|不|嘛|么|没)?$|^(可以|能)(在这里|在这|直接)?(发|传|交)(照片|材料|文件|图片|身份证)(吗|不|嘛|么)$|^(how (do|can|should) i|where (do|can|should) i|can i|could i|may i) (send|upload|give|submit|attach)( (it|them))?( to)?( you)?( (the|my|these|a|some|your))?( [a-z']+){0,2} (documents?|papers?|files?|photos?|pictures?|materials?|id|id card|proof|evidence|contracts?|scans?|copy|copies|slips?|payslips?|receipts?|screenshots?|records?)( of (my|the) [a-z ]{1,20})?( here| to you| in (the |this )?chat)?\??$/i],
  ['help', /^(帮助|求助说明|使用帮助|使用说明|怎么用|怎么使用|有什么功能|你能做什么|你会什么|你是谁|你是(机器人|真人|人工|人)吗?|是(机器人|真人)吗|help|how does this work|what can you do|who are you|what are you|who is this|whos this|who am i (talking|speaking|chatting) (to|with)|are you (a )?(robot|bot|human|real person|person|real))$/i],
  // Back after a silence ("还在吗", "我回来了", "刚才说到哪了", "sorry im back, where were we"): greeted, and in an
  // application the question on screen again — never an answer the question refuses, nor a question for the index.
  ['greeting', /^(喂|哎|诶)?[，,\s]*(你|您)?(还在吗|还在不在|还在么)(啊|呀|呢)?$|^(不好意思|抱歉|对不起)?[，,\s]*(我|俺)(又)?(回来了|来了)(啊|呀)?([，,\s]*(我们|咱们)?(刚才|刚刚)?(说到|聊到|填到|讲到)(哪了|哪儿了|哪里了|哪一步了?))?$|^(我们|咱们)?(刚才|刚刚)?(说到|聊到|填到|讲到)(哪了|哪儿了|哪里了|哪一步了?)(啊|呀|呢)?$|^((sorry|ok|okay|hi|hello)[,\s]+)?((are )?you still there|still there|(are )?you there|anyone still there)\??$|^((sorry|ok|okay|hi|hello)[,\s]+)?(i'?m|im|i am) back([,.\s]+(where were we|where was i))?$|^((sorry|ok|okay)[,\s]+)?where (were we|was i)$/i],
  ['greeting', /^(你好|您好|你们好|你好呀|你好啊|哈喽|哈啰|嗨|喂|在吗|在不在|有人在吗|早上好|上午好|下午好|晚上好|早|hel+o+|hal+o|hi+|hey+|(hi|hello|hey) there|yo|good (morning|afternoon|evening)|hiya|what'?s up|wh?at'?s up|wassup|sup|how are (you|u)|how r (you|u)|how'?s it going|how is it going|how are things)(哦)?$/i],
  // The resident correcting the bot: the last answer missed, or a button was pressed by mistake. Only at the menu
  // (understand.ts): at an intake question "不对" answers it.
  ['repair', /^(不是|不对|错了)?[，, ]*(不是这个|不是这样|不是这个意思|不是这个问题|我不是这个意思|我不是问这个|我问的不是这个|我说的不是这个|你(理解|搞|弄|听)错了|你没(明白|懂|理解|听懂)(我的意思)?|答非所问|发错了|打错了|点错了|按错了|等一下|等等|稍等|等会儿?|先等一下|(这个)?(回答)?没(有)?用|没(有)?帮助|不是我要的)$|^(no,? )?(that'?s not what i (meant|asked|mean|want)|that is not what i (meant|asked)|not what i (meant|asked|want)|wrong (answer|button|one)( sorry)?|(sorry,? )?(i )?(pressed|clicked|tapped|hit) the wrong (button|one)|sorry,? wrong (button|answer|one)|you (misunderstood|misunderstand|got it wrong|don'?t understand)( me)?|that'?s (wrong|not right|not helpful)|that doesn'?t help|not helpful|hold on|wait a (sec|second|minute|moment)|one (sec|second|moment)|oops)$|^(wait|hold on|oops)(,? (actually|no|i mean|i meant))?(,? [a-z']+){0,4}$/i],
  // Withdrawing an application ("我想撤回申请", "withdraw my application"): the status shows each case with its
  // withdraw button. Not 取消 / cancel, which in an application in progress leaves it.
  ['status', /^(我)?(想|要|需要)?(把)?(我的)?(法律援助|法援)?(申请|案子|案件)?(撤回|撤销|撤了|撤掉)(我的)?(法律援助|法援)?(申请|案子|案件)?(吧|了)?$|^(i )?(want to |would like to |wanna |need to |can i |how (do|can) i )?(withdraw|take back) (my )?(legal aid )?(application|case)$/i],
  // The reason first, then withdrawing: "我不想申请了 撤回", "不想办了，撤销申请吧", "dont want legal aid anymore, withdraw it".
  ['status', /^(我)?(不想|不打算|不用)(再)?(申请|办|打官司)?了?[,，\s]*(我要|我想|帮我|麻烦)?(把)?(申请|案子)?(撤回|撤销|撤了|撤掉)(申请|案子|吧|了)*$|^(i )?(don'?t|do not|no longer) (want|need)( to apply( for)?)?( legal aid| it| the application)?( any ?more)?[,.\s]+(please )?(withdraw|cancel) (it|my application|the application)( please)?$/i],
  // Their case after saying they applied: "i applied yesterday whats happening with my case", "how is my application going".
  // "审批到哪一步了", "我的申请审核通过了吗": the review of the resident's own application, asked without naming it.
  ['status', /^(我的|我|俺的|俺)?(申请|案子|案件|法律援助|法援)?(的)?(审批|审核|审查|批复)(现在)?(到哪一步了?|到哪了|到哪儿了|进行到哪了|怎么样了?|有结果了吗|有结果没|通过了吗|通过没|通过了没|下来了吗|下来没|结果出来了吗|完了吗)(啊|呀|呢)?$/],
  ['status', /^(i (already )?applied( for legal aid)?( already)?( last week| last month| yesterday| today| a few days ago| (\d+|a|one|two|three|four|five) (days?|weeks?) ago)?[,.\s]*(and |so )?)?((what'?s|whats|what is) happening with|(what'?s|whats|what is) the (status|progress) (of|on)|how is|how'?s|hows|any (news|update|updates|progress) (on|about|with)) (my )?(legal aid )?(case|application)( going)?$/i],
  ['thanks', LEAVING_NOW],
  ['thanks', new RegExp(`^((好的|好|嗯)[，,]?\\s*)?(谢谢|谢谢你|谢谢您|多谢|感谢|非常感谢|太感谢了|谢了|谢谢啦|辛苦了|thanks|thank you|thank you very much|thank you so much|thanks a lot|many thanks|thx|ty|cheers|ok thanks|great thanks)$|^${FAREWELL.source}$`, 'i')],
];

/** Whether the resident is leaving at once because someone is coming (see {@link LEAVING_NOW}). */
export function leavesInAHurry(text: string): boolean {
  const t = bare(text);
  return t !== '' && LEAVING_NOW.test(t);
}

/**
 * Giving up on the wait for a person, in words about the wait ("不等了", "不用转人工了", "i'll stop waiting"), not about
 * the application ("取消", "不办了"): in an application it leaves the queue and keeps the application.
 */
const STOPS_WAITING =
  /不等了|不用等了|不想等了|不等人了|不要人工|不用人工|不用转人工|不转人工|不找人工|不用找人|取消(排队|转人工|人工|等待)|\b(stop waiting|not wait( any ?more)?|(don'?t|do not) (want|need) to wait|cancel (the |my )?(queue|waiting|wait)|(don'?t|do not) need (a person|a human|staff)( any ?more)?)\b/i;

/** Whether the resident stops waiting for a person (see {@link STOPS_WAITING}). */
export const stopsWaiting = (text: string): boolean => STOPS_WAITING.test(bare(text));

/** "bye", "再见", "谢谢，再见": a resident leaving, answered with a goodbye rather than "anything else?". */
export function saysGoodbye(text: string): boolean {
  return FAREWELL_ONLY.test(bare(text));
}
const FAREWELL_ONLY = new RegExp(`^${FAREWELL.source}$`, 'i');

/** The whole message without the punctuation residents end it with. */
function bare(text: string): string {
  return text.normalize('NFKC').trim().replace(/[\s!！。.,，~～、…]+$/u, '');
}

/** Also without "please" after a yes or an acknowledgement ("yes please"): not a question (thanks is its own intent). */
function withoutPoliteWord(text: string): string {
  return bare(text)
    .replace(/(?<=\S)[\s,，、]+(please|pls|plz)$/iu, '')
    .replace(/[\s!！。.,，~～、…]+$/u, '');
}

/** Yes, as residents say it ("对", "好的", "可以"): after an offer to apply, it takes it. */
// "同意" / "I agree": the word our agreements ask for, typed again later ("同意" alone once went to the divorce entry).
const YES_WORDS = '嗯+|嗯嗯|嗯呢|嗯呐|嗯哪|嗯那|恩呐|好哒|好+|好的|好吧|好嘞|行|行吧|可以|是|是的|是啊|对|对的|没问题|同意|我同意|ok|okay|k|yes|yeah|yep|sure|alright|all right|fine|agree|i agree';
const AFFIRMATIVE = new RegExp(`^(${YES_WORDS})$`, 'i');
/** A bare acknowledgment: a yes, or only "heard you" ("知道了", "收到"). Not a question to record, not an answer at the menu. */
// A bare "no" at the menu is no more to ask, not a search for "no written contract" (session 4); nor is "none" or
// "nothing" (session 8: answered with the elder-support and child-support entries).
const ACK_WORDS = `${YES_WORDS}|correct|right|exactly|that'?s right|thats right|that'?s correct|没错|对对|对对对|是的是的|哦+|噢|喔|知道了|明白了?|了解了?|收到|懂了|got it|i see|go on|go ahead|no|nope|nah|not really|no thanks|none|nothing|nothing else|no more|that'?s all|that'?s it|thats it|不|不是|没有|没|没了|没有了|没什么|没什么了|没事|没事了|没别的了?|就这些了?|就这样`;
// Also two or three of them together ("ok go on", "好的 收到", "嗯嗯，知道了").
const ACKNOWLEDGMENT = oneToThreeOf(ACK_WORDS, { end: '' });
/** "返回", "上一步", "back" typed at the menu: there is nothing to go back to but the menu (in an application the step handles it). */
const BACK = /^(返回|返回上一步|上一步|回去|后退|退回|back|go back|previous)$/i;
/** A bare number or amount ("38岁", "2500", "3个月") at the menu answers a question nobody asked: not one for the knowledge base. */
// Also an age said alone ("我78了", "俺今年七十八岁了"): a grandmother writing in short pieces adds it after an answer.
const BARE_NUMBER = /^((我|俺)(今年|都|已经|都已经)?)?[0-9０-９一二三四五六七八九十百千万两零.,，\s]+(岁|周岁|元|块|块钱|万|天|日|个月|月|年|人|口人|口|个)?(了|啦)?$/;
/** The same in English: "im 45", "about 2000 a month", "3 people". */
const BARE_NUMBER_EN = /^(i'?m|i am|about|around|roughly|maybe|only|just)?\s*[0-9][0-9.,]*\s*(years?( old)?|yrs?( old)?|yuan|rmb|kuai|dollars?|a month|per month|a year|people|persons?|months?|days?|of us)?( old| a month| per month)?$/i;
/** Applying for someone else ("给我老公申请", "apply for my mother"): at the relation question that is the answer, not a steer. */
const FOR_SOMEONE_ELSE = /(帮|替|给|为)(我的?|我们)?(他|她|他们|家里人|家人|亲戚|亲人|父母|爸|妈|父亲|母亲|儿子|女儿|老公|老婆|丈夫|妻子|媳妇|孩子|哥|弟|姐|妹|爷爷|奶奶|外公|外婆|老人)|\b(for|on behalf of) my\b/i;

export const isAffirmative = (text: string): boolean => AFFIRMATIVE.test(withoutPoliteWord(text));
export const isAcknowledgment = (text: string): boolean => ACKNOWLEDGMENT.test(withoutPoliteWord(text));
export const saysBack = (text: string): boolean => BACK.test(bare(text));
export const isBareNumber = (text: string): boolean => {
  const t = bare(text);
  return BARE_NUMBER.test(t) || BARE_NUMBER_EN.test(t);
};
export const forSomeoneElse = (text: string): boolean => FOR_SOMEONE_ELSE.test(text);

/** What follows a request to apply at the start of a message ("我想申请法律援助，…", "i want (to) apply for legal aid, …"), or `null`. */
export function afterApplyRequest(text: string): string | null {
  // "那我想申请法律援助帮我申请执行": after "那"/"好", and what it is for glued on without a comma ("帮我…", "给我…").
  const m = /^(?:(?:那|那么|那就|好|好的|行)[，,\s]*)?(?:(?:(?:我|俺)?(?:想|要|想要)(?:申请|办)(?:一下)?(?:法律援助|法援)|(?:i )?(?:want|wanna|would like|need)(?: to)? apply(?: for)?(?: legal aid)?(?: for (?:my|me)\b[^,.，。]{0,20})?)[，,。.;；\s]+|(?:我|俺)?(?:想|要|想要)(?:申请|办)(?:一下)?(?:法律援助|法援)(?=帮我|帮忙|给我|替我|为我))(\S.*)$/is.exec(text.normalize('NFKC').trim());
  return m ? m[1]! : null;
}

/**
 * The account itself when a message asks to apply first ("我想申请法律援助，老板欠了我三个月工资不给" → "老板欠了我三个月工资不给"):
 * what is kept for the description. Any other text is its own account.
 */
export function accountOf(text: string): string {
  const told = afterApplyRequest(text)?.trim() ?? text;
  // "…三个月了，我想申请", "…, i want to apply for legal aid": the request after the account is not part of it either.
  const before = told.replace(APPLY_REQUEST_AFTER, '').trim();
  return before.length > 0 ? before : told;
}
/** A request to apply that ends a message, after the account: "，我想申请", "，想申请法律援助", ", i want to apply". */
const APPLY_REQUEST_AFTER =
  /[，,。.;；\s]+(所以|那|请问)?(我|俺)?(想|要|想要)(申请|办)(一下)?(法律援助|法援)?(吧|了)?[。.!！~～]*$|[,.;\s]+(so )?(i )?(want|wanna|would like|need)( to)? apply( for legal aid)?( please)?[.!]*$/i;

/**
 * Why the resident wants what they ask for, said after it: "…我说不清楚", "…打字太慢了", "…我的事比较复杂", "…不要机器人",
 * "…, i cant explain it by typing". It does not make a steer a question; a problem told after it ("…老板欠我工资") still does.
 */
const REASON_AFTER =
  /[\s,，。.;；]+(因为|我|俺|because|cause|coz)?\s*(说不清楚?|说不明白|讲不清楚?|讲不明白|打字(太|很)?慢(了)?|不会打字|打不了字|不识字|字认不全|看不懂|搞不懂|弄不懂|不太会用|不会用|(你|机器人)(也)?(听|看)不懂(我)?|太麻烦(了)?|太复杂(了)?|(很|比较|挺)?着急|(很|比较|挺)?急|(我的|我这|我家的)?(事|事情|情况|案子|问题)(比较|很|太|挺|有点|特别)?(复杂|麻烦|特殊|急)|不要机器人|不想(跟|和)机器人(说|聊)|机器人(说不清|没用|不行))(的|了|啊|呀)?$|[\s,.;]+(because |cause |coz )?(i )?(cant|can't|cannot|can not|dont know how to|don't know how to) (explain|type|write)( it| this| well| in english)?( by typing| here| in writing)?$|[\s,.;]+(it'?s|its|this is) (too )?(complicated|hard to explain|difficult)( to (type|explain|write))?$|[\s,.;]+(you|the bot) (dont|don't|do not|cant|can't) understand( me)?$/iu;

/** Politeness and punctuation around a steering phrase: "你好！", "人工，谢谢", "please cancel". */
function core(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .replace(/[\s!！。.,，~～?？、…]+$/u, '')
    .replace(REASON_AFTER, '')
    .replace(/[\s!！。.,，~～?？、…]+$/u, '')
    .replace(/^(please|pls|嗯|那个|那|呃|喂|好的?|ok|okay)[\s,，]*/i, '')
    // "算了 直接帮我申请吧": "never mind" before asking to apply outright is the steer (session 17); "算了 我自己打电话吧" is not.
    .replace(/^算了[\s,，]*(?=直接(帮我|我要|我想)?(申请|办))/, '')
    // "yes apply", "对，申请", "是的我要申请": a yes before the steer is the steer.
    .replace(/^(yes|yeah|yep|yup|sure|对的?|是的|嗯嗯)[\s,，]+(?=\S)|^(是的|对的?|嗯嗯)(?=我要|我想|申请|要申请)/i, '')
    .replace(/[\s,，]*(please|pls|谢谢|吧|啊|呀|哈)$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CLASSIFIER_TO_STEER: Record<string, SteerIntent> = {
  apply: 'apply', status: 'status', human: 'person', restart: 'restart', cancel: 'cancel', language: 'language', greeting: 'greeting', thanks: 'thanks',
};

/** At most this many characters (Chinese) or words (English) for the classifier to steer: longer texts are questions or stories. */
const SHORT_ZH = 6;
const SHORT_EN_WORDS = 4;

function isShort(text: string): boolean {
  if (/\p{Script=Han}/u.test(text)) return [...text.replace(/\s/g, '')].length <= SHORT_ZH;
  return text.split(/\s+/).filter(Boolean).length <= SHORT_EN_WORDS;
}

/** Saying who one is ("我是农民工", "俺是残疾人", "i'm a migrant worker"), not what one wants ("我是想…"). */
const SELF_INTRODUCTION = /^(我|俺|本人)(是|属于|算)(?!想|要|来)|^(i'?m|i am) (a|an|the)\b/i;

/** The steering intent of a short phrase, or null. `classify` (optional) covers short phrasings the list misses. */
/** Words of an application and its progress, without which the classifier's status guess is not taken. */
const ABOUT_AN_APPLICATION = /申请|申清|案子|案件|进度|进展|结果|批|审|受理|处理|办得|办到|\b(status|progress|application|applied|case|update|news)\b/i;

export function readSteering(text: string, classify?: IntentGuess): { intent: SteerIntent; locale?: Locale } | null {
  const plain = text.normalize('NFKC').trim().replace(/[\s!！。.,，~～?？、…]+$/u, '');
  const t = core(text);
  if (t === '' && plain === '') return null;
  const label = MENU_LABELS.get(plain.toLowerCase());
  if (label) return { intent: label };
  // "我上周申请的 现在咋样了", "俺要找真人": read in standard words too, with no space between Chinese words.
  const standard = /\p{Script=Han}/u.test(t) ? core(standardMandarin(t)).replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '') : t;
  for (const [intent, pattern] of PHRASES) {
    if (!pattern.test(t) && !pattern.test(plain) && !(standard !== t && pattern.test(standard))) continue;
    if (intent !== 'language') return { intent };
    if (/english|英文|英语/i.test(t)) return { intent, locale: 'en' };
    if (/中文|chinese/i.test(t)) return { intent, locale: 'zh-CN' };
    return { intent };
  }
  if (!classify || t === '' || !isShort(t)) return null;
  // "我是农民工", "i'm a migrant worker": who the resident is, never a steer (the classifier took it for asking a person).
  if (SELF_INTRODUCTION.test(t) || SELF_INTRODUCTION.test(plain)) return null;
  const guess = classify(t);
  const intent = guess && guess.confidence >= 0.9 ? CLASSIFIER_TO_STEER[guess.intent] : undefined;
  // "我的车被偷了" (my car was stolen) is no question about an application: a guessed status needs a word of one.
  if (intent === 'status' && !ABOUT_AN_APPLICATION.test(t)) return null;
  return intent ? { intent } : null;
}
