import type { AttachmentRef, BotReply, Params } from './events.js';
import type { DangerKind } from '../knowledge/understanding/types.js';

export type { DangerKind };

/** Something the conversation passes to staff: a request for a person, a relayed message, a new case. */
export type StaffRelay =
  | { kind: 'handoff_request' }
  /** The resident stopped waiting for a person ("算了不等了"): out of the queue (session 11). */
  | { kind: 'handoff_left' }
  | { kind: 'message'; text: string }
  | { kind: 'attachment'; attachment: AttachmentRef }
  | { kind: 'callback'; phone: string }
  | { kind: 'new_case'; ref: string }
  /** A file the resident sent for a case awaiting materials, linked to it: staff are told (session 8). */
  | { kind: 'materials_received'; ref: string; attachment: AttachmentRef }
  /** The resident left staff a message on the case awaiting materials; the words are on the case, not here (session 17). */
  | { kind: 'case_note'; ref: string }
  /** The resident withdrew an undecided application in the chat (issue 9 §2: staff are notified). */
  | { kind: 'case_withdrawn'; ref: string }
  /** The resident's words show danger now, while staff hold or are awaited (TEAM.md contract 3). */
  | { kind: 'danger'; danger: DangerKind };

/** Effects a conversation emits: replies to the resident, relays to staff, files to the resident. */
export type ConversationEffect =
  | BotReply
  | { type: 'relay'; relay: StaffRelay }
  /** `caption`: a message key and its parameters, rendered in the resident's language (`【王芳】`, like staff's texts). */
  | { type: 'file'; attachment: AttachmentRef; caption?: { key: string; params?: Params } };

/** Events from staff and timers about a live conversation with a person. */
export type HandoffEvent =
  | { type: 'staff.joined'; staffName: string }
  | { type: 'staff.message'; staffName: string; text: string }
  | { type: 'staff.file'; staffName: string; attachment: AttachmentRef }
  | { type: 'staff.released'; staffName: string }
  | { type: 'handoff.timeout' };

const HUMAN = /^(人工|转人工|人工服务|人工客服|找人工|真人|客服|工作人员|我要找人|talk to a person|speak to a person|human|agent|real person|operator)[!！。.]*$/i;

/**
 * Where is everyone: "人呢", "有人吗", "怎么没人回", "is anyone there" — asking for a person, said as a
 * complaint (often right after being told nobody is online).
 */
const ANYONE_THERE =
  /^(人呢|人都去哪(了|儿)?|人去哪(了|儿)?|有人吗|有没有人(在)?|有人在吗|还有人吗|(怎么|咋)?(都)?没(有)?人(回|理|管|回复|说话)(我|呢|啊)?|hello|hi|(is )?(any|some)(one|body) (there|here|home)|(is there )?(a )?(real )?(person|human) (there|here)|(why )?(is )?no ?one (answering|replying|there))$/i;

/** Typed words that ask for a person, wherever the resident is. */
export function asksForPerson(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (HUMAN.test(t)) return true;
  // "人呢？怎么没人回", "hello?? is anyone there": every clause asks where the person is (a greeting alone does not).
  const clauses = t.split(/[,，。.?？!！~～…\s]*[,，。.?？!！~～…]+[\s]*|\s{2,}/).map((c) => c.trim().replace(/(啊|呀|哈)+$/, '')).filter((c) => c !== '');
  const asked = clauses.filter((c) => ANYONE_THERE.test(c));
  return asked.length === clauses.length && clauses.some((c) => !/^(hello|hi)$/i.test(c));
}

/** The call-back button's words, typed ("请工作人员回电", "给我回个电话", "call me back please"). */
// Also asked as a question ("能不能打电话给我", "可以给我打个电话吗", "can you call me please").
const CALLBACK =
  /^(请|麻烦)?(工作人员|你们|您|你)?(能不能|能否|可不可以)?(给我)?(回电|回电话|回个电话|打回来|打个电话给我|打电话给我|给我打电话|给我打个电话)(吧|好吗|可以吗|行吗|吗)?$|^(please )?((can|could) you )?(ask for )?(a )?call( me)?[- ]?back( please)?$|^(please )?(can|could|would) (you|someone|somebody|staff) (please )?(call|phone|ring) me( back)?( please)?$/i;

/** Typed words that ask staff to call back (the button `handoff.callback`), wherever the resident is. */
export function asksForCallback(text: string): boolean {
  return CALLBACK.test(text.normalize('NFKC').trim().replace(/[!！。.?？]+$/, ''));
}
