// The Form tab: a react-jsonschema-form generated from schema/trial.schema.json
// (via src/studio/form-schema.ts at build time). Bundled on its own as
// form.js and loaded only when the tab is first shown, so the page without it
// stays as light as before. The form never validates on its own: the build's
// notes (our validation, with the checks) are shown at the fields they name.
import Form, { type IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js';
import { memo, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import schemaJson from 'trial-form:schema';
import * as validateFns from 'trial-form:validators';
import type { Note } from '../protocol.js';
import { errorTree, existingPrefix, fieldId, ID_PREFIX, ID_SEPARATOR, parsePath, type ErrorTree } from './error-paths.js';
import { CheckboxWidget, SelectWidget, TextWidget, takeKindPick, type KindPick } from './form-widgets.js';
import { formTemplates } from './form-templates.js';
import { applyToData, diffData, type Change } from './yaml-sync.js';

// For editor-tabs.ts, which loads this file only when the Form tab is first shown.
export { applyChange } from './yaml-sync.js';
export { parse as parseYaml } from 'yaml';

const schema = schemaJson as RJSFSchema;
// RJSF uses the validator to pick each oneOf branch (an arm's quantity kind), so it must be the real one:
// AJV's standalone code, compiled at build time, since the page's CSP forbids `new Function`.
const validator = createPrecompiledValidator(validateFns as unknown as Parameters<typeof createPrecompiledValidator>[0], schema) as ValidatorType;

export interface FormHandle {
  /** New data from the YAML (a parse that failed keeps the form as it was: not called). */
  setData(data: unknown): void;
  setNotes(notes: readonly Note[]): void;
  /** Moves focus to the control of `path` (or its nearest existing parent); false when the form has none. */
  focus(path: string): boolean;
}

interface State {
  data: unknown;
  errors: ErrorTree;
}

// `$schema` is for editors (yaml-language-server), not for people. An arm entry's `kind` is chosen with the
// selector above its fields; as a text box too it could only be typed wrong.
const hidden = { 'ui:widget': 'hidden' };
const uiSchema = {
  'ui:submitButtonOptions': { norender: true },
  $schema: hidden,
  results: { items: { arms: { additionalProperties: { kind: hidden } } } },
};
const widgets = { SelectWidget, CheckboxWidget, TextWidget };
const CONTROLS = 'input:not([type="hidden"]), select, textarea, button';

// No defaults written into the user's data: schema defaults are help text (form-schema.ts). The one default that
// is data, an arm entry's `kind`, is put in by withPickedKind.
const defaults = { emptyObjectFields: 'skipDefaults', arrayMinItems: { populate: 'never' }, constAsDefaults: 'always' } as const;

export function mountForm(container: HTMLElement, onEdit: (changes: Change[]) => void): FormHandle {
  let state: State = { data: {}, errors: {} };
  let notes: readonly Note[] = [];
  const listeners = new Set<() => void>();
  const publish = (next: State): void => {
    state = next;
    for (const l of listeners) l();
  };
  const subscribe = (l: () => void): (() => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };

  const onChange = (e: IChangeEvent): void => {
    const changes = withPickedKind(diffData(state.data, e.formData), takeKindPick());
    if (!changes.length) return;
    // The form's own data, with only what withPickedKind added: a cleared field's key stays in it (undefined), so
    // the field typed again returns to its place (diffData's `before`).
    publish({ ...state, data: changes.filter((c) => c.op === 'set').reduce(applyToData, e.formData as unknown) });
    onEdit(changes);
  };

  const TrialForm = memo(function TrialForm() {
    const { data, errors } = useSyncExternalStore(subscribe, () => state);
    return (
      <Form
        schema={schema}
        validator={validator}
        formData={data}
        onChange={onChange}
        extraErrors={errors as never}
        uiSchema={uiSchema}
        idPrefix={ID_PREFIX}
        idSeparator={ID_SEPARATOR}
        templates={formTemplates}
        widgets={widgets}
        noHtml5Validate
        showErrorList={false}
        experimental_defaultFormStateBehavior={defaults}
      />
    );
  });

  const root = createRoot(container);
  // Synchronous, so the first render's time can be measured and the form is there when the tab shows.
  flushSync(() => root.render(<TrialForm />));

  return {
    setData(data) {
      if (!diffData(state.data, data).length) return;
      // At once, not on React's schedule: the form is complete when the tab shows it (and its render can be timed).
      flushSync(() => publish({ data, errors: errorTree(notes, data) }));
    },
    setNotes(next) {
      notes = next;
      publish({ ...state, errors: errorTree(notes, state.data) });
    },
    focus(path) {
      const segs = parsePath(path);
      if (!segs) return false;
      const prefix = existingPrefix(segs, state.data);
      for (let n = prefix.length; n >= 0; n--) {
        const id = fieldId(prefix.slice(0, n));
        // An object or a list has no control of its own (its fieldset may carry the id): its first control stands in.
        const own = document.getElementById(id);
        const target = own?.matches(CONTROLS) ? own : (own?.querySelector<HTMLElement>(CONTROLS) ?? container.querySelector<HTMLElement>(`[id^="${CSS.escape(id + ID_SEPARATOR)}"]:is(${CONTROLS})`));
        if (target) {
          target.focus();
          target.scrollIntoView({ block: 'center' });
          return true;
        }
      }
      return false;
    },
  };
}

/**
 * Picking another kind for an arm's entry (events → count) gives RJSF's new
 * value without its `kind`: with defaults off it does not write the option's
 * const. The option's title is that kind (form-schema.ts), so it is added here.
 */
function withPickedKind(changes: Change[], pick: KindPick | undefined): Change[] {
  if (!pick) return changes;
  return changes.map((c) => {
    const v = c.op === 'set' ? c.value : undefined;
    if (c.op !== 'set' || `${fieldId(c.path)}__oneof_select` !== pick.id || typeof v !== 'object' || v === null || 'kind' in v) return c;
    return { ...c, value: { kind: pick.kind, ...v } };
  });
}
