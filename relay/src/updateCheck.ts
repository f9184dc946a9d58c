// Checks a Yjs (v1) update in place, allocating nothing: the relay's per-message validation (docs/decisions/0011).
// It reads the bytes exactly as Yjs' decodeUpdate does (yjs 13.6.33, pinned in package.json; updateFormat.test.ts fails
// when an upgrade changes what it reads) and refuses what that would refuse, plus what Yjs reads but refuses on
// integrating (structs and deleted ranges of length 0, docs/decisions/0009). Where the exact answer needs Yjs itself
// (JSON-bearing content, subdocuments), Yjs decides, once the reader has checked that no value in the update nests or
// spreads past the bounds of lib0Reader.ts (docs/decisions/0015).
import * as Y from 'yjs';
import { MalformedMessage } from './protocol';
import {
  skipValue,
  infoByte,
  jsonText,
  skip,
  startReading,
  stopReading,
  utf16LengthOfLast,
  varString,
  varUint,
} from './lib0Reader';

export { MAX_VALUE_DEPTH, MAX_VALUE_ENTRIES } from './lib0Reader';

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

/** Set when the update holds content only Yjs can judge: the reader still reads it all, for the bounds. */
let askYjs = false;

const malformed = (reason: string) => new MalformedMessage(reason);

/** Told each struct as Yjs' LazyStructReader yields it (its client, clock, length as Yjs counts it, whether a Skip). */
export type StructVisitor = (client: number, clock: number, length: number, isSkip: boolean) => void;
/** The visitor of the read under way: null when validating, which needs none. */
let onStruct: StructVisitor | null = null;

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
      return onStruct === null ? byteLength : utf16LengthOfLast(byteLength);
    }
    case TYPE: {
      const ref = varUint();
      if (ref > LAST_TYPE_REF) throw malformed('unreadable update (unknown type)');
      if (ref === XML_ELEMENT || ref === XML_HOOK) varString();
      return 1;
    }
    case ANY: {
      const count = varUint();
      for (let i = 0; i < count; i++) skipValue(0);
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
      skipValue(0); // options
      askYjs = true;
      return 1;
    default:
      throw malformed('unreadable update (unknown content)');
  }
}

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
  startReading(update);
  onStruct = visit;
  askYjs = false;
  try {
    structs();
    deleteSet();
    return !askYjs;
  } finally {
    stopReading();
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
