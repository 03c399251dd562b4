import ts from 'typescript';
import type { AstRule } from '../../ast-rules.ts';

/**
 * Where printing is the point: tests, scripts, command-line entry points, servers announcing
 * their port, and tool configs. Everywhere else a `console.log` is usually debugging left behind.
 */
const PRINTING_ALLOWED = [
  /(^|\/)(test|tests|__tests__|spec|scripts|bin|examples?)\//,
  /\.(test|spec)\.[cm]?[jt]sx?$/,
  /(^|\/)[^/]+\.config\.[cm]?[jt]s$/,
  /(^|\/)(server|main|cli|index\.server)\.[cm]?[jt]sx?$/,
];

export function isLibraryCode(path: string): boolean {
  return !PRINTING_ALLOWED.some((pattern) => pattern.test(path));
}

export const noConsoleLog: AstRule = {
  id: 'no-console-log',
  severity: 'warning',
  create(file) {
    if (!isLibraryCode(file.path)) return undefined;
    return (node) => {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
      const { expression, name } = node.expression;
      if (!ts.isIdentifier(expression) || expression.text !== 'console' || name.text !== 'log') return undefined;
      return { node, message: 'console.log left in library code; remove it or use a logger.' };
    };
  },
};
