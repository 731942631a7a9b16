import { mendEnglishSlips } from './english-slips.js';

/**
 * Traditional characters residents type from phones set to traditional Chinese ("我想申請法律援助", "老闆欠我工資"),
 * each with its simplified form: the vocabulary the steering phrases, the category words and the stated facts read.
 * Only characters that are not ordinary simplified characters themselves are listed (not 乾, 著, 於, 覆), so
 * simplified text passes unchanged.
 */
const PAIRS =
  '請请 護护 幫帮 闆板 資资 錢钱 給给 發发 還还 離离 撫抚 養养 權权 傷伤 醫医 療疗 車车 禍祸 賠赔 償偿 補补 債债 貸贷 ' +
  '務务 勞劳 動动 僱雇 廠厂 單单 兒儿 孫孙 媽妈 親亲 屬属 戶户 財财 產产 繼继 遺遗 囑嘱 騎骑 駕驾 駛驶 殘残 證证 難难 ' +
  '經经 濟济 農农 進进 詐诈 騙骗 審审 訴诉 訟讼 師师 費费 麼么 嗎吗 為为 們们 這这 個个 說说 話话 問问 題题 對对 錯错 ' +
  '歲岁 電电 號号 碼码 聯联 繫系 係系 時时 間间 錄录 記记 處处 幾几 點点 週周 過过 與与 會会 後后 東东 無无 業业 現现 ' +
  '沒没 讓让 誰谁 頭头 開开 門门 應应 該该 樣样 辦办 邊边 裡里 見见 買买 賣卖 貨货 當当 學学 負负 責责 壞坏 斷断 腳脚 ' +
  '報报 帶带 體体 實实 際际 萬万 塊块 張张 紙纸 據据 簽签 約约 書书 寫写 復复 選选 擇择 轉转 換换 語语 簡简 刪删 數数 ' +
  '紀纪 區区 縣县 鄉乡 鎮镇 廣广 漢汉 華华 國国 長长 聽听 網网 線线 項项 拋抛 棄弃 綁绑 殺杀 嚇吓 脅胁 談谈 從从 孃娘 ' +
  '歸归 檢检 關关 監监 獄狱 罰罚 懲惩 遲迟 險险 騷骚 擾扰 帳账 賬账 辭辞 決决 藥药 鄰邻 糾纠 紛纷 搶抢 壓压 員员 認认 ' +
  '識识 讀读 謝谢 氣气 結结 兩两 懷怀 罵骂 擔担 緊紧 煩烦 訂订 術术 診诊 誤误 輛辆 獲获 劃划 鬧闹 級级 陸陆';

const TO_SIMPLIFIED: ReadonlyMap<string, string> = new Map(PAIRS.split(' ').map((pair) => [pair[0]!, pair[1]!]));

/**
 * Frequent slips for 申请 typed by sound or dictated ("申清", "申情", "伸请", "深请"), and 声请 (the Taiwan legal word):
 * all read as 申请. Not 深情 or 声情 (words of their own).
 */
const APPLY_SLIPS = /申(?:清|情|青|晴)|(?:伸|身|深|声)请/g;

/**
 * Pinyin slips in the words of violence at home: 老工 for 老公 (not 老工人, 老工厂, 老工伤), and 大 for 打 right after how
 * often it happens ("我老公天天大我", "喝了酒就大我"), never "他大我三岁" (older than me) — no number after it.
 */
const HUSBAND_SLIP = /老工(?![人厂伤资作地友龄匠具程])/g;
const HIT_SLIP = /(天天|每天|经常|常常|总是|老是|动不动就|又|就|一喝酒就|喝了酒就|喝醉了?就|一喝多就|还)大(我|俺|孩子)(?![\d一二两三四五六七八九十几好多]|个|岁)/g;

/**
 * The text as the understanding step reads it: the traditional characters of its vocabulary made simplified, the
 * common slips for 申请 made 申请, and the slips of the English words it reads mended ("aply", "husbend":
 * english-slips.ts). Pure; simplified text without slips comes back as it was.
 *
 * @example
 * toSimplified('老闆欠我工資') // '老板欠我工资'
 * toSimplified('我想申清法律援助') // '我想申请法律援助'
 * toSimplified('i want aply legal aid') // 'i want apply legal aid'
 */
export function toSimplified(typed: string): string {
  const text = mendEnglishSlips(typed);
  if (!/\p{Script=Han}/u.test(text)) return text;
  let out = '';
  for (const c of text) out += TO_SIMPLIFIED.get(c) ?? c;
  return out.replace(APPLY_SLIPS, '申请').replace(HUSBAND_SLIP, '老公').replace(HIT_SLIP, '$1打$2');
}
