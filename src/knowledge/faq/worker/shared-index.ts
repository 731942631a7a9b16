import type { IndexData } from '../faq-index.js';

/**
 * An index's typed arrays copied into one SharedArrayBuffer, and the rest of it (strings, numbers, the
 * ranking options) with each array replaced by where it lies. The worker keeps two such buffers and
 * writes each new index into the one the main thread is not searching; the main thread receives a
 * buffer once and then only layouts, so an edit creates no new memory on the main thread — a new
 * buffer per edit counted as V8 "external memory" there and brought full collections with long
 * marking steps every few edits.
 */
export interface SharedLayout {
  /** Which of the worker's buffers holds the arrays. */
  slot: number;
  /** The index with its arrays replaced by {@link Span}s. */
  shape: unknown;
}

interface Span {
  $array: keyof typeof ARRAY_TYPES;
  offset: number;
  length: number;
}

const ARRAY_TYPES = { Int32Array, Float32Array, Float64Array, Uint16Array };
type IndexArray = InstanceType<(typeof ARRAY_TYPES)[keyof typeof ARRAY_TYPES]>;

/** Room to grow, so a few edits that add words do not need a new buffer each. */
const HEADROOM = 1.25;

/**
 * Copies the arrays of `data` into `buffer` (or a new, larger buffer when it does not fit) and
 * returns the buffer and the layout for {@link readShared}.
 */
export function writeShared(data: Record<string, IndexData>, slot: number, buffer: SharedArrayBuffer | undefined): { buffer: SharedArrayBuffer; layout: SharedLayout } {
  const arrays: IndexArray[] = [];
  collect(data, arrays);
  let bytes = 0;
  for (const array of arrays) bytes = align(bytes) + array.byteLength;
  const target = buffer && buffer.byteLength >= bytes ? buffer : new SharedArrayBuffer(Math.ceil((bytes * HEADROOM) / 8) * 8);
  let offset = 0;
  const shape = replaceArrays(data, (array) => {
    offset = align(offset);
    const type = array.constructor.name as Span['$array'];
    view(type, target, offset, array.length).set(array as never);
    const span: Span = { $array: type, offset, length: array.length };
    offset += array.byteLength;
    return span;
  });
  return { buffer: target, layout: { slot, shape } };
}

/**
 * Frees the arrays of `data` now, by detaching their buffers (the copies in the shared buffer are what
 * the main thread reads). Left to the collector, each build's ~20 MB at 5,000 entries counted as the
 * worker's external memory and brought a full collection of its large heap every few edits, whose
 * helper threads take the processor from the main thread.
 */
export function discardArrays(data: Record<string, IndexData>): void {
  const arrays: IndexArray[] = [];
  collect(data, arrays);
  const { port1, port2 } = new MessageChannel();
  // Never delivered: closing the ports drops the message and the memory it took over.
  port1.postMessage(null, [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]);
  port1.close();
  port2.close();
}

/** The index a layout describes, its arrays viewing `buffer` (nothing is copied). */
export function readShared(layout: SharedLayout, buffer: SharedArrayBuffer): Record<string, IndexData> {
  return restore(layout.shape, buffer) as Record<string, IndexData>;
}

const align = (offset: number) => Math.ceil(offset / 8) * 8;

function view(type: Span['$array'], buffer: SharedArrayBuffer, offset: number, length: number): IndexArray {
  const Type = ARRAY_TYPES[type] as new (buffer: SharedArrayBuffer, offset: number, length: number) => IndexArray;
  return new Type(buffer, offset, length);
}

function isArray(value: unknown): value is IndexArray {
  return ArrayBuffer.isView(value) && value.constructor.name in ARRAY_TYPES;
}

function collect(value: unknown, into: IndexArray[]): void {
  if (isArray(value)) into.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v, into);
}

function replaceArrays(value: unknown, replace: (array: IndexArray) => Span): unknown {
  if (isArray(value)) return replace(value);
  if (Array.isArray(value)) return value.map((v) => replaceArrays(v, replace));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceArrays(v, replace)]));
  return value;
}

function restore(value: unknown, buffer: SharedArrayBuffer): unknown {
  if (!value || typeof value !== 'object') return value;
  if ('$array' in value) {
    const span = value as Span;
    return view(span.$array, buffer, span.offset, span.length);
  }
  if (Array.isArray(value)) return value.map((v) => restore(v, buffer));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restore(v, buffer)]));
}
