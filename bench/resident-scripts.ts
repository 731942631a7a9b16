import type { InboundMessage } from '../src/bot/channel.js';
import { SENSITIVE_AGREE } from '../src/flows/privacy-choices.js';

type Script = readonly InboundMessage['event'][];

/** An applicant: consent, the whole intake of a migrant worker owed wages, and the submission. */
export const APPLICANT: Script = [
  { type: 'user.returned' },
  { type: 'user.choice', id: 'consent.agree' },
  { type: 'user.choice', id: 'menu.apply' },
  // The separate consent before the sensitive questions (on by default, PIPL art. 29).
  { type: 'user.choice', id: SENSITIVE_AGREE },
  { type: 'user.text', text: '老板拖欠我三个月工资' },
  { type: 'user.choice', id: 'intake.yes' },
  { type: 'user.choice', id: 'opt:self' },
  { type: 'user.choice', id: 'opt:demo-city' },
  { type: 'user.text', text: '45' },
  { type: 'user.choice', id: 'opt:none' },
  { type: 'user.choice', id: 'group:migrant_worker' },
  { type: 'user.choice', id: 'intake.groups.done' },
  { type: 'user.choice', id: 'intake.no_deadline' },
  { type: 'user.choice', id: 'intake.no' },
  { type: 'user.choice', id: 'intake.continue' },
  { type: 'user.text', text: '在工地干了半年，包工头拖欠三个月工资共两万元' },
  { type: 'user.choice', id: 'intake.documents.done' },
  { type: 'user.text', text: '张三' },
  { type: 'user.text', text: '13800138000' },
  { type: 'user.choice', id: 'intake.confirm' },
];

/** The index in {@link APPLICANT} of the confirmation that submits the case. */
export const CONFIRM_STEP = APPLICANT.length - 1;

/** A resident who only asks questions, in both languages. */
export const ASKER: Script = [
  { type: 'user.returned' },
  { type: 'user.choice', id: 'consent.agree' },
  { type: 'user.choice', id: 'menu.help' },
  { type: 'user.choice', id: 'menu.ask' },
  { type: 'user.text', text: '老板拖欠我三个月工资怎么办' },
  { type: 'user.text', text: '申请法律援助要带什么材料' },
  { type: 'user.command', command: 'lang' },
  { type: 'user.text', text: 'What documents do I need to apply?' },
  { type: 'user.choice', id: 'menu.status' },
  { type: 'user.choice', id: 'menu.back' },
];

/** Residents alternate: one applies, the next asks questions. */
export function script(index: number): Script {
  return index % 2 === 0 ? APPLICANT : ASKER;
}
