// « Mon appareil »: what this device holds of the workspace, the space it takes, whether the browser may erase it,
// and how many months of closed coordination files it keeps (a small phone need not carry years of them).
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from '../../ui/Layout';
import { Toast, useToast } from '../../ui/Toast';
import { useOnDevice } from '../../sync/background/OnDeviceContext';
import type { BackgroundPhase } from '../../sync/background/backgroundSync';
import { KEEP_CLOSED_CHOICES, type KeepClosedMonths } from '../../sync/background/setAside';
import { formatBytes } from './formatBytes';
import { useStorageFacts } from './useStorageEstimate';
import { UnsentRefused } from './UnsentRefused';
import './deviceStrings';

const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

/** Changes still here: leaving now, at the network's return, or waiting for something the person must see to. */
const unsentLine = {
  idle: 'deviceScreen.unsentOnline',
  fetching: 'deviceScreen.unsentOnline',
  offline: 'deviceScreen.unsentOffline',
  storageFull: 'deviceScreen.unsentWaiting',
  refused: 'deviceScreen.unsentWaiting',
  revoked: 'deviceScreen.unsentWaiting',
} as const satisfies Record<BackgroundPhase, string>;

const choiceValue = (months: KeepClosedMonths) => (months === null ? 'all' : String(months));
const fromValue = (value: string): KeepClosedMonths =>
  KEEP_CLOSED_CHOICES.find((c) => choiceValue(c) === value) ?? null;

export default function DeviceScreen() {
  const { t, i18n } = useTranslation();
  const { state, keepClosed, setAside, setAsideUnder, changeKeepClosed } = useOnDevice();
  const { facts, persist } = useStorageFacts(state?.onDevice);
  const [asking, setAsking] = useState<{ months: KeepClosedMonths; leaving: number } | null>(null);
  const [persistRefused, setPersistRefused] = useState(false);
  const { toast, show, close } = useToast();

  const save = async (months: KeepClosedMonths) => {
    await changeKeepClosed(months);
    setAsking(null);
    show({ message: t('deviceScreen.saved') });
  };
  const choose = (months: KeepClosedMonths) => {
    // Only copies that are here now and would go are named; keeping more never asks.
    const leaving = [...setAsideUnder(months)].filter((docId) => !setAside.has(docId)).length;
    if (leaving > 0) setAsking({ months, leaving });
    else void save(months);
  };

  return (
    <Layout>
      <div className="page stack device-screen">
        <h1>{t('deviceScreen.title')}</h1>
        <p className="muted">{t('deviceScreen.intro')}</p>

        <section className="stack" aria-labelledby="device-docs">
          <h2 id="device-docs">{t('deviceScreen.docsTitle')}</h2>
          <p role="status">
            {!state || state.total === 0
              ? t('deviceScreen.notYet')
              : state.onDevice < state.total
                ? t('deviceScreen.arriving', { onDevice: state.onDevice, total: state.total, count: state.total })
                : t('deviceScreen.allHere', { count: state.total })}
          </p>
          {state?.phase === 'offline' && state.onDevice < state.total ? (
            <p className="muted">{t('deviceScreen.offline')}</p>
          ) : null}
          {state && state.unsent > 0 ? <p>{t(unsentLine[state.phase], { count: state.unsent })}</p> : null}
          {state && state.unsentRefused.length > 0 ? <UnsentRefused docIds={state.unsentRefused} /> : null}
          {state?.phase === 'storageFull' ? <p className="error">{t('onDevice.storageFull')}</p> : null}
        </section>

        <section className="stack" aria-labelledby="device-space">
          <h2 id="device-space">{t('deviceScreen.spaceTitle')}</h2>
          <p>
            {facts?.usage != null && facts.quota != null
              ? t('deviceScreen.space', {
                  used: formatBytes(facts.usage, i18n.language),
                  available: formatBytes(facts.quota, i18n.language),
                })
              : t('deviceScreen.spaceUnknown')}
          </p>
          {facts?.persisted === true ? <p className="muted">{t('deviceScreen.persisted')}</p> : null}
          {facts?.persisted === false ? (
            <div className="stack">
              <p className="muted">{t('deviceScreen.notPersisted')}</p>
              <div>
                <button
                  type="button"
                  className="ghost"
                  onClick={() => void persist().then((granted) => setPersistRefused(!granted))}
                >
                  {t('deviceScreen.persist')}
                </button>
              </div>
              {persistRefused ? <p role="alert">{t('deviceScreen.persistRefused')}</p> : null}
            </div>
          ) : null}
        </section>

        <section className="stack" aria-labelledby="device-closed">
          <h2 id="device-closed">{t('deviceScreen.closedTitle')}</h2>
          <p className="muted">{t('deviceScreen.closedHint')}</p>
          <div className="field compact">
            <label htmlFor="device-keep-closed">{t('deviceScreen.closedLabel')}</label>
            <select
              id="device-keep-closed"
              value={choiceValue(keepClosed ?? null)}
              disabled={keepClosed === undefined}
              onChange={(e) => choose(fromValue(e.target.value))}
            >
              {KEEP_CLOSED_CHOICES.map((months) => (
                <option key={choiceValue(months)} value={choiceValue(months)}>
                  {months === null ? t('deviceScreen.keepAll') : t('deviceScreen.keepMonths', { count: months })}
                </option>
              ))}
            </select>
          </div>
          {setAside.size > 0 ? <p>{t('deviceScreen.setAside', { count: setAside.size })}</p> : null}
        </section>
      </div>
      {asking ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('deviceScreen.confirmTitle')}
            confirmLabel={t('deviceScreen.confirm')}
            onConfirm={() => void save(asking.months)}
            onCancel={() => setAsking(null)}
          >
            <p>{t('deviceScreen.confirmBody', { count: asking.leaving })}</p>
            <p className="muted">{t('deviceScreen.unsent')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
      <Toast toast={toast} onClose={close} />
    </Layout>
  );
}
