import type { Locale, Localized } from '../locales/catalog.js';

/** A file the resident sent, already stored by the channel under the data folder. */
export interface AttachmentRef {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
}

/** Commands residents can type on any channel (`/start`, `/help`, …). */
export type CommandName = 'start' | 'help' | 'restart' | 'lang' | 'menu' | 'cancel' | 'status' | 'human' | 'delete';

/** Something a resident did, in channel-neutral form. */
export type ResidentEvent =
  | { type: 'user.text'; text: string }
  | { type: 'user.choice'; id: string }
  /** A multi-select checklist finished in one go (web toggles): the ids selected, sent once on the done choice. */
  | { type: 'user.choices'; ids: string[] }
  | { type: 'user.attachment'; attachment: AttachmentRef }
  | { type: 'user.refused_attachment'; reason: 'type' | 'size'; fileName?: string }
  | { type: 'user.command'; command: CommandName; arg?: string }
  /** The resident opened the chat again (page reload, new terminal session): show where they are. */
  | { type: 'user.returned' }
  | { type: 'user.unsupported'; kind: 'sticker' | 'voice' | 'location' | 'video' | 'contact' | 'other' };

/** Another message, rendered in the same language and placed into a template. */
export interface MessageRef {
  key: string;
  params?: Params;
}

/**
 * Several values rendered one after another (a checklist, a summary), joined by `separator` (default a new line);
 * an enumeration is `'、'`, which English renders as ", ".
 */
export interface ListParam {
  items: Param[];
  separator?: string;
}

/** A value placed into a message template: plain, already written in both languages, another message, or a list. */
export type Param = string | number | Localized | MessageRef | ListParam;
export type Params = Record<string, Param>;

/** A button: its id comes back as a `user.choice` event. The label is a message key or a bilingual text. */
export interface Choice {
  id: string;
  key?: string;
  label?: Localized;
  params?: Params;
}

/** A message the bot wants to send, as a message key plus parameters; channels render it in the resident's language. */
export interface BotReply {
  type: 'reply';
  key: string;
  params?: Params;
  choices?: Choice[];
  /** The choices form a checklist: toggles, finished by the choice `doneId` (TEAM.md contract 1). */
  multiSelect?: { doneId: string };
  /**
   * A message rendered under this one in the same bubble: the question asked again under the kind explanation of a
   * wrong answer, so the resident gets one message with the question's buttons, not two.
   */
  followedBy?: MessageRef;
}

/** A reply rendered for one language: what channels actually send. */
export interface RenderedReply {
  /** The message key it was rendered from (for transcripts and `chat --jsonl`; channels ignore it). */
  key?: string;
  text: string;
  choices: { id: string; label: string }[];
  /** The choices form a checklist finished by `doneId`; channels without toggles send one `user.choice` per press. */
  multiSelect?: { doneId: string };
}

export type { Locale, Localized };
