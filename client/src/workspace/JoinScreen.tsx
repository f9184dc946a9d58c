// /join#<invitation>: checks the invitation on this device, then joins; a bad link says what to do and changes nothing.
import { useEffect, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Layout } from '../ui/Layout';
import { joinWithInvitation, type JoinResult } from './joinWithInvitation';

export default function JoinScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<Extract<JoinResult, { ok: false }>['code'] | null>(null);

  useEffect(() => {
    const token = decodeURIComponent(location.hash.slice(1));
    void joinWithInvitation(token).then(async (result) => {
      if (!result.ok) return setFailure(result.code);
      // The token leaves the address bar (and the history) once it is stored.
      history.replaceState(null, '', '/');
      await navigate({ to: '/w/$workspaceId', params: { workspaceId: result.workspaceId }, replace: true });
    });
  }, [navigate]);

  return (
    <Layout>
      <div className="narrow stack">
        <h1>{t('join.title')}</h1>
        {failure ? (
          <p className="error" role="alert">
            {t(failure === 'expired' ? 'join.expired' : 'join.invalid')}
          </p>
        ) : (
          <p role="status">{t('join.checking')}</p>
        )}
      </div>
    </Layout>
  );
}
