// Widgets that replace RJSF's defaults. The select gets an accessible name
// when it has no <label>: the selector of a oneOf/anyOf choice (an arm's
// quantity kind, a bullet's sentence-or-references) comes without one, and
// axe fails the page for it. The checkbox shows the schema's default when the
// YAML leaves the field out (`reported` is true unless it says false). Long
// text (a citation, a bullet) gets a text area, which also keeps line breaks
// that a one-line input would drop.
import { ariaDescribedByIds, enumOptionsIndexForValue, enumOptionsValueForIndex, getTemplate, type WidgetProps } from '@rjsf/utils';
import { useState, type ChangeEvent } from 'react';

export interface KindPick {
  id: string;
  kind: string;
}
let lastPick: KindPick | undefined;

/** The oneOf option just picked in a selector (its label is the entry's kind), once: form.tsx's withPickedKind. */
export function takeKindPick(): KindPick | undefined {
  const pick = lastPick;
  lastPick = undefined;
  return pick;
}

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
      onChange={(e: ChangeEvent<HTMLSelectElement>) => {
        const label = enumOptions[Number(e.target.value)]?.label;
        lastPick = id.endsWith('__oneof_select') && label ? { id, kind: label } : undefined;
        onChange(read(e));
      }}
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

export function CheckboxWidget(props: WidgetProps) {
  const { id, value, label, disabled, readonly, autofocus, onChange, onBlur, onFocus, schema } = props;
  const fallback = (schema as { 'x-default'?: unknown })['x-default'] === true;
  const checked = typeof value === 'boolean' ? value : fallback;
  return (
    <div className="checkbox">
      {schema.description && <p className="field-description" id={`${id}__description`}>{schema.description}</p>}
      <label>
        <input
          type="checkbox"
          id={id}
          name={id}
          checked={checked}
          disabled={disabled || readonly}
          autoFocus={autofocus}
          aria-describedby={schema.description ? `${id}__description` : undefined}
          onChange={(e) => onChange(e.target.checked)}
          onBlur={(e) => onBlur(id, e.target.checked)}
          onFocus={(e) => onFocus(id, e.target.checked)}
        />{' '}
        <span>{label}</span>
      </label>
    </div>
  );
}

export function TextWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, options, registry } = props;
  // Once long, a field stays a text area, and never switches while focused: a new element would take the focus away.
  const [long, setLong] = useState(false);
  const isLong = typeof value === 'string' && (value.includes('\n') || value.length > 90);
  if (isLong && !long && document.activeElement?.id !== id) setLong(true);
  if (!long) {
    const BaseInputTemplate = getTemplate('BaseInputTemplate', registry, options);
    return <BaseInputTemplate {...props} />;
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <textarea
      id={id}
      name={id}
      className="form-control"
      value={text}
      rows={Math.min(8, Math.ceil(text.length / 65) + text.split('\n').length - 1)}
      required={required}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}
