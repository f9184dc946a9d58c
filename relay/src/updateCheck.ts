// Checks a Yjs (v1) update in place, allocating nothing: the relay's per-message validation (docs/decisions/0011).
// It reads the bytes exactly as Yjs' decodeUpdate does (yjs 13.6, lib0 0.2) and refuses what that would refuse,
// plus what Yjs reads but refuses on integrating (structs and deleted ranges of length 0, docs/decisions/0009).
// Where the exact answer needs Yjs itself (JSON-bearing content, subdocuments), Yjs decides, once the reader has checked
// that no value in the update nests or spreads past the bounds below (docs/decisions/0015).
import * as Y from 'yjs';
import { MalformedMessage } from './protocol';

/** Content kinds, by the low 5 bits of an item's info byte (yjs' contentRefs). */
const DELETED = 1,
  JSON_ = 2,
  BINARY = 3,
  STRING = 4,
  EMBED = 5,
  FORMAT = 6,
  TYPE = 7,
  ANY = 8,
  DOC = 9;
/** yjs' typeRefs that carry a name: YXmlElement (3) and YXmlHook (5); refs past YXmlText (6) do not exist. */
const XML_ELEMENT = 3,
  XML_HOOK = 5,
  LAST_TYPE_REF = 6;
/**
 * Arrays and objects one value may nest (ContentAny values, a subdocument's options, JSON, embeds, formatting marks).
 * Yjs reads and writes them recursively: a value nested ~10,000 deep passed Yjs' own decoder on a warm relay and
 * overflowed the stack of a fresh one loading it. The app's deepest value nests 3 (docs/decisions/0015).
 */
export const MAX_VALUE_DEPTH = 64;
/** Entries (elements, properties, nested ones included) in one value: the app's largest is a 300-commune territory. */
export const MAX_VALUE_ENTRIES = 10_000;

/** Set when the update holds content only Yjs can judge: the reader still reads it all, for the bounds above. */
let askYjs = false;
/** Entries of the value being read (reset at each top-level value). */
let entries = 0;

// The reader's state: one update at a time, on the relay's one thread, so no object per call.
const NOTHING = new Uint8Array(0);
let bytes: Uint8Array = NOTHING;
let pos = 0;

const malformed = (reason: string) => new MalformedMessage(reason);

/** lib0's readVarUint, to the bit: the same float arithmetic and the same out-of-range rule. */
function varUint(): number {
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

function skip(length: number): void {
  if (length > bytes.length - pos) throw malformed('unreadable update (length past the end)');
  pos += length;
}

/** A lib0 var string: its length, then bytes that a fatal UTF-8 decoder accepts (WHATWG rules). Returns its byte length. */
function varString(): number {
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
function any(depth: number): void {
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
        any(depth + 1);
      }
      return;
    }
    case 117: {
      opened(depth);
      const items = varUint();
      for (let i = 0; i < items; i++) any(depth + 1);
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
function jsonText(): void {
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

/** UTF-16 units of valid UTF-8 (isUtf8 passed): one per code point, two past U+FFFF (a 4-byte sequence). */
function utf16Length(from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** An item's content; returns its length as Yjs counts it (for validation, > 0 is all that matters). */
function content(kind: number): number {
  switch (kind) {
    case DELETED:
      return varUint();
    case BINARY:
      skip(varUint());
      return 1;
    case STRING: {
      const byteLength = varString();
      // Yjs counts a string in UTF-16 units: only a state vector needs that exact count.
      return onStruct === null ? byteLength : utf16Length(pos - byteLength, pos);
    }
    case TYPE: {
      const ref = varUint();
      if (ref > LAST_TYPE_REF) throw malformed('unreadable update (unknown type)');
      if (ref === XML_ELEMENT || ref === XML_HOOK) varString();
      return 1;
    }
    case ANY: {
      const count = varUint();
      for (let i = 0; i < count; i++) any(0);
      return count;
    }
    // Parsed with JSON.parse, or a subdocument built, by Yjs: it alone knows what it accepts there, once bounded.
    case JSON_: {
      const count = varUint();
      for (let i = 0; i < count; i++) jsonText();
      askYjs = true;
      return count;
    }
    case EMBED:
      jsonText();
      askYjs = true;
      return 1;
    case FORMAT:
      varString(); // key
      jsonText();
      askYjs = true;
      return 1;
    case DOC:
      varString(); // guid
      any(0); // options
      askYjs = true;
      return 1;
    default:
      throw malformed('unreadable update (unknown content)');
  }
}

/** lib0's readUint8 for an info byte: past the end Yjs reads undefined, takes it for a GC struct and fails on its length. */
function infoByte(): number {
  if (pos >= bytes.length) throw malformed('unreadable update (unexpected end)');
  return bytes[pos++]!;
}

/** Told each struct as Yjs' LazyStructReader yields it (its client, clock, length as Yjs counts it, whether a Skip). */
export type StructVisitor = (client: number, clock: number, length: number, isSkip: boolean) => void;
/** The visitor of the read under way: null when validating, which needs none. */
let onStruct: StructVisitor | null = null;

function structs(): void {
  const clients = varUint();
  for (let c = 0; c < clients; c++) {
    const count = varUint();
    const client = varUint();
    let clock = varUint();
    for (let s = 0; s < count; s++) {
      const info = infoByte();
      let length: number;
      if (info === 10)
        length = varUint(); // Skip
      else if ((info & 0x1f) !== 0) {
        if (info & 0x80) {
          varUint();
          varUint();
        } // origin
        if (info & 0x40) {
          varUint();
          varUint();
        } // right origin
        if ((info & 0xc0) === 0) {
          // Neither origin: the parent is written, a root type's name or an item's id, then maybe a map key.
          if (varUint() === 1) varString();
          else {
            varUint();
            varUint();
          }
          if (info & 0x20) varString();
        }
        length = content(info & 0x1f);
      } else length = varUint(); // GC
      if (!(length > 0)) throw malformed('update holds an empty struct');
      if (onStruct !== null) onStruct(client, clock, length, info === 10);
      clock += length;
    }
  }
}

function deleteSet(): void {
  const clients = varUint();
  for (let c = 0; c < clients; c++) {
    varUint(); // client
    const ranges = varUint();
    for (let r = 0; r < ranges; r++) {
      varUint(); // clock
      if (!(varUint() > 0)) throw malformed('update holds an empty deleted range');
    }
  }
}

/**
 * Throws MalformedMessage unless Yjs reads the update whole, every struct and deleted range in it has a length, and
 * no value in it nests or spreads past MAX_VALUE_DEPTH and MAX_VALUE_ENTRIES. Bytes after the delete set are ignored,
 * as Yjs ignores them.
 */
export function validateUpdate(update: Uint8Array): void {
  if (!checkInPlace(update)) validateWithYjs(update);
}

/**
 * The in-place reader alone: true when it decided (throwing if the update is malformed), false when Yjs must.
 * `visit`, when given, is told every struct read (a state vector is read that way: stateVector.ts).
 */
export function checkInPlace(update: Uint8Array, visit: StructVisitor | null = null): boolean {
  bytes = update;
  pos = 0;
  onStruct = visit;
  askYjs = false;
  try {
    structs();
    deleteSet();
    return !askYjs;
  } finally {
    bytes = NOTHING;
    onStruct = null;
  }
}

/** The same check through Yjs' own decoder: what decides the rare content above, and what the tests compare with. */
export function validateWithYjs(update: Uint8Array): void {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (err) {
    throw malformed(`unreadable update (${err instanceof Error ? err.message : 'undecodable'})`);
  }
  for (const struct of decoded.structs) if (!(struct.length > 0)) throw malformed('update holds an empty struct');
  for (const ranges of decoded.ds.clients.values()) {
    for (const range of ranges) if (!(range.len > 0)) throw malformed('update holds an empty deleted range');
  }
}
