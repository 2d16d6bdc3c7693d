// ClinicalTrials.gov v2 records → trial data, on the committed copies of four real records.
import { describe, expect, it } from 'vitest';
import { parseEligibility } from '../../src/import/ctgov/eligibility.js';
import { cleanTitle, matchGroup } from '../../src/import/ctgov/groups.js';
import { measureOf, readAnalysis } from '../../src/import/ctgov/analysis.js';
import { toQuantity } from '../../src/import/ctgov/measurement.js';
import { parsePValue, toNumber } from '../../src/import/ctgov/values.js';
import { studiesOf } from '../../src/import/ctgov/index.js';
import { CTGOV_FILES, fixture, importFile } from './ctgov-helpers.js';

describe('values', () => {
  it('reads the registry strings, NA as missing', () => {
    expect(toNumber('-2.13')).toBe(-2.13);
    expect(toNumber('NA')).toBeUndefined();
    expect(toNumber(97)).toBe(97);
    expect(parsePValue('<0.001')).toEqual({ op: '<', value: 0.001, text: 'P<0.001' });
    expect(parsePValue('=0.247')).toEqual({ op: '=', value: 0.247, text: 'P=0.247' });
    expect(parsePValue('0.058')).toEqual({ op: '=', value: 0.058, text: 'P=0.058' });
    expect(parsePValue('<=0.05')?.op).toBe('≤');
    expect(parsePValue('NS')).toBeUndefined();
  });

  it('maps paramType to our measures', () => {
    expect(measureOf('Odds Ratio (OR)')).toEqual({ measure: 'OR' });
    expect(measureOf('Hazard Ratio (HR)')).toEqual({ measure: 'HR' });
    expect(measureOf('Cox Proportional Hazard')).toEqual({ measure: 'HR', label: 'HR (Cox model)' });
    expect(measureOf('LS Mean Difference')).toEqual({ measure: 'MD', label: 'LS Mean Difference' });
    expect(measureOf('Percentage Difference')).toEqual({ measure: 'RD', label: 'Percentage Difference' });
    expect(measureOf('Difference')).toEqual({ measure: 'other', label: 'Difference' });
  });
});

describe('groups are matched by title and description, never by id', () => {
  const arms = [
    { id: 'certolizumab', label: 'Certolizumab Pegol 200 mg Q2W', description: 'Certolizumab pegol (CZP) 400 mg sc at Weeks 0, 2 and 4.' },
    { id: 'placebo', label: 'Placebo', description: 'Matching placebo.' },
  ];
  it('strips numbering and analysis-set suffixes', () => {
    expect(cleanTitle('2. Repaglinide')).toBe('Repaglinide');
    expect(cleanTitle('1 Placebo')).toBe('Placebo');
    expect(cleanTitle('Placebo (FAS)')).toBe('Placebo');
  });
  it('uses the abbreviation the arm description defines', () => {
    expect(matchGroup({ title: 'CZP 200 mg Q2W (FAS)' }, arms)).toMatchObject({ arm: { id: 'certolizumab' }, confidence: 'exact' });
  });
  it('refuses a switch group and flags a word-only match as likely', () => {
    expect(matchGroup({ title: 'Placebo->OL CZP (SS)' }, arms)).toBeUndefined();
    expect(matchGroup({ title: 'Patients Who Received Placebo' }, arms)).toMatchObject({ arm: { id: 'placebo' }, confidence: 'likely' });
  });
});

describe('eligibility text', () => {
  it('splits inclusion and exclusion, joins sub-bullets, ignores a stray indented heading', () => {
    const c = parseEligibility('Inclusion Criteria:\n\n1. Adult.\n2. Confirmed by either:\n\n   1. PCR; OR\n\n      Exclusion Criteria:\n   2. other.\n3. Consents.\n\nExclusion Criteria:\n\n1. Pregnant.\n2. \\> 5 times ULN.');
    expect(c.inclusion).toEqual(['Adult.', 'Confirmed by either:', 'PCR; OR', 'other.', 'Consents.']);
    expect(c.exclusions).toEqual(['Pregnant.', '> 5 times ULN.']);
    const footnote = parseEligibility('Key Exclusion Criteria:\n\n1. Pregnant.\n\nThe information listed above is not intended to contain all considerations relevant to a patient.');
    expect(footnote.exclusions).toEqual(['Pregnant.']);
  });
});

describe('measurements and analyses', () => {
  it('keeps NA with its comment and the CI level of the dispersion', () => {
    const r = toQuantity({ value: '24.0', lowerLimit: '15.0', upperLimit: 'NA', comment: 'no upper limit' }, { paramType: 'MEDIAN', dispersionType: '95% Confidence Interval', unitOfMeasure: 'Days' }, 500);
    expect(r.quantity).toMatchObject({ kind: 'median', median: 24, text: 'Median 24.0 Days (95% CI 15.0 to NA)' });
    expect(r.naComment).toBe('no upper limit');
  });
  it('turns counts of participants into events over the denominator', () => {
    expect(toQuantity({ value: '51' }, { paramType: 'COUNT_OF_PARTICIPANTS' }, 97).quantity).toEqual({ kind: 'events', events: 51, total: 97, percent: 52.6 });
  });
  it('keeps a 90% two-sided CI as 90%, and a one-sided one as one-sided', () => {
    const arms = [
      { id: 'dupilumab', names: ['Dupilumab 300 mg qw'] },
      { id: 'placebo', names: ['Placebo qw'] },
    ];
    const two = readAnalysis(
      { paramType: 'Percentage Difference', paramValue: '34.0', ciPctValue: '90', ciNumSides: 'TWO_SIDED', ciLowerLimit: '24.29', ciUpperLimit: '43.75', pValue: '<0.0001', nonInferiorityType: 'SUPERIORITY', estimateComment: 'Dupilumab 300 mg qw vs. Placebo qw' },
      arms,
    );
    expect(two.effect).toMatchObject({ measure: 'RD', unit: '%', estimate: 34, ci: { lower: 24.29, upper: 43.75, level: 0.9, sided: 2 }, text: 'Percentage Difference 34.0', ciText: '90% CI 24.29 to 43.75; P<0.0001' });
    expect(two.stated).toEqual({ arm: 'dupilumab', vs: 'placebo' });
    expect(two.hypothesis).toBe('superiority');
    const one = readAnalysis({ paramType: 'Mean Difference (Final Values)', paramValue: '1.2', ciPctValue: '97.5', ciNumSides: 'ONE_SIDED', ciLowerLimit: '-0.4', ciUpperLimit: 'NA', nonInferiorityType: 'NON_INFERIORITY' }, arms);
    expect(one.effect.ci).toBeUndefined();
    expect(one.effect.ciText).toBe('97.5% CI (one-sided) −0.4 to NA');
    expect(one.hypothesis).toBe('non-inferiority');
    const ni = readAnalysis({ paramType: 'Risk Difference (RD)', paramValue: '-2.1', nonInferiorityType: 'NON_INFERIORITY', nonInferiorityComment: 'The non-inferiority margin was \u221210 percentage points.' }, arms);
    expect(ni.margin).toEqual({ value: -10, text: 'The non-inferiority margin was \u221210 percentage points.' });
  });
});

describe.each(CTGOV_FILES)('%s', (file) => {
  it('imports, validates, and every posted primary outcome has per-arm values', () => {
    const r = importFile(fixture(file));
    const primaries = r.parsed.results.filter((o) => o.role === 'primary');
    expect(primaries.length).toBeGreaterThan(0);
    // Every primary row has values; analysed ones for every arm (C-AXSPAND's drug-level rows post the CZP arm only).
    for (const o of primaries) expect(Object.keys(o.arms).length).toBeGreaterThan(0);
    for (const o of primaries.filter((x) => x.effect)) expect(Object.keys(o.arms).length).toBe(r.parsed.arms.length);
    expect(r.parsed.sources?.results).toBe(`ctgov:${r.nctId}`);
  });
});

describe('ACTT-1 (NCT04280705, a {"studies": [...]} response)', () => {
  const r = importFile(fixture('trials_NCT04280705.json'));
  const t = r.parsed;
  it('unwraps the search response and orders experimental before placebo', () => {
    expect(r.nctId).toBe('NCT04280705');
    expect(t.arms.map((a) => [a.id, a.randomised])).toEqual([
      ['remdesivir', 541],
      ['placebo', 521],
    ]);
  });
  it('leads with Time to Recovery: medians with 95% CI and the Cox HR 1.29 (1.12-1.49), P<0.001', () => {
    const o = t.results[0]!;
    expect(o.name).toBe('Time to Recovery');
    expect(o.arms.remdesivir).toMatchObject({ kind: 'median', median: 10, text: 'Median 10 Days (95% CI 9 to 11)' });
    expect(o.arms.placebo).toMatchObject({ kind: 'median', median: 15 });
    expect(o.effect).toMatchObject({ measure: 'HR', estimate: 1.29, ci: { lower: 1.12, upper: 1.49, level: 0.95, sided: 2 }, p: { op: '<', value: 0.001 } });
  });
  it('puts subgroup analyses on the class they name', () => {
    const white = t.results.find((o) => o.name === 'Time to Recovery by Race: White');
    expect(white?.effect).toMatchObject({ estimate: 1.29, ci: { lower: 1.06, upper: 1.57 } });
    const other = t.results.find((o) => o.name === 'Time to Recovery by Race: Other');
    expect(other?.effect?.estimate).toBe(1.68);
    expect(other?.notes).toMatch(/NA, .*Klein and Moeschberger/);
  });
  it('asks a human about the headline, the ratio direction and the DERIVED main paper', () => {
    const codes = r.warnings.map((w) => w.code);
    expect(codes).toContain('CTGOV_DECIDE_HEADLINE');
    expect(r.warnings.find((w) => w.code === 'CTGOV_DECIDE_DIRECTION')?.message).toMatch(/"Time to Recovery"/);
    expect(r.mainPaperPmid).toBe('32445440');
    expect(t.bibliography.some((b) => b.text.includes('32445440'))).toBe(true);
  });
  it('adds deaths and serious adverse events as safety rows', () => {
    const sae = t.results.find((o) => o.name === 'Serious adverse events (any)');
    expect(sae).toMatchObject({ role: 'safety', arms: { remdesivir: { events: 131, total: 532 }, placebo: { events: 163, total: 516 } } });
    expect(t.results.find((o) => o.name === 'Deaths (all causes)')?.arms.remdesivir).toMatchObject({ events: 59, total: 541 });
  });
  it('stays under the row budget and names what it left out', () => {
    expect(t.results.length).toBeLessThanOrEqual(130);
    expect(r.warnings.find((w) => w.code === 'CTGOV_ROWS_LEFT_OUT')?.message).toMatch(/Ordinal Scale at Day 1"/);
  });
});

describe('dupilumab (NCT02210780): 90% CIs', () => {
  const t = importFile(fixture('NCT02210780.json')).parsed;
  it('keeps every analysis CI at 90%', () => {
    const effects = t.results.flatMap((o) => (o.effect ? [o.effect, ...o.otherEffects] : []));
    expect(effects.length).toBe(7);
    for (const e of effects) expect(e.ci?.level).toBe(0.9);
    for (const e of effects) expect(e.ciText).toMatch(/^90% CI /);
  });
  it('fills the control arm, each comparison (as the record states it) and the population', () => {
    expect(t.design.controlArm).toBe('placebo-qw');
    const e = t.results.find((o) => o.effect)!.effect!;
    expect(e.comparison).toEqual({ arm: 'dupilumab-300-mg-qw', vs: 'placebo-qw' });
    expect(e.population).toBe('ITT');
  });
  it('puts dupilumab first although the record lists placebo first', () => {
    expect(t.arms.map((a) => a.id)).toEqual(['dupilumab-300-mg-qw', 'placebo-qw']);
    expect(t.results[0]?.arms['dupilumab-300-mg-qw']).toMatchObject({ kind: 'percent', percent: 83.3 });
  });
});

describe('C-AXSPAND (NCT02552212): extra groups, DERIVED main paper', () => {
  const r = importFile(fixture('NCT02552212.json'));
  it('matches "CZP 200 mg Q2W (FAS)" to the certolizumab arm and leaves the open-label groups out', () => {
    const o = r.parsed.results[0]!;
    expect(o.effect).toMatchObject({ measure: 'OR', estimate: 15.231, ci: { lower: 7.336, upper: 31.623, level: 0.95 }, p: { op: '<', value: 0.001 } });
    expect(r.warnings.some((w) => w.code === 'CTGOV_GROUP_UNMATCHED' && w.message.includes('Placebo->OL CZP (SS)'))).toBe(true);
  });
  it('reads the stated direction "CZP/Placebo" and the P "=0.247"', () => {
    const p247 = r.parsed.results.flatMap((o) => (o.effect ? [o.effect, ...o.otherEffects] : [])).find((e) => e.p?.value === 0.247);
    expect(p247?.p).toMatchObject({ op: '=', value: 0.247 });
  });
  it('guesses the DERIVED 2019 paper as the main one, not the later RESULT papers', () => {
    expect(r.mainPaperPmid).toBe('30848558');
  });
  it('keeps the "Total Title" column in the baseline table', () => {
    expect(r.parsed.baseline?.rows[0]).toMatchObject({ name: 'Participants (n)', total: '317' });
  });
});

describe('repaglinide pilot (NCT00763412): no analyses, titles that differ across modules', () => {
  const r = importFile(fixture('NCT00763412.json'));
  it('matches "2. Repaglinide" and "Patients Who Received Repaglinide" with a warning', () => {
    expect(r.parsed.arms.map((a) => a.label)).toEqual(['Repaglinide', 'Placebo']);
    expect(r.warnings.filter((w) => w.code === 'CTGOV_GROUP_LIKELY')).toHaveLength(2);
    expect(r.parsed.results[0]?.arms.repaglinide).toMatchObject({ kind: 'mean', text: expect.stringMatching(/\(range .+ to .+\)$/) });
  });
});

it('refuses JSON that is not a registry record', () => {
  expect(() => studiesOf({ hello: 1 })).toThrow(/protocolSection/);
  expect(() => studiesOf({ studies: [] })).toThrow(/no studies/);
});
