// The first screen of a device with no profile yet (so no workspace): what Maillage is, and the three ways in.
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from '../ui/Layout';
import { Field } from '../ui/Field';
import { ProfileForm } from './ProfileForm';
import type { Profile } from './profile';
import { useTakesNewWorkspace } from './useTakesNewWorkspace';
import './joinStrings';

const RestoreForm = lazy(() => import('./RestoreForm'));

type Step = 'choose' | 'create' | 'join' | 'restore' | 'restoreFile';

export default function FirstContact({ onSaved }: { onSaved: (p: Profile) => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('choose');
  const [restorer, setRestorer] = useState<Profile | null>(null);
  const back = () => setStep('choose');
  // A relay that already hosts its CPTS would refuse another: creating one is not offered there.
  const hosted = useTakesNewWorkspace() === false;
  const choices = hosted ? (['join', 'restore'] as const) : (['create', 'join', 'restore'] as const);

  if (step === 'create') return <ProfileForm onSaved={onSaved} onBack={back} />;
  if (step === 'restore')
    return (
      <ProfileForm
        onBack={back}
        onSaved={(p) => {
          setRestorer(p);
          setStep('restoreFile');
        }}
      />
    );
  return (
    <Layout>
      <div className="narrow stack">
        {step === 'choose' ? (
          <>
            <h1>{t('welcome.title')}</h1>
            <p className="lead">{t('welcome.what')}</p>
            <p className="muted">{t('welcome.offline')}</p>
            {hosted ? <p className="card">{t('welcome.hostedAlready')}</p> : null}
            <h2 className="visually-hidden">{t('welcome.choose')}</h2>
            <ul className="choices">
              {choices.map((choice) => (
                <li key={choice}>
                  <button
                    type="button"
                    className={`choice${choice === choices[0] ? ' primary' : ''}`}
                    aria-describedby={`welcome-${choice}-hint`}
                    onClick={() => setStep(choice)}
                  >
                    {t(`welcome.${choice}`)}
                  </button>
                  <p id={`welcome-${choice}-hint`} className="muted small">
                    {t(`welcome.${choice}Hint`)}
                  </p>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <button type="button" className="ghost back" onClick={back}>
            ← {t('welcome.back')}
          </button>
        )}
        {step === 'join' ? <PasteLink /> : null}
        {step === 'restoreFile' && restorer ? (
          <Suspense fallback={null}>
            <RestoreForm onRestored={() => onSaved(restorer)} />
          </Suspense>
        ) : null}
      </div>
    </Layout>
  );
}

/** « Rejoindre avec un lien »: the link as received, pasted; its invitation page then says what it is. */
function PasteLink() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = (event: FormEvent) => {
    event.preventDefault();
    const at = text.indexOf('/join#');
    const fragment = at === -1 ? '' : text.slice(at + '/join#'.length).trim();
    if (!fragment) return setError(t('welcome.linkInvalid'));
    location.assign(`/join#${fragment}`);
  };
  return (
    <form onSubmit={open} noValidate className="card stack">
      <h1>{t('welcome.join')}</h1>
      <p>{t('welcome.linkHint')}</p>
      <Field id="welcome-link" label={t('welcome.linkLabel')} error={error ?? undefined}>
        <input
          id="welcome-link"
          value={text}
          autoComplete="off"
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
      </Field>
      <button type="submit" className="primary">
        {t('welcome.linkOpen')}
      </button>
    </form>
  );
}
