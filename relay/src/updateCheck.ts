// Checks a Yjs (v1) update in place, allocating nothing: the relay's per-message validation (docs/decisions/0011).
// It reads the bytes exactly as Yjs' decodeUpdate does (yjs 13.6, lib0 0.2) and refuses what that would refuse,
// plus what Yjs reads but refuses on integrating (structs and deleted ranges of length 0, docs/decisions/0009).
// Where the exact answer needs Yjs itself (JSON-bearing content, subdocuments, deep nesting), Yjs decides.
import * as Y from 'yjs';
import { MalformedMessage } from './protocol';

/** Content kinds, by the low 5 bits of an item's info byte (yjs' contentRefs). */
const DELETED = 1, JSON_ = 2, BINARY = 3, STRING = 4, EMBED = 5, FORMAT = 6, TYPE = 7, ANY = 8, DOC = 9;
/** yjs' typeRefs that carry a name: YXmlElement (3) and YXmlHook (5); refs past YXmlText (6) do not exist. */
const XML_ELEMENT = 3, XML_HOOK = 5, LAST_TYPE_REF = 6;
/** Past this nesting of lib0 "any" values, Yjs' own recursive reader decides (it may run out of stack first). */
const MAX_ANY_DEPTH = 64;

/** Thrown inside the reader when only Yjs can tell; caught by validateUpdate, never escapes. */
const ASK_YJS = Symbol('ask yjs');

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

/** lib0's readAny: one tagged value. */
function any(depth: number): void {
  if (depth > MAX_ANY_DEPTH) throw ASK_YJS;
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
      const entries = varUint();
      for (let i = 0; i < entries; i++) {
        varString();
        any(depth + 1);
      }
      return;
    }
    case 117: {
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
    case JSON_:
    case EMBED:
    case FORMAT:
    case DOC:
      // Parsed with JSON.parse, or a subdocument built, by Yjs: it alone knows what it accepts there.
      throw ASK_YJS;
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
      if (info === 10) length = varUint(); // Skip
      else if ((info & 0x1f) !== 0) {
        if (info & 0x80) (varUint(), varUint()); // origin
        if (info & 0x40) (varUint(), varUint()); // right origin
        if ((info & 0xc0) === 0) {
          // Neither origin: the parent is written, a root type's name or an item's id, then maybe a map key.
          if (varUint() === 1) varString();
          else (varUint(), varUint());
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
 * Throws MalformedMessage unless Yjs reads the update whole and every struct and deleted range in it has a length.
 * Bytes after the delete set are ignored, as Yjs ignores them.
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
  try {
    structs();
    deleteSet();
    return true;
  } catch (err) {
    if (err === ASK_YJS) return false;
    throw err;
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

