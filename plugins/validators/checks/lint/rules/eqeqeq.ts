import ts from 'typescript';
import type { AstRule } from '../../ast-rules.ts';

/**
 * `==` converts types before comparing (`'' == 0`). Comparing with `null` is allowed: it is the
 * common idiom for "null or undefined".
 */
export const eqeqeq: AstRule = {
  id: 'eqeqeq',
  severity: 'error',
  create() {
    return (node) => {
      if (!ts.isBinaryExpression(node)) return undefined;
      const operator = node.operatorToken.kind;
      if (operator !== ts.SyntaxKind.EqualsEqualsToken && operator !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
      if (node.left.kind === ts.SyntaxKind.NullKeyword || node.right.kind === ts.SyntaxKind.NullKeyword) return undefined;
      const [loose, strict] = operator === ts.SyntaxKind.EqualsEqualsToken ? ['==', '==='] : ['!=', '!=='];
      return { node: node.operatorToken, message: `Expected '${strict}' and instead saw '${loose}'.` };
    };
  },
};
