// lib0's encodings (lib0 0.2.120, as yjs 13.6.33 writes them) read in place over one update, allocating nothing: the
// integers, strings, "any" values and JSON text that the update check (updateCheck.ts) walks, with the bounds on values.
import { MalformedMessage } from './protocol';

/**
 * Arrays and objects one value may nest (ContentAny values, a subdocument's options, JSON, embeds, formatting marks).
 * Yjs reads and writes them recursively: a value deep enough passed Yjs' own decoder on a warm relay and overflowed
 * the stack of a fresh one loading it. The app's deepest value nests 3 (docs/decisions/0015).
 */
export const MAX_VALUE_DEPTH = 64;
/** Entries (elements, properties, nested ones included) in one value: the app's largest is a 300-commune territory. */
export const MAX_VALUE_ENTRIES = 10_000;

/** Entries of the value being read (reset at each top-level value). */
let entries = 0;

// The reader's state: one update at a time, on the relay's one thread, so no object per call.
const NOTHING = new Uint8Array(0);
let bytes: Uint8Array = NOTHING;
let pos = 0;

const malformed = (reason: string) => new MalformedMessage(reason);

/** Starts reading `update` from its first byte. */
export function startReading(update: Uint8Array): void {
  bytes = update;
  pos = 0;
}

/** Lets go of the update read (the reader holds no bytes between two updates). */
export function stopReading(): void {
  bytes = NOTHING;
}

/** lib0's readVarUint, to the bit: the same float arithmetic and the same out-of-range rule. */
export function varUint(): number {
  let num = 0;
  let mult = 1;
  const end = bytes.length;
  while (pos < end) {
    const r = bytes[pos++]!;
    num = num + (r & 0x7f) * mult;
    mult *= 128;
    if (r < 0x80) return num;
    if (num > Number.MAX_SAFE_INTEGER) throw malformed('unreadable update (integer out of range)');
  }
  throw malformed('unreadable update (unexpected end)');
}

/** lib0's readVarInt (its sign bit and 6 bits in the first byte). */
function varInt(): void {
  if (pos >= bytes.length) throw malformed('unreadable update (unexpected end)');
  if ((bytes[pos++]! & 0x80) === 0) return;
  varUint();
}

/** Skips `length` bytes, all of which must be there. */
export function skip(length: number): void {
  if (length > bytes.length - pos) throw malformed('unreadable update (length past the end)');
  pos += length;
}

/** A lib0 var string: its length, then bytes that a fatal UTF-8 decoder accepts (WHATWG rules). Returns its byte length. */
export function varString(): number {
  const length = varUint();
  const start = pos;
  skip(length);
  if (!isUtf8(start, pos)) throw malformed('unreadable update (invalid UTF-8)');
  return length;
}

/** UTF-8 as TextDecoder('utf-8', { fatal: true }) accepts it: no overlongs, no surrogates, nothing past U+10FFFF. */
function isUtf8(from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return false;
    if (to - i - 1 < need) return false;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return false;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/** One more entry in the value under way. */
function counted(): void {
  if (++entries > MAX_VALUE_ENTRIES) throw malformed(`value too large (max ${MAX_VALUE_ENTRIES} entries)`);
}

/** An array or object opened inside `depth` others: refused before, not after, a recursive reader spends the stack. */
function opened(depth: number): void {
  if (depth + 1 > MAX_VALUE_DEPTH) throw malformed(`value nested too deep (max ${MAX_VALUE_DEPTH})`);
}

/** lib0's readAny: one tagged value inside `depth` arrays or objects (0: a top-level value). */
export function skipValue(depth: number): void {
  if (depth === 0) entries = 0;
  counted();
  if (pos >= bytes.length) throw malformed('unreadable update (unexpected end)');
  switch (bytes[pos++]) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      return varInt();
    case 124:
      return skip(4); // float32
    case 123: // float64
    case 122: // bigint64
      return skip(8);
    case 119:
      varString();
      return;
    case 118: {
      opened(depth);
      const count = varUint();
      for (let i = 0; i < count; i++) {
        varString();
        skipValue(depth + 1);
      }
      return;
    }
    case 117: {
      opened(depth);
      const items = varUint();
      for (let i = 0; i < items; i++) skipValue(depth + 1);
      return;
    }
    case 116:
      return skip(varUint()); // Uint8Array
    default:
      throw malformed('unreadable update (unknown value type)');
  }
}

/**
 * A var string of JSON, bounded as an "any" value is: brackets open outside strings count the depth, and every opened
 * container or comma an entry (at least the values it holds). Whether it parses is left to Yjs' JSON.parse.
 */
export function jsonText(): void {
  const length = varString();
  let depth = 0;
  let inString = false;
  entries = 0;
  counted();
  for (let i = pos - length; i < pos; i++) {
    const c = bytes[i]!;
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next byte (a quote, or one byte of an escape)
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      // [ {
      opened(depth++);
      counted();
    } else if (c === 0x5d || c === 0x7d)
      depth--; // ] }
    else if (c === 0x2c) counted(); // ,
  }
}

/**
 * The string just read (`byteLength` bytes, valid UTF-8) in UTF-16 units, as Yjs counts a string's length: one per
 * code point, two past U+FFFF (a 4-byte sequence).
 */
export function utf16LengthOfLast(byteLength: number): number {
  let units = 0;
  for (let i = pos - byteLength; i < pos; i++) {
    const b = bytes[i]!;
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** lib0's readUint8 for an info byte: past the end Yjs reads undefined, takes it for a GC struct and fails on its length. */
export function infoByte(): number {
  if (pos >= bytes.length) throw malformed('unreadable update (unexpected end)');
  return bytes[pos++]!;
}
