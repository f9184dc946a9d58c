// The HAS template's guidance, as a hint inside each section while it is empty: a decoration of the editor, never text
// of the document, so it neither prints nor syncs. Only the live, writable editor shows it.
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { templateSectionOf, type TemplateSectionId } from '@maillage/shared';

const key = new PluginKey('sectionHints');

/** The hint, a block of its own above the empty paragraph: it takes room however many lines it wraps to. */
function hintBlock(text: string): HTMLElement {
  const block = document.createElement('p');
  block.className = 'section-hint';
  block.contentEditable = 'false';
  block.textContent = text;
  return block;
}

/** An empty paragraph right under a template heading gets that section's hint above it. */
export function hintDecorations(doc: PmNode, hintOf: (section: TemplateSectionId) => string): DecorationSet {
  const decorations: Decoration[] = [];
  let section: TemplateSectionId | null = null;
  doc.forEach((node, offset) => {
    if (section && node.type.name === 'paragraph' && node.content.size === 0) {
      const text = hintOf(section);
      decorations.push(
        Decoration.widget(offset, () => hintBlock(text), {
          side: -1,
          ignoreSelection: true,
          key: `${section}:${text}`,
        }),
      );
    }
    section = node.type.name === 'heading' ? templateSectionOf(node.textContent) : null;
  });
  return DecorationSet.create(doc, decorations);
}

export function createSectionHints(hintOf: (section: TemplateSectionId) => string) {
  return Extension.create({
    name: 'sectionHints',
    addProseMirrorPlugins() {
      const editor = this.editor;
      // Recomputed only when the document changes, not on every caret move.
      let last: { doc: PmNode; set: DecorationSet } | null = null;
      const decorations = (doc: PmNode) => {
        if (last?.doc !== doc) last = { doc, set: hintDecorations(doc, hintOf) };
        return last.set;
      };
      return [
        new Plugin({
          key,
          props: {
            decorations: (state) => (editor.isEditable ? decorations(state.doc) : null),
          },
        }),
      ];
    },
  });
}
