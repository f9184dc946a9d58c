// Protocols made from the first HAS template hold its guidance as text, and headings the tables repeat: the read and
// print view leaves those out, so what prints is what the working group wrote, each section once.
import { EARLIER_TABLE_HEADINGS, EARLIER_TEMPLATE_GUIDANCE } from '@maillage/shared';

export interface PmJson {
  type: string;
  text?: string;
  content?: PmJson[];
  [key: string]: unknown;
}

const textOf = (node: PmJson): string => node.text ?? (node.content ?? []).map(textOf).join('');
const isEmpty = (node: PmJson) => node.type === 'paragraph' && textOf(node).trim() === '';

export function withoutTemplateGuidance(doc: PmJson): PmJson {
  const blocks = doc.content ?? [];
  const kept: PmJson[] = [];
  let heading = '';
  for (const node of blocks) {
    if (node.type === 'heading') heading = textOf(node).trim();
    else if (node.type === 'paragraph' && textOf(node).trim() === EARLIER_TEMPLATE_GUIDANCE.get(heading)) continue;
    kept.push(node);
  }
  // A heading the tables repeat goes when nothing but blank lines is left under it.
  const out: PmJson[] = [];
  for (let i = 0; i < kept.length; i++) {
    const node = kept[i]!;
    if (node.type === 'heading' && EARLIER_TABLE_HEADINGS.has(textOf(node).trim())) {
      let end = i + 1;
      while (end < kept.length && kept[end]!.type !== 'heading' && isEmpty(kept[end]!)) end++;
      if (end === kept.length || kept[end]!.type === 'heading') {
        i = end - 1;
        continue;
      }
    }
    out.push(node);
  }
  return { ...doc, content: out };
}
