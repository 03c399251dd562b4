import ts from 'typescript';
import type { AstRule } from '../../ast-rules.ts';

const GLOBALS = new Set(['window', 'globalThis', 'self', 'global']);

/** `eval(x)`, `window.eval(x)`, `globalThis.eval(x)`: code from a string runs with the caller's rights. */
export const noEval: AstRule = {
  id: 'no-eval',
  severity: 'error',
  create() {
    return (node) => {
      if (!ts.isCallExpression(node)) return undefined;
      const callee = node.expression;
      const isEval =
        (ts.isIdentifier(callee) && callee.text === 'eval') ||
        (ts.isPropertyAccessExpression(callee) &&
          callee.name.text === 'eval' &&
          ts.isIdentifier(callee.expression) &&
          GLOBALS.has(callee.expression.text));
      if (!isEval) return undefined;
      return { node, message: 'eval() runs arbitrary code from a string; parse the data instead (JSON.parse) or call the function directly.' };
    };
  },
};
