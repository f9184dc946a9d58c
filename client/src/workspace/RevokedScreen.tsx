// What a person whose access was revoked sees instead of the workspace: why, what it means, whom to ask. Nothing of
// the workspace stays open; its documents are kept on the device, unread and unwritable, should access come back.
import { useEffect, useRef } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Layout } from '../ui/Layout';
import './shell/navStrings';

export function RevokedScreen({ name }: { name: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The screen replaced the one being used: focus its heading so a screen reader says it at once.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Layout>
      <section className="narrow stack revoked-screen" role="alert" aria-labelledby="revoked-title">
        <h1 id="revoked-title" ref={heading} tabIndex={-1}>
          {t('revoked.title')}
        </h1>
        <p>
          {t('revoked.explain', { name: name ? t('revoked.namedWorkspace', { name }) : t('revoked.thisWorkspace') })}
        </p>
        <p>{t('revoked.nothingMore')}</p>
        <p>{t('revoked.ask')}</p>
        <p>
          <Link to="/" className="button">
            {t('shell.workspaces')}
          </Link>
        </p>
      </section>
    </Layout>
  );
}
