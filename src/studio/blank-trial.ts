// "Start a new trial in the form": the smallest trial the schema asks for,
// every value left empty. Shown in the Form tab, each empty field carries its
// help text and, after the first build, its own error ("expected …"), so the
// Problems list is the checklist of what is still to fill in.
export const BLANK_TRIAL = `# A new trial. Fill in each field (the Form tab shows what each one means);
# the Problems list names every field still missing.
publication:
  title: ""
  acronym: ""
  year:
  journal: ""
  citation: ""
design:
  intervention:
    name: ""
  comparator:
    name: ""
arms:
  - id: intervention
    label: ""
    randomised:
  - id: control
    label: ""
    randomised:
results:
  - name: ""
    role: primary
    arms:
      intervention:
        kind: events
        events:
        total:
      control:
        kind: events
        events:
        total:
`;
