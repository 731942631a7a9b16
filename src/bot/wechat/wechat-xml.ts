import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One callback document's fields (`<xml><MsgType>…`), every value a string as WeChat sent it. */
export type WechatFields = Record<string, string>;

/** Callbacks are a few hundred bytes; anything far bigger is not from WeChat. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

const CDATA = '#cdata';

const parser = new XMLParser({
  // Values stay strings: MsgId is a 64-bit number that a JS number would round.
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  trimValues: false,
  // Only XML's own five entities; no DOCTYPE-declared ones, so no entity expansion tricks.
  processEntities: false,
  htmlEntities: false,
  // CDATA is literal text: kept apart so only plain text has its entities decoded.
  cdataPropName: CDATA,
});

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(lt|gt|amp|quot|apos);/g, (m) => XML_ENTITIES[m]!);
}

/**
 * Reads a callback document: the flat children of `<xml>` as strings (CDATA unwrapped), nested
 * elements (a location's `SendLocationInfo`, a scan's `ScanCodeInfo`) flattened one level.
 * Returns `undefined` for anything that is not a well-formed `<xml>` document.
 */
export function parseWechatXml(body: string): WechatFields | undefined {
  if (body.length > MAX_CALLBACK_BYTES || /<!DOCTYPE|<!ENTITY/i.test(body)) return undefined;
  if (XMLValidator.validate(body) !== true) return undefined;
  let doc: unknown;
  try {
    doc = parser.parse(body);
  } catch {
    return undefined;
  }
  const root = (doc as { xml?: unknown } | null)?.xml;
  if (typeof root !== 'object' || root === null) return undefined;
  const fields: WechatFields = {};
  const add = (name: string, value: unknown) => {
    const text = textOf(value);
    if (text !== undefined) fields[name] = text;
  };
  for (const [name, value] of Object.entries(root as Record<string, unknown>)) {
    if (textOf(value) === undefined && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value as Record<string, unknown>)) add(inner, v);
    } else {
      add(name, Array.isArray(value) ? value[0] : value);
    }
  }
  return fields;
}

/** The text of an element: plain (entities decoded), CDATA (literal) or both mixed; undefined for nested elements. */
function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return decodeEntities(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'object' || value === null) return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0 || entries.some(([k]) => k !== CDATA && k !== '#text')) return undefined;
  const record = value as Record<string, unknown>;
  const plain = typeof record['#text'] === 'string' ? decodeEntities(record['#text']) : '';
  const cdata = record[CDATA];
  const literal = Array.isArray(cdata) ? cdata.map(String).join('') : typeof cdata === 'string' ? cdata : '';
  return plain + literal;
}

/** `<xml><Name><![CDATA[value]]></Name>…</xml>`: the fake API and safe-mode wrappers build documents so. */
export function buildWechatXml(fields: Record<string, string | number>): string {
  const cdata = (v: string) => `<![CDATA[${v.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
  const body = Object.entries(fields)
    .map(([name, value]) => `<${name}>${typeof value === 'number' ? String(value) : cdata(value)}</${name}>`)
    .join('');
  return `<xml>${body}</xml>`;
}
