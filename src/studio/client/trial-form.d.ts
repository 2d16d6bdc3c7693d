// Made by src/build-tools/bundle-studio.ts from schema/trial.schema.json while bundling.
declare module 'trial-form:schema' {
  const schema: Record<string, unknown>;
  export default schema;
}
declare module 'trial-form:validators' {
  const validators: Record<string, unknown>;
  export = validators;
}
