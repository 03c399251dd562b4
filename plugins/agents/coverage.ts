import { notBuiltSentence } from '../parser/behaviours/schema.ts';
import type { Knowledge } from '../parser/registry.ts';
import type { AppSpec } from '../parser/spec.ts';
import type { Finding, ProjectFile } from './schemas.ts';

export interface Coverage {
  /** How many things the request asked for: the app, its entities, pages and behaviours, and what the parser could not map. */
  asked: number;
  built: number;
  /** One sentence per thing asked for and not built. */
  notBuilt: string[];
  findings: Finding[];
}

const CODE = /\.(ts|tsx|js|jsx|mjs|html|css|sql)$/;
const TEST = /(^|\/)(test|tests|__tests__)\/|\.(test|spec)\.[cm]?[jt]sx?$/;

/**
 * Checks the project against the request, not only against itself: every behaviour asked for
 * must show in the code (each behaviour's evidence patterns, all of them, in non-test files),
 * and everything the parser already knew it could not build counts as asked and not built.
 */
export function checkCoverage(spec: AppSpec, files: readonly ProjectFile[], knowledge: Knowledge): Coverage {
  const code = files.filter((file) => CODE.test(file.path) && !TEST.test(file.path)).map((file) => file.content);
  const notBuilt: string[] = [];
  let built = 0;
  for (const id of spec.behaviours) {
    const behaviour = knowledge.behaviour(id);
    if (behaviour === undefined) {
      notBuilt.push(`${id}: not built — no generator knows this behaviour.`);
      continue;
    }
    const present = behaviour.evidence.every((pattern) => code.some((content) => pattern.test(content)));
    if (present) built++;
    else notBuilt.push(notBuiltSentence(behaviour));
  }
  for (const entity of spec.entities) {
    const mentioned = code.some((content) => content.includes(entity.name) || content.toLowerCase().includes(entity.plural.toLowerCase()));
    if (mentioned) built++;
    else notBuilt.push(`${entity.name}: not built — the spec lists it but no code handles ${entity.plural.toLowerCase()}.`);
  }
  for (const page of spec.pages) {
    if (files.some((file) => file.path.endsWith(`${page.slug}.html`))) built++;
    else notBuilt.push(`${page.title} page: not built — the site has no ${page.slug}.html.`);
  }
  // The app itself counts once, so a request that only adds unmet extras does not score zero.
  if (code.length > 0) built++;
  else notBuilt.push('The app: not built — the project has no code.');
  notBuilt.push(...spec.unresolved);
  const asked = 1 + spec.behaviours.length + spec.entities.length + spec.pages.length + spec.unresolved.length;
  const findings = notBuilt.map((message): Finding => ({ severity: 'warning', message }));
  return { asked, built, notBuilt, findings };
}

/**
 * The run's score: the validators' score scaled by the share of the request that was built,
 * so a clean project that leaves out half of what was asked for scores 50, and 100 means the
 * checks passed and everything asked for is there.
 */
export function requestScore(coverage: Pick<Coverage, 'asked' | 'built'>, validationScore = 100): number {
  const share = coverage.asked === 0 ? 1 : coverage.built / coverage.asked;
  return Math.round(validationScore * share);
}
