import { editDistance } from '../edit-distance.js';

/** What the region step needs to know of a region. */
export interface NamedRegion {
  id: string;
  name: { 'zh-CN': string; en: string };
}

/** A short answer: a region named in passing inside a longer story is not an answer to "where". */
const MAX_WORDS = 6;
// With a hedge ('the county one i think', 'probably the city'): the answer is still the one region.
const FILLER = new Set(['the', 'one', 'side', 'please', 'pls', 'in', 'its', 'it', 'is', 'i', 'am', 'im', 'live', 'we', 'are', 'our', 'my', 'at', 'of', 'from', 'here', 'there', 'area', 'town', 'think', 'guess', 'probably', 'maybe', 'prob', 'believe']);

/**
 * The region a resident names by the one word of its name no other region has: "the city" for Demo
 * City when the other region is Demo County; "县里" for 示例县 when no other region is a 县. Returns
 * null when the answer names no region, or more than one, or is a sentence rather than an answer.
 */
export function regionByOwnWord(typed: string, regions: readonly NamedRegion[]): string | null {
  return byEnglishWord(typed, regions) ?? byChineseLevel(typed, regions);
}

function byEnglishWord(typed: string, regions: readonly NamedRegion[]): string | null {
  const wordsOf = regions.map((r) => new Set<string>(r.name.en.toLowerCase().match(/[a-z]+/g) ?? []));
  const nameWords = [...new Set(wordsOf.flatMap((w) => [...w]))];
  const words: string[] = (typed.toLowerCase().replace(/['’]/g, '').match(/[a-z]+/g) ?? []).map((w) => spelledAs(w, nameWords));
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  const own = wordsOf.map((mine, i) => [...mine].filter((w) => wordsOf.every((other, j) => j === i || !other.has(w))));
  const named = regions.filter((_, i) => own[i]!.some((w) => words.includes(w)));
  if (named.length !== 1) return null;
  // Every other word must be filler or a word of that region's name ("in the city", not "city or county").
  const mine = wordsOf[regions.indexOf(named[0]!)]!;
  return words.every((w) => FILLER.has(w) || mine.has(w)) ? named[0]!.id : null;
}

/** The administrative level a Chinese name ends in (市, 县, 区, 镇), without the authorities' 本级. */
function levelOf(name: string): string {
  return name.replace(/本级$/, '').slice(-1);
}

function byChineseLevel(typed: string, regions: readonly NamedRegion[]): string | null {
  // "我住在市里面", "在县城打工": where one lives or works, said with the place (a dialect 里头 / 里面 too); "她在县里农村",
  // "我妈住县里乡下": said of the person applied for, with the countryside or town after the place.
  const bare = typed
    .replace(/[\s，。！？,.!?]/g, '')
    .replace(/^(?:(?:我|俺)(?:妈|爸|母亲|父亲|儿子|女儿|老公|老婆|家老人|爷爷|奶奶|哥|姐|弟|妹)|我们|俺们|我|俺|他们|他|她|老人家?)?(就)?(住|家|人)?(在|是)?/, '')
    .replace(/^(在|是|就在|我们|我家|我们这)+/, '')
    .replace(/(的|啊|呀|吧|呢|哈|呗)+$/, '')
    .replace(/(打工|上班|干活|做工|住|生活)$/, '')
    .replace(/(?<=[市县区镇](?:里头|里面|里|上|城|区)?)(?:的)?(?:农村|乡下|村里|村子里|城里|老家)$/, '');
  const m = /^(市|县|区|镇)(里头|里面|里|上|城|区)?$/.exec(bare) ?? /^(?:我们|咱们)?(市|县|区|镇)$/.exec(bare);
  if (!m) return null;
  const withLevel = regions.filter((r) => levelOf(r.name['zh-CN']) === m[1]);
  return withLevel.length === 1 ? withLevel[0]!.id : null;
}

/**
 * The word of a region's name a typed word misspells ("contry", "country" → county; "citty" → city): within one
 * edit for words of four letters or more, two for six or more, and only when one name word is that close.
 */
function spelledAs(word: string, nameWords: readonly string[]): string {
  if (FILLER.has(word) || nameWords.includes(word) || word.length < 4) return word;
  const allowed = word.length >= 6 ? 2 : 1;
  const near = nameWords.filter((w) => w.length >= 4 && editDistance(word, w) <= allowed);
  return near.length === 1 ? near[0]! : word;
}

/**
 * The one region a longer text names by its full name ("我在示例县一个工地干活", "住在示例县农村", "I live in Demo
 * County"): offered first at the region question, never taken unasked. `null` when it names none or several.
 */
export function regionNamedIn(text: string, regions: readonly NamedRegion[]): string | null {
  const t = text.normalize('NFKC').toLowerCase();
  const named = regions.filter((r) => {
    const zh = r.name['zh-CN'];
    const spoken = zh.replace(/本级$/, '');
    return t.includes(zh.toLowerCase()) || (spoken !== zh && t.includes(spoken.toLowerCase())) || t.includes(r.name.en.toLowerCase());
  });
  return named.length === 1 ? named[0]!.id : null;
}

/** Provinces and the cities residents most often name, in characters and pinyin: places outside a local pack. */
const PLACES_ZH =
  '北京|上海|天津|重庆|河北|山西|内蒙古?|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|台湾|深圳|广州|东莞|佛山|杭州|宁波|南京|苏州|无锡|武汉|成都|西安|郑州|长沙|厦门|温州|义乌|昆山';
const PLACES_EN =
  'beijing|shanghai|tianjin|chongqing|hebei|shanxi|inner mongolia|liaoning|jilin|heilongjiang|jiangsu|zhejiang|anhui|fujian|jiangxi|shandong|henan|hubei|hunan|guangdong|guangxi|hainan|sichuan|guizhou|yunnan|tibet|shaanxi|gansu|qinghai|ningxia|xinjiang|hong kong|macau|taiwan|shenzhen|guangzhou|dongguan|foshan|hangzhou|ningbo|nanjing|suzhou|wuxi|wuhan|chengdu|xian|zhengzhou|changsha|xiamen|wenzhou|yiwu';
const ELSEWHERE_ZH = new RegExp(`^(我|我们|俺)?(在|是|住在|人在|就在)?(${PLACES_ZH})`);
const ELSEWHERE_EN = new RegExp(`^(in |at |i'?m in |i am in |i live in |i work in )?(${PLACES_EN})\\b`, 'i');

/**
 * A short answer naming a place outside the pack ("北京", "在广东东莞打工", "shenzhen"): the region question's "not
 * listed" answer (where to apply instead), not "choose one of these" again. Call after the pack's own names failed.
 */
export function namesPlaceElsewhere(typed: string): boolean {
  const t = typed.normalize('NFKC').trim();
  const han = [...t.replace(/[^\p{Script=Han}]/gu, '')].length;
  if (han > 0) return han <= 12 && ELSEWHERE_ZH.test(t.replace(/\s/g, ''));
  return t.split(/\s+/).length <= 6 && ELSEWHERE_EN.test(t);
}

/** "不知道选哪个", "我在东莞，选哪个", "不知道算哪个", "which one should i pick?": asked how to choose among the buttons. */
const WHICH_TO_CHOOSE = /选哪(个|一个|里|儿|边)?|算哪(个|种|一个|边)|(点|按)哪个|哪个(地区|地方)?(对|算|合适)|该选什么|\bwhich (one|region|area|place|button)\b.{0,20}\b(pick|choose|select|press|tap)\b|\bwhat (do|should) i (pick|choose|select|press)\b/i;

/**
 * Asked at the region (or residence) question which to choose: the step explains how (where it happened, else where
 * they live now, else "not listed"), never the knowledge base's nearest entry (the 12348 hotline).
 */
export function asksWhichToChoose(typed: string): boolean {
  return WHICH_TO_CHOOSE.test(typed.normalize('NFKC'));
}
