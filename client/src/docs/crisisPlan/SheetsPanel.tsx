// The five typology sheets: choose one, write its triggers, objectives, resources, messages and link with hospitals,
// and its actions (what, who, when); each prints as a one-page checklist.
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  addSheetAction,
  CRISIS_TYPOLOGIES,
  listSheetActions,
  readTypologySheet,
  removeSheetAction,
  SHEET_FIELDS,
  updateSheetAction,
  updateTypologySheet,
  type CrisisTypology,
} from '@maillage/shared';
import { PlanTextField } from './PlanTextField';
import { RowForm } from './RowForm';
import { EditableTable } from './EditableTable';

export function SheetsPanel({
  doc,
  readOnly,
  workspaceId,
  docId,
}: {
  doc: Y.Doc;
  readOnly: boolean;
  workspaceId: string;
  docId: string;
}) {
  const { t } = useTranslation();
  const [typology, setTypology] = useState<CrisisTypology>('blesses');
  const sheet = readTypologySheet(doc, typology);
  const actions = listSheetActions(doc, typology);
  const s = (key: string) => t(`crisisPlan.sheets.${key}`);
  return (
    <section className="card stack" id="plan-sheets" aria-labelledby="plan-sheets-title">
      <h2 id="plan-sheets-title">{s('title')}</h2>
      <div className="row wrap">
        <div className="field grow">
          <label htmlFor="plan-sheet-choice">{s('choose')}</label>
          <select
            id="plan-sheet-choice"
            value={typology}
            onChange={(e) => setTypology(e.target.value as CrisisTypology)}
          >
            {CRISIS_TYPOLOGIES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`crisisPlan.typologyShort.${ty}`)}
              </option>
            ))}
          </select>
        </div>
        <Link
          className="button"
          to="/w/$workspaceId/plan-de-crise/$docId/impression"
          params={{ workspaceId, docId }}
          search={{ fiche: typology }}
        >
          {s('print')}
        </Link>
      </div>
      <h3>{t('crisisPlan.sheets.sheetTitle', { name: t(`crisisPlan.typologies.${typology}`) })}</h3>
      {/* Keyed by typology: a field never shows the draft of another sheet. */}
      <div className="stack" key={typology}>
        {SHEET_FIELDS.map((field) => (
          <PlanTextField
            key={field}
            id={`plan-sheet-${field}`}
            label={s(`fields.${field}`)}
            value={sheet[field]}
            readOnly={readOnly}
            multiline
            onSave={(value) => updateTypologySheet(doc, typology, { [field]: value })}
          />
        ))}
        <h4>{s('actions')}</h4>
        <EditableTable
          idPrefix="plan-action"
          caption={s('actions')}
          empty={s('empty')}
          rows={actions}
          columns={[
            { key: 'what', label: s('what'), wide: true },
            { key: 'who', label: s('who') },
            { key: 'when', label: s('when') },
          ]}
          readOnly={readOnly}
          cellLabel={(column, a) => t('crisisPlan.sheets.cellLabel', { column, what: a.what })}
          onSave={(a, f, value) => updateSheetAction(doc, a.id, { ...a, [f]: value })}
          rowName={(a) => a.what}
          removeLabel={(a) => t('crisisPlan.sheets.remove', { what: a.what })}
          onRemove={(a) => removeSheetAction(doc, a.id)}
        />
        {readOnly ? null : (
          <RowForm
            id="plan-action-new"
            fields={[
              { key: 'what', label: s('what') },
              { key: 'who', label: s('who') },
              { key: 'when', label: s('when'), hint: s('whenHint') },
            ]}
            submitLabel={s('add')}
            onAdd={(input) => addSheetAction(doc, typology, input)}
          />
        )}
      </div>
    </section>
  );
}
