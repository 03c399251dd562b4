import ts from 'typescript';
import type { AstRule } from '../../ast-rules.ts';

const SHELL_FUNCTIONS = new Set(['exec', 'execSync']);
const CHILD_PROCESS = new Set(['child_process', 'node:child_process']);

/**
 * `exec` and `execSync` hand their command to a shell, so a command assembled from a template
 * string or `+` lets any interpolated value add commands of its own. Only calls that really
 * reach child_process count: `/re/.exec(s)` is a regular expression, not a shell.
 */
export const shellInjection: AstRule = {
  id: 'shell-injection',
  severity: 'error',
  create(file) {
    const { functions, namespaces } = childProcessBindings(file.source);
    return (node) => {
      if (!ts.isCallExpression(node)) return undefined;
      const name = shellFunctionCalled(node.expression, functions, namespaces);
      const command = node.arguments[0];
      if (name === undefined || command === undefined || !isAssembled(command)) return undefined;
      const built = ts.isTemplateExpression(command) ? 'a template string' : 'string concatenation';
      return {
        node,
        message: `${name}() runs a command built from ${built} in a shell; use execFile() or spawn() with an argument array.`,
      };
    };
  },
};

/** Local names bound to exec/execSync, and to the module itself, by import or require. */
function childProcessBindings(source: ts.SourceFile): { functions: Map<string, string>; namespaces: Set<string> } {
  const functions = new Map<string, string>();
  const namespaces = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && CHILD_PROCESS.has(node.moduleSpecifier.text)) {
      const clause = node.importClause;
      if (clause?.name !== undefined) namespaces.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings !== undefined && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
      if (bindings !== undefined && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          if (SHELL_FUNCTIONS.has(imported)) functions.set(element.name.text, imported);
        }
      }
    } else if (ts.isVariableDeclaration(node) && node.initializer !== undefined && isChildProcessRequire(node.initializer)) {
      if (ts.isIdentifier(node.name)) namespaces.add(node.name.text);
      else if (ts.isObjectBindingPattern(node.name)) {
        for (const element of node.name.elements) {
          const imported = element.propertyName ?? element.name;
          if (ts.isIdentifier(imported) && ts.isIdentifier(element.name) && SHELL_FUNCTIONS.has(imported.text)) {
            functions.set(element.name.text, imported.text);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { functions, namespaces };
}

function isChildProcessRequire(node: ts.Expression): boolean {
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0] !== undefined &&
    ts.isStringLiteral(node.arguments[0]) &&
    CHILD_PROCESS.has(node.arguments[0].text)
  );
}

function shellFunctionCalled(callee: ts.Expression, functions: Map<string, string>, namespaces: Set<string>): string | undefined {
  if (ts.isIdentifier(callee)) return functions.get(callee.text);
  if (!ts.isPropertyAccessExpression(callee) || !SHELL_FUNCTIONS.has(callee.name.text)) return undefined;
  const target = callee.expression;
  if ((ts.isIdentifier(target) && namespaces.has(target.text)) || isChildProcessRequire(target)) return callee.name.text;
  return undefined;
}

function isAssembled(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isAssembled(node.expression);
  if (ts.isTemplateExpression(node)) return true;
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && !(isLiteral(node.left) && isLiteral(node.right));
}

function isLiteral(node: ts.Expression): boolean {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || (ts.isBinaryExpression(node) && isLiteral(node.left) && isLiteral(node.right));
}
