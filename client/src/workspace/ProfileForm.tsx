// Who is using this device (name, profession), asked once: on a screen of its own, or inside the invitation page.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFESSIONS } from '@maillage/shared';
import { profileSchema, saveProfile, type Profile } from './profile';
import { Field } from '../ui/Field';
import { Layout } from '../ui/Layout';

interface CardProps {
  onSaved: (p: Profile) => void;
  submitLabel: string;
  /** A name the invitation already gave (typed by the coordinator): offered, not imposed. */
  initialName?: string;
  busy?: boolean;
}

/** The form alone: the invitation page puts it under what the invitation says. */
export function ProfileFormCard({ onSaved, submitLabel, initialName = '', busy = false }: CardProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [profession, setProfession] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = profileSchema.safeParse({ name, profession });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        next[field] = field === 'profession' ? 'profile.professionRequired' : 'profile.nameRequired';
      }
      return setErrors(next);
    }
    await saveProfile(parsed.data);
    onSaved(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate className="card stack">
      <Field id="profile-name" label={t('profile.name')} error={errors.name && t(errors.name)}>
        <input id="profile-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      </Field>
      <Field id="profile-profession" label={t('profile.profession')} error={errors.profession && t(errors.profession)}>
        <select id="profile-profession" value={profession} onChange={(e) => setProfession(e.target.value)}>
          <option value="">{t('profile.choose')}</option>
          {PROFESSIONS.map((p) => (
            <option key={p} value={p}>
              {t(`professions.${p}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}

export function ProfileForm({ onSaved, onBack }: { onSaved: (p: Profile) => void; onBack?: () => void }) {
  const { t } = useTranslation();
  return (
    <Layout>
      <div className="narrow stack">
        {onBack ? (
          <button type="button" className="ghost back" onClick={onBack}>
            ← {t('welcome.back')}
          </button>
        ) : null}
        <h1>{t('profile.title')}</h1>
        <p>{t('profile.intro')}</p>
        <ProfileFormCard onSaved={onSaved} submitLabel={t('profile.submit')} />
      </div>
    </Layout>
  );
}
