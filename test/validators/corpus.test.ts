import { describe, expect, it } from 'vitest';
import { generateApp } from '../../plugins/generator-templates/generate.ts';
import { parsePrompt } from '../../plugins/parser/parse.ts';
import { validateProject, type Finding, type GeneratedFile } from '../../plugins/validators/index.ts';
import { DEFECTS } from './corpus/defects.ts';

/**
 * The seeded-defect corpus: a generated project of each kind, validated clean (no finding), then
 * with every defect that applies to the kind planted, each in its own file (or, for the
 * dependency, in package.json). Each must be found at its file and line by its rule; any other
 * finding is a false positive. Static checks only, with the real npm registry (an unreachable
 * one leaves an `info` finding and the look-alike warning). Prints recall and false positives.
 */
const KINDS = [
  { kind: 'react-spa', prompt: 'Create a todo app with React', codeDir: 'src', typescript: true, react: true },
  { kind: 'rest-api', prompt: 'a REST API for a bookstore with books and authors', codeDir: 'src', typescript: true, react: false },
  { kind: 'fullstack', prompt: 'a full-stack recipe manager with a React frontend and an API', codeDir: 'client/src', typescript: true, react: true },
  { kind: 'cli', prompt: 'a command-line tool to convert csv files to json', codeDir: 'src', typescript: true, react: false },
  { kind: 'static-site', prompt: 'a static website for a bakery with home, menu, about and contact pages', codeDir: 'src', typescript: false, react: false },
] as const;

const problems = (findings: readonly Finding[]) => findings.filter((finding) => finding.severity !== 'info');
const allFindings = async (files: GeneratedFile[]) => (await validateProject(files)).checks.flatMap((check) => check.findings);
const place = (finding: Finding) => `${finding.file ?? '-'}:${finding.line ?? '-'} ${finding.rule ?? ''} ${finding.message.slice(0, 100)}`;

const tally = { planted: 0, found: 0, falsePositives: 0, cleanFindings: 0 };

describe.sequential('seeded-defect corpus', () => {
  for (const app of KINDS) {
    it(`${app.kind}: clean when generated, and every planted defect found at its place`, async () => {
      const clean = generateApp(parsePrompt(app.prompt).spec);
      const cleanFindings = problems(await allFindings(clean));
      tally.cleanFindings += cleanFindings.length;
      expect(cleanFindings.map(place)).toEqual([]);

      let files = clean;
      const planted: Array<{ name: string; file: string; line: number; rules: readonly string[] }> = [];
      for (const defect of DEFECTS) {
        if ((defect.needs === 'typescript' && !app.typescript) || (defect.needs === 'react' && !app.react)) continue;
        const result = defect.plant(files, app.codeDir, app.typescript);
        files = result.files;
        planted.push({ name: defect.name, file: result.file, line: result.line, rules: defect.rules });
      }
      const findings = problems(await allFindings(files));
      const matches = (finding: Finding, defect: (typeof planted)[number]) =>
        finding.file === defect.file && finding.line === defect.line && defect.rules.includes(finding.rule ?? '');
      const missed = planted.filter((defect) => !findings.some((finding) => matches(finding, defect)));
      const extra = findings.filter((finding) => !planted.some((defect) => matches(finding, defect)));
      tally.planted += planted.length;
      tally.found += planted.length - missed.length;
      tally.falsePositives += extra.length;
      console.log(
        `corpus ${app.kind}: ${planted.length - missed.length}/${planted.length} defects found, ${extra.length} false positives` +
          (missed.length > 0 ? `; missed: ${missed.map((defect) => defect.name).join(', ')}` : '') +
          (extra.length > 0 ? `; extra: ${extra.map(place).join(' | ')}` : ''),
      );
      expect(missed.map((defect) => defect.name)).toEqual([]);
      expect(extra.map(place)).toEqual([]);
    }, 300_000);
  }

  it('prints recall and false positives over the corpus', () => {
    const recall = tally.planted === 0 ? 0 : tally.found / tally.planted;
    console.log(JSON.stringify({ corpus: { planted: tally.planted, found: tally.found, recall: Number(recall.toFixed(3)), falsePositives: tally.falsePositives, cleanProjectFindings: tally.cleanFindings } }));
    expect(tally.planted).toBeGreaterThan(0);
  });
});
