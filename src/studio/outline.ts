// "Start from a blank outline": the summary format's headings with a prompt
// under each, for a clinician who has the paper but no summary yet. Every
// prompt is a line to overwrite; the importer says what is still missing.
export const SUMMARY_OUTLINE = `Publication
- Title: <the paper's full title>
- Acronym: <TRIAL>
- Year: <2025>
- Journal published in: <journal>
- Citation: <Authors. Title. Journal. Year;Volume(Issue):pages.>
Context & Rationale
-
Background
- <what was known before this trial>
-
Research Question/Hypothesis
- <the question, in PICO form>
-
Why This Matters
- <why the answer changes care>
Design & Methods
- Research Question: <population, intervention, comparison, outcome>
- Study Type: <randomised, multicentre, double-blind, parallel-group trial in …>
- Population:
- Setting: <where and when>
- Key inclusion: <who could take part>
- Key exclusions (high-yield): <who could not>
- Intervention:
- <what the intervention arm received>
- Comparison:
- <what the control arm received>
- Blinding: <who was blinded>
- Statistics: <sample size, power, primary analysis>
- Follow-Up Period: <how long>
Key Results
<Was the trial stopped early? How many were enrolled of those planned?>
| Outcome | Intervention | Control | Effect | p value / 95% CI | Notes |
|---|---|---|---|---|---|
| <primary outcome> (primary) | <events>/<total> (<%>) | <events>/<total> (<%>) | RR <value> | 95% CI <low> to <high>; P=<p> | |
Internal Validity
- Randomisation: <how, and was allocation concealed?>
External Validity
- Population: <how typical were the patients?>
Strengths & Limitations
- Strengths: <…>
- Limitations: <…>
Interpretation & Why It Matters
- <what this means for practice>
Summary
- <one-line summary>
Overall Takeaway
<the bottom line, in one or two sentences>
Overall Summary
- <three bullets a resident can repeat>
Bibliography
1. <reference cited in the text>
`;
