/*
 * Whether a whole text is only a personal name ("王秀英", "李大爷", "Wang Xiuying"): residents type their name at the
 * menu when they expect to be asked for it. Precision over recall: a name is a common surname followed by one or two
 * characters that names are commonly made of (or a form of address), so short topic words that happen to start with a
 * surname character ("高利贷", "方法", "安全生产") are not names.
 */

const SURNAMES = new Set([...
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '令狐', '慕容', '司徒', '夏侯', '尉迟', '公孙', '长孙', '宇文'];
/** Characters given names are commonly made of. */
const GIVEN = new Set([...
  '秀英建国华明伟芳娜敏静丽强磊军洋勇艳杰娟涛超霞平刚桂兰红玉梅春文辉力斌宇浩鹏飞亮峰宁林俊云燕琴丹凤婷雪倩慧颖晶晓佳欣怡雨婉琳璐瑶萍蓉翠珍珠莲菊香荣福贵祥德志忠良海江波涛永长生发顺利成新民庆兵武东南北京山河金银宝喜乐美子一二三四五六七八九小大立振家庭少胜新元治学彬博晨晗涵轩睿泽宸萱梓诗悦蕾婕妍琪璇冰洁清霖霄鑫森凯旭阳昊然哲航毅鸿瑞嘉源浩淑惠兴旺财才虎龙凤鹤松柏桃杏芬芝茜莹蕊薇彤媛姗珊瑾瑜璋琦玲莉娇媚巧珊秋冬夏月星辰光耀宏伯仲叔季',
]);
/** Forms of address after a surname ("李大爷", "王阿姨"): a person, named. */
const ADDRESS_FORMS = /^(?:先生|女士|小姐|阿姨|大爷|大妈|大娘|大叔|大哥|大姐|师傅|老师|奶奶|爷爷|婆婆|同志)$/;

const PINYIN_SYLLABLE = '(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ve|üe|a|o|e|i|u|v|ü)';
const PINYIN_WORD = new RegExp(`^(?:${PINYIN_SYLLABLE}){1,3}$`, 'i');
const PINYIN_SURNAMES = new Set(
  'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai lu wei ding ren shen yao fu zhong cui tan liao fan jin shi jia xia fang qian bai dai qin meng xiong qiu hou kong yin duan lei hao gong shao wan gu yan niu chang wen mo ou ouyang'.split(' '),
);

function isChineseName(text: string): boolean {
  const compound = COMPOUND_SURNAMES.find((s) => text.startsWith(s));
  const surname = compound ?? text[0]!;
  if (!compound && !SURNAMES.has(surname)) return false;
  const rest = text.slice(surname.length);
  if (ADDRESS_FORMS.test(rest)) return true;
  return rest.length >= 1 && rest.length <= 2 && [...rest].every((ch) => GIVEN.has(ch));
}

/** A romanised Chinese name: two or three pinyin words, one of them a common surname ("Wang Xiuying", "xiuying wang"). */
function isPinyinName(text: string): boolean {
  const words = text.split(/[\s-]+/).filter(Boolean);
  if (words.length < 2 || words.length > 3 || !words.every((w) => PINYIN_WORD.test(w))) return false;
  return PINYIN_SURNAMES.has(words[0]!.toLowerCase()) || PINYIN_SURNAMES.has(words.at(-1)!.toLowerCase());
}

/**
 * Whether `text` (trimmed, without punctuation) is only a personal name.
 * @example isPersonalName('王秀英') // true
 * @example isPersonalName('高利贷') // false
 */
export function isPersonalName(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (/^\p{Script=Han}{2,5}$/u.test(t)) return isChineseName(t);
  if (/^[A-Za-zü\s-]{3,40}$/.test(t)) return isPinyinName(t);
  return false;
}
