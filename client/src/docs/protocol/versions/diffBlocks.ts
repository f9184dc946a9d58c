// What changed between two versions: blocks matched whole first (unchanged paragraphs cost nothing), then, where a
// block was rewritten, word by word, so the reader sees exactly the words inserted and deleted.
import { diffArrays } from 'diff';
import type { Block } from '@maillage/shared';

export interface WordPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export type BlockChange =
  | { type: 'same'; block: Block }
  | { type: 'added' | 'removed'; block: Block }
  | { type: 'changed'; block: Block; parts: WordPart[] };

const keyOf = (b: Block) => `${b.section}\u0000${b.label}\u0000${b.text}`;

/** Blocks in reading order of the newer version, removed ones where they stood. */
export function diffBlocks(before: readonly Block[], after: readonly Block[]): BlockChange[] {
  const changes: BlockChange[] = [];
  let removed: Block[] = [];
  const flushRemoved = () => {
    for (const block of removed) changes.push({ type: 'removed', block });
    removed = [];
  };
  for (const part of diffArrays(before.map(keyOf), after.map(keyOf))) {
    const blocks = part.value.map((key) => {
      const [section, label, text] = key.split('\u0000') as [Block['section'], string, string];
      return { section, label, text };
    });
    if (part.removed) {
      removed.push(...blocks);
      continue;
    }
    for (const block of blocks) {
      // A removed block followed by an added one in the same place and section is one block rewritten.
      const rewritten = part.added
        ? removed.findIndex((r) => r.section === block.section && r.label === block.label)
        : -1;
      if (rewritten >= 0) {
        const [old] = removed.splice(rewritten, 1);
        for (const r of removed.splice(0, rewritten)) changes.push({ type: 'removed', block: r });
        changes.push({ type: 'changed', block, parts: wordParts(old!.text, block.text) });
      } else {
        if (!part.added) flushRemoved();
        changes.push({ type: part.added ? 'added' : 'same', block });
      }
    }
  }
  flushRemoved();
  return changes;
}

/** Words as readers see them (« J+2 », « l’infirmier. »): split on spaces only, the spaces kept as their own tokens. */
const words = (text: string) => text.split(/(\s+)/).filter(Boolean);

function wordParts(before: string, after: string): WordPart[] {
  return diffArrays(words(before), words(after)).map((p) => ({
    text: p.value.join(''),
    change: p.added ? 'added' : p.removed ? 'removed' : 'same',
  }));
}
