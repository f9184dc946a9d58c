// The live editor of a protocol's body: Tiptap bound to the Y.Doc, colleagues' named carets, Yjs undo, and the
// highlights of open comment threads, and the HAS template's hints in empty sections.
import { useEditor, type Editor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { PROTOCOL_BODY_FIELD } from '@maillage/shared';
import type { Profile } from '../../../workspace/profile';
import { colorFor } from '../../../sync/colors';
import { bodyExtensions } from './extensions';
import { createCommentHighlights, type HighlightSource } from './commentHighlights';
import { createSectionHints } from './sectionHints';

interface Options {
  doc: Y.Doc;
  provider: WebsocketProvider;
  profile: Profile;
  readOnly: boolean;
  highlights: HighlightSource;
  /** The editor's accessible name, when the body is not a protocol's (a crisis plan's sections). */
  label?: string;
}

export function useBodyEditor({ doc, provider, profile, readOnly, highlights, label }: Options): Editor | null {
  const { t } = useTranslation();
  return useEditor(
    {
      extensions: [
        ...bodyExtensions(),
        Collaboration.configure({ document: doc, field: PROTOCOL_BODY_FIELD }),
        CollaborationCaret.configure({ provider, user: { name: profile.name, color: colorFor(profile.name) } }),
        createCommentHighlights(highlights),
        createSectionHints((section) => t(`template.hints.${section}`)),
      ],
      editable: !readOnly,
      editorProps: {
        attributes: {
          'aria-label': label ?? t('protocol.body'),
          'aria-multiline': 'true',
          role: 'textbox',
          class: 'prose',
        },
      },
    },
    [doc, provider, readOnly],
  );
}
