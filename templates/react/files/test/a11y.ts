import axe from 'axe-core';

/**
 * The accessibility problems axe-core rates serious or critical in the rendered app (names,
 * labels, roles, ARIA use). jsdom draws nothing, so colour contrast is left to a real browser.
 */
export async function seriousViolations(container: HTMLElement): Promise<string[]> {
  const results = await axe.run(container, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}
