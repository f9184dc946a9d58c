// Who else has this document open right now (awareness: name, profession, colour — never content), each person once
// however many devices they have it open on. On the workspace's annuaire, which stays open on every screen, that is
// who is online in the workspace.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebsocketProvider } from 'y-websocket';
import { peopleOnline, type PersonOnline } from './peopleOnline';

export function Presence({ provider, label }: { provider: WebsocketProvider; label: string }) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<PersonOnline[]>([]);
  useEffect(() => {
    let shown = '';
    const read = () => {
      const next = peopleOnline(provider.awareness.getStates(), provider.awareness.clientID);
      // Colleagues' carets move on every keystroke (an awareness change too): redraw only when the people change.
      const key = JSON.stringify(next);
      if (key !== shown) {
        shown = key;
        setPeople(next);
      }
    };
    read();
    provider.awareness.on('change', read);
    return () => provider.awareness.off('change', read);
  }, [provider]);

  return (
    <ul className="presence" aria-label={label}>
      {people.map((p) => (
        <li
          key={p.key}
          style={{ borderColor: p.color }}
          title={p.profession ? t(`professions.${p.profession}`) : undefined}
        >
          <span className="avatar" style={{ background: p.color }} aria-hidden="true">
            {p.name.slice(0, 1).toUpperCase()}
          </span>
          {p.name} {p.isMe ? t('presence.you') : null}
        </li>
      ))}
    </ul>
  );
}
