// A labelled <select> for GET filter forms (audit log, review queue): the first option
// is "no filter" (empty value), the rest come from the page.
type FilterSelectProps = {
  id: string;
  label: string;
  value: string | undefined;
  anyLabel: string;
  options: ReadonlyArray<{ value: string; label: string }>;
};

export function FilterSelect({ id, label, value, anyLabel, options }: FilterSelectProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={id}
        defaultValue={value ?? ""}
        className="rounded-md border border-stone-400 bg-white px-2 py-1.5 text-sm"
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
