// Who else has this document open right now (awareness: name, profession, colour — never content). On the
// workspace's annuaire, which stays open on every screen, that is who is online in the workspace.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebsocketProvider } from 'y-websocket';
import { z } from 'zod/mini';

const userSchema = z.object({ name: z.string(), profession: z.optional(z.string()), color: z.string() });
type Present = z.infer<typeof userSchema> & { clientId: number };

export function Presence({ provider, label }: { provider: WebsocketProvider; label: string }) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<Present[]>([]);
  useEffect(() => {
    let shown = '';
    const read = () => {
      const next: Present[] = [];
      provider.awareness.getStates().forEach((state, clientId) => {
        const user = userSchema.safeParse((state as { user?: unknown }).user);
        if (user.success) next.push({ ...user.data, clientId });
      });
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

  const me = provider.awareness.clientID;
  return (
    <ul className="presence" aria-label={label}>
      {people.map((p) => (
        <li
          key={p.clientId}
          style={{ borderColor: p.color }}
          title={p.profession ? t(`professions.${p.profession}`) : undefined}
        >
          <span className="avatar" style={{ background: p.color }} aria-hidden="true">
            {p.name.slice(0, 1).toUpperCase()}
          </span>
          {p.name} {p.clientId === me ? t('presence.you') : null}
        </li>
      ))}
    </ul>
  );
}
