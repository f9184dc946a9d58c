// Highlights the passages open comment threads are anchored to, and turns a selection into an anchor. Anchors are
// Yjs relative positions: local typing maps the highlights through the edit (cheap); a colleague's edit or a
// change of threads recomputes them from the anchors.
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { CommentAnchor, CommentThread } from '@maillage/shared';
import { absolutePosition, blockOffsets, type Mapping } from './anchorPositions';

/** What the screen shares with the plugin: updated in place, then `refreshHighlights` redraws. */
export interface HighlightSource {
  threads: CommentThread[];
  active: string | null;
  onSelect: (threadId: string) => void;
}

const key = new PluginKey<DecorationSet>('commentHighlights');

interface Bound {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Mapping;
}

function binding(state: EditorState): Bound | null {
  return (ySyncPluginKey.getState(state) as { binding?: Bound } | undefined)?.binding ?? null;
}

/** Converts anchors to positions in the editor's document, all against one pass over the body's blocks. */
function resolver(bound: Bound): (json: CommentAnchor['start']) => number | null {
  const offsets = blockOffsets(bound.type, bound.mapping);
  return (json) =>
    absolutePosition(bound.doc, bound.type, Y.createRelativePositionFromJSON(json), bound.mapping, offsets);
}

function decorate(state: EditorState, source: HighlightSource): DecorationSet {
  const bound = binding(state);
  if (!bound) return DecorationSet.empty;
  const position = resolver(bound);
  const decorations: Decoration[] = [];
  for (const thread of source.threads) {
    if (thread.resolvedAt) continue;
    const from = position(thread.anchor.start);
    const to = position(thread.anchor.end);
    if (from === null || to === null || to <= from) continue;
    const active = thread.id === source.active ? ' active' : '';
    decorations.push(
      Decoration.inline(
        from,
        to,
        { class: `comment-anchor${active}`, 'data-thread': thread.id },
        { threadId: thread.id },
      ),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

export function createCommentHighlights(source: HighlightSource) {
  return Extension.create({
    name: 'commentHighlights',
    addProseMirrorPlugins() {
      return [
        new Plugin<DecorationSet>({
          key,
          state: {
            init: (_, state) => decorate(state, source),
            apply: (tr, previous, _old, state) => {
              const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
              if (tr.getMeta(key) || remote) return decorate(state, source);
              return tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
            },
          },
          props: {
            decorations: (state) => key.getState(state),
            handleClick: (view, pos) => {
              const hit = key.getState(view.state)?.find(pos, pos)[0];
              const id = (hit?.spec as { threadId?: string } | undefined)?.threadId;
              if (id) source.onSelect(id);
              return false;
            },
          },
        }),
      ];
    },
  });
}

export function refreshHighlights(editor: Editor): void {
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(key, true));
}

/** The current selection as an anchor and its text, or null when no words are selected. */
export function selectionAnchor(editor: Editor): { anchor: CommentAnchor; quote: string } | null {
  const { from, to, empty } = editor.state.selection;
  const bound = binding(editor.state);
  const quote = empty ? '' : editor.state.doc.textBetween(from, to, ' ').trim();
  // A selection with no words in it (across an empty line, say) has nothing to discuss.
  if (!quote || !bound) return null;
  const rel = (pos: number) =>
    Y.relativePositionToJSON(
      absolutePositionToRelativePosition(pos, bound.type, bound.mapping as never),
    ) as CommentAnchor['start'];
  return { anchor: { start: rel(from), end: rel(to) }, quote: quote.slice(0, 300) };
}

/** Selects a thread's passage and brings it into view; false when the passage no longer exists. */
export function revealAnchor(editor: Editor, anchor: CommentAnchor): boolean {
  const bound = binding(editor.state);
  if (!bound) return false;
  const at = resolver(bound);
  const from = at(anchor.start);
  const to = at(anchor.end);
  if (from === null || to === null || to <= from) return false;
  editor.chain().setTextSelection({ from, to }).scrollIntoView().run();
  return true;
}
