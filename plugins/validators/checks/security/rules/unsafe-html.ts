import ts from 'typescript';
import type { AstRule } from '../../ast-rules.ts';

const HTML_PROPERTIES = new Set(['innerHTML', 'outerHTML']);
const HTML_WRITERS = new Set(['write', 'writeln']);

/**
 * HTML built from values is how cross-site scripting gets in. A literal is fixed text, and a
 * value passed through a sanitizer (DOMPurify.sanitize, sanitizeHtml…) is taken as cleaned.
 */
export const unsafeHtml: AstRule = {
  id: 'unsafe-html',
  severity: 'error',
  create() {
    return (node) => {
      if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind) && ts.isPropertyAccessExpression(node.left)) {
        const property = node.left.name.text;
        if (HTML_PROPERTIES.has(property) && !isSafe(node.right)) {
          return { node, message: `${property} is assigned a non-literal value; use textContent, or sanitize the HTML first.` };
        }
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const html = method === 'insertAdjacentHTML' ? node.arguments[1] : undefined;
        if (html !== undefined && !isSafe(html)) {
          return { node, message: 'insertAdjacentHTML() is given a non-literal value; insert text nodes, or sanitize the HTML first.' };
        }
        const target = node.expression.expression;
        const written = node.arguments[0];
        if (HTML_WRITERS.has(method) && ts.isIdentifier(target) && target.text === 'document' && written !== undefined && !isSafe(written)) {
          return { node, message: `document.${method}() is given a non-literal value; build the DOM with textContent instead.` };
        }
      }
      if (ts.isJsxAttribute(node) && ts.isIdentifier(node.name) && node.name.text === 'dangerouslySetInnerHTML') {
        const value = node.initializer !== undefined && ts.isJsxExpression(node.initializer) ? node.initializer.expression : undefined;
        if (value === undefined || !isSafeInnerHtmlObject(value)) {
          return { node, message: 'dangerouslySetInnerHTML is given a non-literal value; render it as text, or sanitize the HTML first.' };
        }
      }
      return undefined;
    };
  },
};

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsToken || kind === ts.SyntaxKind.PlusEqualsToken;
}

function isSafeInnerHtmlObject(node: ts.Expression): boolean {
  if (!ts.isObjectLiteralExpression(node)) return false;
  const html = node.properties.find((property) => property.name !== undefined && ts.isIdentifier(property.name) && property.name.text === '__html');
  return html !== undefined && ts.isPropertyAssignment(html) && isSafe(html.initializer);
}

function isSafe(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isSafe(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  if (ts.isCallExpression(node)) return /sanitize|purify|escape/i.test(node.expression.getText());
  return false;
}
