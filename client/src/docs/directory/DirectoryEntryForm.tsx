// « Ma fiche » : a member's own entry in the annuaire, checked field by field before anything is written.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PROFESSIONS,
  setDirectoryEntry,
  type CrisisTypology,
  type DirectoryEntry,
  type Profession,
} from '@maillage/shared';
import type * as Y from 'yjs';
import { Field } from '../../ui/Field';
import { TypologyChoices } from '../crisisPlan/TypologyChoices';
import '../crisisPlan/crisisPlanStrings';

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function DirectoryEntryForm({
  doc,
  memberId,
  entry,
  communes,
  onDone,
}: {
  doc: Y.Doc;
  memberId: string;
  entry: DirectoryEntry | null;
  communes: string[];
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    name: entry?.name ?? '',
    profession: (entry?.profession ?? '') as Profession | '',
    professionalId: entry?.professionalId ?? '',
    practiceName: entry?.practiceName ?? '',
    address: entry?.address ?? '',
    commune: entry?.commune ?? '',
    phone: entry?.phone ?? '',
    mssante: entry?.mssante ?? '',
    skills: entry?.skills.join(', ') ?? '',
    languages: entry?.languages.join(', ') ?? '',
    accepts: entry?.acceptsNewPatients === true ? 'yes' : entry?.acceptsNewPatients === false ? 'no' : '',
    crisisSkills: entry?.crisis?.skills.join(', ') ?? '',
    availability: entry?.crisis?.availability ?? '',
  });
  const [volunteer, setVolunteer] = useState(entry?.crisis?.volunteer ?? false);
  const [typologies, setTypologies] = useState<CrisisTypology[]>(entry?.crisis?.typologies ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = setDirectoryEntry(doc, memberId, {
      ...form,
      profession: form.profession as Profession,
      skills: list(form.skills),
      languages: list(form.languages),
      acceptsNewPatients: form.accepts === 'yes' ? true : form.accepts === 'no' ? false : null,
      acceptsNewPatientsSince: entry?.acceptsNewPatientsSince ?? null,
      // Said no once, the offer is kept as « not volunteering » rather than dropped: the answer is on record.
      crisis:
        volunteer || entry?.crisis
          ? { volunteer, typologies, skills: list(form.crisisSkills), availability: form.availability }
          : null,
    });
    if (!result.ok) return setErrors(Object.fromEntries(result.errors.map((e) => [e.field.split('.')[0], e.message])));
    onDone(true);
  };

  const field = (
    key:
      'name' | 'professionalId' | 'practiceName' | 'address' | 'commune' | 'phone' | 'mssante' | 'skills' | 'languages',
    type = 'text',
    autoComplete?: string,
    list?: string,
  ) => (
    <Field id={`entry-${key}`} label={t(`directory.fields.${key}`)} error={errors[key] && t(errors[key])}>
      <input
        id={`entry-${key}`}
        type={type}
        value={form[key]}
        onChange={set(key)}
        autoComplete={autoComplete}
        list={list}
      />
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="card stack" aria-label={t('directory.myEntry')}>
      <h2>{t('directory.myEntry')}</h2>
      {field('name', 'text', 'name')}
      <Field
        id="entry-profession"
        label={t('directory.fields.profession')}
        error={errors.profession && t(errors.profession)}
      >
        <select id="entry-profession" value={form.profession} onChange={set('profession')}>
          <option value="">{t('profile.choose')}</option>
          {PROFESSIONS.map((p) => (
            <option key={p} value={p}>
              {t(`professions.${p}`)}
            </option>
          ))}
        </select>
      </Field>
      {field('professionalId')}
      <p className="muted small">{t('directory.professionalIdHint')}</p>
      {field('practiceName', 'text', 'organization')}
      {field('address', 'text', 'street-address')}
      {field('commune', 'text', 'address-level2', 'entry-communes')}
      <datalist id="entry-communes">
        {communes.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {field('phone', 'tel', 'tel')}
      {field('mssante', 'email')}
      {field('skills')}
      {field('languages')}
      {form.profession === 'medecin_generaliste' ? (
        <Field id="entry-accepts" label={t('directory.fields.acceptsNewPatients')}>
          <select id="entry-accepts" value={form.accepts} onChange={set('accepts')}>
            <option value="">{t('directory.accepts.unknown')}</option>
            <option value="yes">{t('directory.accepts.yes')}</option>
            <option value="no">{t('directory.accepts.no')}</option>
          </select>
        </Field>
      ) : null}
      <fieldset className="stack crisis-offer">
        <legend>{t('directoryCrisis.legend')}</legend>
        <label className="choice" htmlFor="entry-crisis-volunteer">
          <input
            id="entry-crisis-volunteer"
            type="checkbox"
            checked={volunteer}
            onChange={(e) => setVolunteer(e.target.checked)}
          />{' '}
          {t('directoryCrisis.volunteer')}
        </label>
        {volunteer ? (
          <>
            <TypologyChoices
              legend={t('directoryCrisis.typologies')}
              value={typologies}
              onChange={setTypologies}
              idPrefix="entry-crisis-typology"
            />
            <Field
              id="entry-crisisSkills"
              label={t('directoryCrisis.skills')}
              error={errors.crisis && t(errors.crisis)}
            >
              <input id="entry-crisisSkills" value={form.crisisSkills} onChange={set('crisisSkills')} />
            </Field>
            <Field
              id="entry-availability"
              label={t('directoryCrisis.availability')}
              hint={t('directoryCrisis.availabilityHint')}
            >
              <input id="entry-availability" value={form.availability} onChange={set('availability')} />
            </Field>
          </>
        ) : null}
      </fieldset>
      <div className="row">
        <button type="submit" className="primary">
          {t('directory.save')}
        </button>
        <button type="button" className="ghost" onClick={() => onDone(false)}>
          {t('directory.cancel')}
        </button>
      </div>
    </form>
  );
}
