import type { ResidentEvent } from '../../flows/events.js';
import { textEvent } from '../commands.js';
import type { WechatFields } from './wechat-xml.js';

/** What one callback means to the bot, before anything is downloaded. */
export type WechatInput =
  | { kind: 'event'; event: ResidentEvent }
  /** A custom-menu button (`CLICK`) with its key. */
  | { kind: 'click'; key: string }
  /** An option of a menu message the resident tapped: comes back as text with `bizmsgmenuid`. */
  | { kind: 'choice'; id: string }
  /** Typed text, which may be a number picking a numbered choice. */
  | { kind: 'text'; text: string }
  | { kind: 'image'; mediaId: string }
  | { kind: 'voice'; mediaId: string; format: string; recognition?: string }
  | { kind: 'ignore' };

/** A read callback: who sent it, the id that makes WeChat's retries duplicates, and what it means. */
export interface ReadWechatMessage {
  openId: string;
  /** `MsgId` for messages; for events (which have none) sender, time and event. */
  messageId: string;
  /** Whether WeChat now lets the account write to the resident for 48 hours (messages, subscribe, CLICK). */
  opensWindow: boolean;
  input: WechatInput;
}

/** What WeChat puts in a text message for content it cannot show (custom stickers and the like). */
const UNSHOWABLE = /^【收到不支持的消息类型，暂无法显示】$|^\[Unsupported Message\]$/;

/** Translates a callback document; `undefined` when it has no sender or time (not a callback). */
export function readWechatMessage(fields: WechatFields): ReadWechatMessage | undefined {
  const openId = fields.FromUserName;
  const created = fields.CreateTime;
  const type = (fields.MsgType ?? '').toLowerCase();
  if (!openId || !created || !type) return undefined;
  const event = type === 'event' ? (fields.Event ?? '').toLowerCase() : '';
  const messageId = fields.MsgId ? `wx:${fields.MsgId}` : `wx:${openId}:${created}:${event || type}`;
  const input = inputOf(type, event, fields);
  const opensWindow = type !== 'event' || event === 'subscribe' || event === 'click' || event === 'scan';
  return { openId, messageId, opensWindow, input };
}

function inputOf(type: string, event: string, fields: WechatFields): WechatInput {
  switch (type) {
    case 'text': {
      const content = fields.Content ?? '';
      if (fields.bizmsgmenuid) return { kind: 'choice', id: fields.bizmsgmenuid };
      if (UNSHOWABLE.test(content.trim())) return unsupported('sticker');
      const parsed = textEvent(content);
      return parsed.type === 'user.text' ? { kind: 'text', text: content } : { kind: 'event', event: parsed };
    }
    case 'image':
      return fields.MediaId ? { kind: 'image', mediaId: fields.MediaId } : unsupported('other');
    case 'voice': {
      const recognition = fields.Recognition?.trim();
      if (!fields.MediaId) return unsupported('voice');
      return { kind: 'voice', mediaId: fields.MediaId, format: (fields.Format ?? 'amr').toLowerCase(), ...(recognition ? { recognition } : {}) };
    }
    case 'video':
    case 'shortvideo':
      return unsupported('video');
    case 'location':
      return unsupported('location');
    case 'link':
    case 'file':
    case 'music':
      return unsupported('other');
    case 'event':
      switch (event) {
        case 'subscribe':
          return { kind: 'event', event: { type: 'user.command', command: 'start' } };
        case 'click':
          return fields.EventKey ? { kind: 'click', key: fields.EventKey } : { kind: 'ignore' };
        // Unsubscribing, opening a link from the menu, reporting a location automatically: nobody wrote.
        default:
          return { kind: 'ignore' };
      }
    default:
      return unsupported('other');
  }
}

function unsupported(kind: Extract<ResidentEvent, { type: 'user.unsupported' }>['kind']): WechatInput {
  return { kind: 'event', event: { type: 'user.unsupported', kind } };
}

/** Voice formats as media types for the attachment allow-list. */
export function voiceMediaType(format: string): string {
  return format === 'speex' ? 'audio/speex' : format === 'mp3' ? 'audio/mpeg' : 'audio/amr';
}
