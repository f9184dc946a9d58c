// First visit: the person says who they are (name, profession) before joining colleagues.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFESSIONS } from '@maillage/shared';
import { profileSchema, saveProfile, type Profile } from './profile';
import { Field } from '../ui/Field';
import { Layout } from '../ui/Layout';

export function ProfileForm({ onSaved }: { onSaved: (p: Profile) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
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
    <Layout>
      <div className="narrow stack">
        <h1>{t('profile.title')}</h1>
        <p>{t('profile.intro')}</p>
        <form onSubmit={submit} noValidate className="card stack">
          <Field id="profile-name" label={t('profile.name')} error={errors.name && t(errors.name)}>
            <input
              id="profile-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="name"
              autoFocus
            />
          </Field>
          <Field
            id="profile-profession"
            label={t('profile.profession')}
            error={errors.profession && t(errors.profession)}
          >
            <select id="profile-profession" value={profession} onChange={(e) => setProfession(e.target.value)}>
              <option value="">{t('profile.choose')}</option>
              {PROFESSIONS.map((p) => (
                <option key={p} value={p}>
                  {t(`professions.${p}`)}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="primary">
            {t('profile.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
