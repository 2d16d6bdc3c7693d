// RJSF's select, with an accessible name when it has no <label>: the
// selector of a oneOf/anyOf choice (an arm's quantity kind, a bullet's
// sentence-or-references) comes without one, and axe fails the page for it.
import { enumOptionsIndexForValue, enumOptionsValueForIndex, type WidgetProps } from '@rjsf/utils';
import type { ChangeEvent } from 'react';

export function SelectWidget(props: WidgetProps) {
  const { id, options, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, label, placeholder, schema, rawErrors } = props;
  const { enumOptions = [], emptyValue } = options;
  const selected = enumOptionsIndexForValue(value, enumOptions, false);
  const isChoice = /__(one|any)of_select$/.test(id);
  const read = (e: { target: { value: string } }) => enumOptionsValueForIndex(e.target.value, enumOptions, emptyValue);
  return (
    <select
      id={id}
      name={id}
      className="form-control"
      aria-label={isChoice ? `${label}: kind of entry` : undefined}
      aria-invalid={rawErrors?.length ? true : undefined}
      value={typeof selected === 'undefined' || Array.isArray(selected) ? '' : String(selected)}
      required={required}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(read(e))}
      onBlur={(e) => onBlur(id, read(e))}
      onFocus={(e) => onFocus(id, read(e))}
    >
      {schema.default === undefined && <option value="">{placeholder}</option>}
      {enumOptions.map((o, i) => (
        <option key={i} value={String(i)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
