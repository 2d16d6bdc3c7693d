// The studio form's copy of schema/trial.schema.json, adjusted at build time
// for react-jsonschema-form and its draft-07 AJV validator. The committed
// schema stays what editors (yaml-language-server) read; this copy only
// changes how fields are labelled and validated in the form, never what a
// trial may contain.
export type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `whyItMatters` → `Why it matters`: the form's labels are read by clinicians, not programmers. */
export function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function adjust(node: unknown, key?: string): unknown {
  if (Array.isArray(node)) return node.map((n) => adjust(n));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' && isObject(v)) out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, adjust(s, name)]));
    else out[k] = adjust(v);
  }
  // Draft 2020-12 tuples (zod's `prefixItems`) in the draft-07 form that AJV's default instance and RJSF know.
  if (Array.isArray(out.prefixItems)) {
    out.items = out.prefixItems;
    out.additionalItems = false;
    delete out.prefixItems;
  }
  // A default is help text here (and `x-default` for the checkbox's look): RJSF would otherwise write every
  // default into the user's YAML on the first edit.
  if ('default' in out) {
    const d = out.default;
    if (typeof d !== 'object' || d === null) {
      out.description = `${typeof out.description === 'string' ? `${out.description} ` : ''}Default: ${String(d)}.`;
      out['x-default'] = d;
    }
    delete out.default;
  }
  if (key !== undefined && out.title === undefined) out.title = humanise(key);
  // Names the choices of a quantity's kind ("events", "median", …) in the form's selector.
  const kind = isObject(out.properties) && isObject(out.properties.kind) ? out.properties.kind.const : undefined;
  if (typeof kind === 'string' && out.title === undefined) out.title = kind;
  return out;
}

export function formSchema(trialSchema: Json): Json {
  const out = adjust(trialSchema) as Json;
  // AJV's draft-07 instance does not load the 2020-12 meta-schema; nothing in the schema needs it.
  delete out.$schema;
  // The anyOf choices of a bullet: a sentence, or a sentence with reference numbers.
  labelBulletChoices(out);
  startNewEntriesWithAKind(out);
  return out;
}

/** Calls `visit` on every object in a JSON tree, parents before children. */
export function eachObject(node: unknown, visit: (o: Json) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => eachObject(n, visit));
  if (!isObject(node)) return;
  visit(node);
  for (const v of Object.values(node)) eachObject(v, visit);
}

/** A new arm entry (the map's Add button) starts as the first kind (`{ kind: events }`), not as an empty object. */
function startNewEntriesWithAKind(schema: Json): void {
  eachObject(schema, (node) => {
    const ap = node.additionalProperties;
    const first = isObject(ap) && Array.isArray(ap.oneOf) ? ap.oneOf[0] : undefined;
    const kind = isObject(first) && isObject(first.properties) && isObject(first.properties.kind) ? first.properties.kind.const : undefined;
    if (isObject(ap) && typeof kind === 'string') ap.default = { kind };
  });
}

function labelBulletChoices(schema: Json): void {
  eachObject(schema, (node) => {
    const any = node.anyOf;
    if (Array.isArray(any) && any.length === 2 && isObject(any[0]) && any[0].type === 'string' && isObject(any[1]) && isObject(any[1].properties) && 'refs' in any[1].properties) {
      any[0].title = 'Sentence';
      any[1].title = 'Sentence with references';
    }
  });
}
