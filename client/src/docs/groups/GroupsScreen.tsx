// Groupes de travail : create a group (theme, lead), choose its members from the annuaire (a removal can be undone),
// attach its documents; once there are several, search them (name, theme, members) and sort them (name, size).
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newDocId, saveGroup, setGroupMember, upsertCatalogueEntry, type Group } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { Field } from '../../ui/Field';
import { FilterSelect } from '../../ui/FilterSelect';
import { SearchBox } from '../../ui/SearchBox';
import { Toast, useToast } from '../../ui/Toast';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useDirectory } from '../directory/DirectoryContext';
import { useCatalogue } from '../catalogue/useCatalogue';
import { GroupCard } from './GroupCard';
import { GROUP_SORTS, groupList, type GroupSort } from './groupList';
import { useGroups } from './GroupsContext';
import '../../workspace/peopleStrings';

export default function GroupsScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const { governance, groups } = useGroups();
  const catalogue = useCatalogue(workspaceId);
  const { members, names } = useDirectory();
  const { role } = useWorkspace();
  const canWrite = role !== 'observer';
  const [form, setForm] = useState({ name: '', theme: '', lead: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<GroupSort>('name');
  const { toast, show, close } = useToast();

  const documents = useMemo(() => catalogue.items.filter((i) => !i.deletedAt), [catalogue.items]);
  const shown = useMemo(() => groupList(groups, names, query, sort), [groups, names, query, sort]);

  const setMember = (group: Group, memberId: string, isMember: boolean) => {
    if (!governance) return;
    setGroupMember(governance.doc, group.groupId, memberId, isMember);
    if (isMember) return;
    show({
      message: t('groups.removed', {
        name: names.get(memberId) || t('groups.unknownMember'),
        group: group.name,
      }),
      actionLabel: t('groups.undo'),
      action: () => setGroupMember(governance.doc, group.groupId, memberId, true),
      focus: true,
    });
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (!governance) return;
    const result = saveGroup(governance.doc, newDocId(), {
      name: form.name,
      theme: form.theme,
      lead: form.lead || null,
    });
    if (!result.ok) return setErrors(Object.fromEntries(result.errors.map((e) => [e.field, e.message])));
    setErrors({});
    setForm({ name: '', theme: '', lead: '' });
  };

  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="page stack">
        <h1>{t('groups.title')}</h1>
        {groups.length === 0 ? <p className="empty">{t(canWrite ? 'groups.empty' : 'groups.emptyReader')}</p> : null}
        {groups.length > 1 || query ? (
          <div className="row filters" role="search">
            <SearchBox label={t('groups.search')} value={query} onChange={setQuery} />
            <FilterSelect
              id="groups-sort"
              label={t('groups.sortBy')}
              value={sort}
              choices={GROUP_SORTS.map((key) => ({ value: key, label: t(`groups.sort.${key}`) }))}
              onChange={setSort}
            />
            <span className="muted" role="status">
              {t('groups.count', { count: shown.length })}
            </span>
          </div>
        ) : null}
        {groups.length > 0 && shown.length === 0 ? <p className="empty">{t('groups.noMatch', { query })}</p> : null}
        {governance
          ? shown.map((group) => (
              <GroupCard
                key={group.groupId}
                group={group}
                workspaceId={workspaceId}
                names={names}
                members={members}
                documents={documents}
                canWrite={canWrite}
                canAttach={role === 'coordinator'}
                onMember={(memberId, isMember) => setMember(group, memberId, isMember)}
                onAttach={(docId) =>
                  catalogue.opened && upsertCatalogueEntry(catalogue.opened.doc, docId, { groupId: group.groupId })
                }
              />
            ))
          : null}
        {canWrite ? (
          <form onSubmit={create} noValidate className="card stack" aria-labelledby="group-create">
            <h2 id="group-create">{t('groups.create')}</h2>
            <Field id="group-name" label={t('groups.name')} error={errors.name && t(errors.name)}>
              <input id="group-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
            </Field>
            <Field id="group-theme" label={t('groups.theme')} error={errors.theme && t(errors.theme)}>
              <input
                id="group-theme"
                value={form.theme}
                placeholder={t('groups.themePlaceholder')}
                onChange={(e) => setForm({ ...form, theme: e.target.value })}
              />
            </Field>
            <Field id="group-lead" label={t('groups.lead')}>
              <select id="group-lead" value={form.lead} onChange={(e) => setForm({ ...form, lead: e.target.value })}>
                <option value="">{t('groups.noLead')}</option>
                {members.map((m) => (
                  <option key={m.memberId} value={m.memberId}>
                    {m.name}
                  </option>
                ))}
              </select>
            </Field>
            <button type="submit" className="primary" disabled={!governance}>
              {t('groups.submit')}
            </button>
          </form>
        ) : null}
      </div>
      <Toast toast={toast} onClose={close} />
    </Layout>
  );
}
