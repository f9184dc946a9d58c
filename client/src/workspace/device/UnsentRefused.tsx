// The documents holding a change made here that the relay refused each time it was sent (the member may no longer
// write them): named, with a way to open each, so that a change nobody will receive is never silently kept.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../../docs/catalogue/useCatalogue';
import { catalogueItemLink } from '../../docs/catalogue/catalogueItem';
import { useWorkspace } from '../WorkspaceContext';

export function UnsentRefused({ docIds }: { docIds: readonly string[] }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { allItems } = useCatalogue(workspace.id);
  const byId = new Map(allItems.map((item) => [item.docId, item]));
  return (
    <div className="stack" data-testid="unsent-refused">
      <p className="error">{t('deviceScreen.unsentRefused', { count: docIds.length })}</p>
      <ul>
        {docIds.map((docId) => {
          const item = byId.get(docId);
          return (
            <li key={docId}>
              {item && !item.deletedAt ? (
                <Link {...catalogueItemLink(workspace.id, item)}>{item.title}</Link>
              ) : (
                t('deviceScreen.unsentRefusedUnlisted')
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
