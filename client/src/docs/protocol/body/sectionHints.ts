// The HAS template's guidance, as a hint inside each section while it is empty: a decoration of the editor, never text
// of the document, so it neither prints nor syncs. Only the live, writable editor shows it.
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { templateSectionOf, type TemplateSectionId } from '@maillage/shared';

const key = new PluginKey('sectionHints');

/** An empty paragraph right under a template heading gets that section's hint. */
export function hintDecorations(doc: PmNode, hintOf: (section: TemplateSectionId) => string): DecorationSet {
  const decorations: Decoration[] = [];
  let section: TemplateSectionId | null = null;
  doc.forEach((node, offset) => {
    if (section && node.type.name === 'paragraph' && node.content.size === 0) {
      decorations.push(
        Decoration.node(offset, offset + node.nodeSize, { class: 'section-hint', 'data-hint': hintOf(section) }),
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
