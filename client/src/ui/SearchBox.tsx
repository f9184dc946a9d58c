// A list's search field: named for screen readers by its label, which also shows inside it until something is typed
// (the lists' filters sit on one line: no room for a label above). It hands back the text, not the event.
export function SearchBox({
  label,
  placeholder = label,
  value,
  onChange,
}: {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <input
      type="search"
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
