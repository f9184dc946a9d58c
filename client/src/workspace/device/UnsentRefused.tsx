// The documents holding a change made here that the relay refused each time it was sent (the member may no longer
// write them): named, with a way to open each the catalogue lists, so that a change nobody will receive is never
// silently kept. A document the catalogue does not list (a report, the bin) is named by this device's copy.
import { useEffect, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../../docs/catalogue/useCatalogue';
import { catalogueItemLink } from '../../docs/catalogue/catalogueItem';
import { docStore } from '../../store/docStore';
import { useWorkspace } from '../WorkspaceContext';

export function UnsentRefused({ docIds }: { docIds: readonly string[] }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { allItems } = useCatalogue(workspace.id);
  const listed = new Map(allItems.filter((item) => !item.deletedAt).map((item) => [item.docId, item]));
  const refusedKey = docIds.join();
  const [titlesHere, setTitlesHere] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let stale = false;
    docStore.listMeta(workspace.id).then(
      (rows) => !stale && setTitlesHere(new Map(rows.filter((row) => row.title).map((row) => [row.docId, row.title]))),
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [workspace.id, refusedKey]);
  return (
    <div className="stack" data-testid="unsent-refused">
      <p className="error">{t('deviceScreen.unsentRefused', { count: docIds.length })}</p>
      <ul>
        {docIds.map((docId) => {
          const item = listed.get(docId);
          return (
            <li key={docId}>
              {item ? (
                <Link {...catalogueItemLink(workspace.id, item)}>{item.title}</Link>
              ) : (
                (titlesHere.get(docId) ?? t('deviceScreen.unsentRefusedUnlisted'))
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
