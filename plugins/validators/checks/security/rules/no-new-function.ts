import ts from 'typescript';
import type { AstRule } from '../../ast-rules.ts';

/** `new Function('a', 'return a')` is eval with a different spelling. */
export const noNewFunction: AstRule = {
  id: 'no-new-function',
  severity: 'error',
  create() {
    return (node) => {
      if (!ts.isNewExpression(node) && !ts.isCallExpression(node)) return undefined;
      if (!ts.isIdentifier(node.expression) || node.expression.text !== 'Function') return undefined;
      return { node, message: 'The Function constructor compiles code from strings like eval(); write the function instead.' };
    };
  },
};
