// The rich-text schema of a protocol's body — headings, lists, tables, links — shared by the live editor and the
// read-only renderings (a past version, the print view), so all of them read the same document the same way.
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import type { Extensions } from '@tiptap/core';

export function bodyExtensions(): Extensions {
  return [
    // Yjs keeps the undo history (per author), so StarterKit's own must be off.
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [2, 3] },
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}
