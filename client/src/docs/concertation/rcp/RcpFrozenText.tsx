// One field of a fiche whose decision is reported: the text as it was reported, read-only, whatever a device that did
// not know yet typed into the live field afterwards (kept in the case's history, never shown as the fiche's).
interface Props {
  field: string;
  label: string;
  text: string;
}

export function RcpFrozenText({ field, label, text }: Props) {
  const labelId = `rcp-${field}-label`;
  return (
    <div className="stack tight rcp-field">
      <span id={labelId} className="label">
        {label}
      </span>
      <div className="rcp-editor">
        <div
          role="textbox"
          aria-labelledby={labelId}
          aria-multiline="true"
          aria-readonly="true"
          contentEditable={false}
          className="prose rcp-text"
          data-testid={`rcp-${field}`}
        >
          {text.split('\n').map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      </div>
    </div>
  );
}
