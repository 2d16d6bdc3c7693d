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
import { SelectWidget } from './form-select.js';
import { formTemplates } from './form-templates.js';
import { diffData, type Change } from './yaml-sync.js';

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

// `$schema` is for editors (yaml-language-server), not for people.
const uiSchema = { 'ui:submitButtonOptions': { norender: true }, $schema: { 'ui:widget': 'hidden' } };
// No defaults written into the user's data: schema defaults are help text (form-schema.ts).
const widgets = { SelectWidget };

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
    const changes = diffData(state.data, e.formData);
    if (!changes.length) return;
    publish({ ...state, data: e.formData });
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
        const target = document.getElementById(id) ?? container.querySelector<HTMLElement>(`[id^="${CSS.escape(id + ID_SEPARATOR)}"]:is(input, select, textarea, button)`);
        if (target && target !== container) {
          target.focus();
          target.scrollIntoView({ block: 'center' });
          return true;
        }
      }
      return false;
    },
  };
}
