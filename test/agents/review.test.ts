import { describe, expect, it } from 'vitest';
import { planModules } from '../../plugins/agents/architect.ts';
import { checkCoverage, requestScore } from '../../plugins/agents/coverage.ts';
import { reviewProject } from '../../plugins/agents/review.ts';
import type { ProjectFile } from '../../plugins/agents/schemas.ts';
import { generateApp } from '../../plugins/generator-templates/generate.ts';
import { parsePrompt } from '../../plugins/parser/parse.ts';
import { knowledge } from '../../plugins/parser/registry.ts';

/** Generates the project the offline templates write for a prompt, as the workflow would. */
function project(prompt: string) {
  const { spec } = parsePrompt(prompt);
  const files = generateApp(spec) as ProjectFile[];
  return { spec, files, plan: planModules(spec, files.map((file) => file.path)) };
}

describe('reviewer against the request', () => {
  it('scores 100 when everything asked for is built', () => {
    const { spec, files, plan } = project('a REST API for a bookstore with books and authors');
    const coverage = checkCoverage(spec, files, knowledge);
    expect(coverage.notBuilt).toEqual([]);
    expect(coverage.built).toBe(coverage.asked);
    expect(requestScore(coverage, 100)).toBe(100);
    expect(reviewProject(spec, plan, files).filter((finding) => finding.message.includes('not built'))).toEqual([]);
  });

  it('turns each behaviour without its evidence in the code into a finding in a sentence, and lowers the score', () => {
    const { spec, files, plan } = project('A URL shortener API that redirects short codes and counts clicks');
    // The same project with the redirect taken out of the code, as a generator that cannot build it would write it.
    const without = files.map((file) => ({ ...file, content: file.content.replace(/\b30[1278]\b/g, '200').replace(/clicks/gi, 'visits') }));
    const coverage = checkCoverage(spec, without, knowledge);
    expect(coverage.notBuilt).toEqual(['Redirects with click counting: not built — short codes do not redirect to their URL and clicks are not counted.']);
    expect(coverage.asked).toBe(3); // the app, the Link entity, redirect-clicks
    expect(requestScore(coverage, 100)).toBe(67);
    expect(requestScore(coverage, 100)).toBeLessThan(100);
    expect(reviewProject(spec, plan, without)).toContainEqual({ severity: 'warning', message: coverage.notBuilt[0] });
  });

  it('counts what the parser could not map as asked for and not built', () => {
    const { spec, files } = project('a movie watchlist in React with dark mode');
    const coverage = checkCoverage(spec, files, knowledge);
    expect(coverage.notBuilt).toContain('Dark mode: not built — the app has one light theme.');
    expect(requestScore(coverage, 90)).toBe(Math.round((90 * coverage.built) / coverage.asked));
    expect(requestScore({ asked: 0, built: 0 }, 97)).toBe(97);
    const site = project('a static website for a bakery with home, menu and contact pages and a newsletter');
    const pages = checkCoverage(site.spec, site.files, knowledge);
    expect(pages).toMatchObject({ asked: 5, built: 4, notBuilt: ['Newsletter: not built — no e-mails are sent.'] });
    const noMenu = checkCoverage(site.spec, site.files.filter((file) => !file.path.endsWith('menu.html')), knowledge);
    expect(noMenu.notBuilt).toContain('Menu page: not built — the site has no menu.html.');
  });

  it('finds a behaviour built when all its evidence is in non-test code', () => {
    const { spec } = parsePrompt('a poll app where people vote on options');
    const voting: ProjectFile[] = [{ path: 'src/votes.ts', content: 'export function tally(votes: number[]) { return votes.length; }' }];
    expect(checkCoverage(spec, voting, knowledge).notBuilt.some((sentence) => sentence.startsWith('Voting'))).toBe(false);
    const onlyInTests: ProjectFile[] = [{ path: 'test/votes.test.ts', content: voting[0]!.content }];
    expect(checkCoverage(spec, onlyInTests, knowledge).notBuilt.some((sentence) => sentence.startsWith('Voting with tallies: not built'))).toBe(true);
  });
});
