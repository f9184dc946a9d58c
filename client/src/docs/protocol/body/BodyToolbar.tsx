// Formatting tools of the body (headings, emphasis, lists, links, tables, undo) and « Commenter » on a selection.
import { useState } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { LinkForm } from './LinkForm';

interface Tool {
  key: string;
  glyph: string;
  run: () => void;
  active?: boolean;
  disabled?: boolean;
}

export function BodyToolbar({
  editor,
  canWrite,
  canComment,
  onComment,
}: {
  editor: Editor;
  canWrite: boolean;
  canComment: boolean;
  onComment: () => void;
}) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      empty: e.state.selection.empty,
      // Commenting needs words: a selection across an empty line has none.
      noWords:
        e.state.selection.empty ||
        e.state.doc.textBetween(e.state.selection.from, e.state.selection.to, ' ').trim() === '',
    }),
  });
  const chain = () => editor.chain().focus();
  const writing: Tool[] = [
    { key: 'h2', glyph: 'H2', run: () => chain().toggleHeading({ level: 2 }).run(), active: state.h2 },
    { key: 'h3', glyph: 'H3', run: () => chain().toggleHeading({ level: 3 }).run(), active: state.h3 },
    { key: 'bold', glyph: 'G', run: () => chain().toggleBold().run(), active: state.bold },
    { key: 'italic', glyph: 'I', run: () => chain().toggleItalic().run(), active: state.italic },
    { key: 'bulletList', glyph: '•', run: () => chain().toggleBulletList().run(), active: state.bulletList },
    { key: 'orderedList', glyph: '1.', run: () => chain().toggleOrderedList().run(), active: state.orderedList },
    {
      key: 'link',
      glyph: t('body.linkGlyph'),
      run: () => setLinking(!linking),
      active: state.link,
      disabled: state.empty && !state.link,
    },
    {
      key: 'table',
      glyph: '▦',
      run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      disabled: state.table,
    },
    ...(state.table
      ? [
          { key: 'rowAfter', glyph: '+≡', run: () => chain().addRowAfter().run() },
          { key: 'columnAfter', glyph: '+‖', run: () => chain().addColumnAfter().run() },
          { key: 'deleteRow', glyph: '−≡', run: () => chain().deleteRow().run() },
          { key: 'deleteColumn', glyph: '−‖', run: () => chain().deleteColumn().run() },
          { key: 'deleteTable', glyph: '✕▦', run: () => chain().deleteTable().run() },
        ]
      : []),
    { key: 'undo', glyph: '↶', run: () => chain().undo().run() },
    { key: 'redo', glyph: '↷', run: () => chain().redo().run() },
  ];
  const tools = canWrite ? writing : [];
  // WCAG 2.5.3 (label in name): a glyph of letters or digits (H2, 1.) is what a voice-control user reads and says, so
  // the button's name must contain it; pictographs (•, ▦) are named by their label alone.
  const nameOf = (tool: Tool) => {
    const label = t(`body.tools.${tool.key}`);
    return /[\p{L}\p{N}]/u.test(tool.glyph) && !label.toLowerCase().includes(tool.glyph.toLowerCase())
      ? `${tool.glyph} – ${label}`
      : label;
  };
  return (
    <div className="no-print stack">
      <div role="toolbar" aria-label={t('protocol.toolbar')} className="toolbar">
        {tools.map((tool) => (
          <button
            key={tool.key}
            type="button"
            className="tool"
            aria-label={nameOf(tool)}
            title={t(`body.tools.${tool.key}`)}
            aria-pressed={tool.active ?? undefined}
            disabled={tool.disabled}
            onMouseDown={(e) => e.preventDefault()}
            onClick={tool.run}
          >
            {tool.glyph}
          </button>
        ))}
        {canComment ? (
          <button
            type="button"
            className="tool comment-tool"
            disabled={state.noWords}
            title={t('comments.onSelection')}
            onMouseDown={(e) => e.preventDefault()}
            onClick={onComment}
          >
            {t('comments.comment')}
          </button>
        ) : null}
      </div>
      {linking ? <LinkForm editor={editor} onDone={() => setLinking(false)} /> : null}
    </div>
  );
}
