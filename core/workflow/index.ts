/**
 * The YAML workflow language: load and check a file, compile it for the runner, evaluate
 * `${{ }}` expressions. Reading files from disk is in `./file.ts`, the only Node-only module.
 */
export { compileLoaded, compileWorkflow, MAX_FOREACH_ITEMS, type CompileOptions } from './compile.ts';
export { parseDuration } from './duration.ts';
export { ExpressionError, ExpressionSyntaxError, WorkflowValidationError, type WorkflowIssue } from './errors.ts';
export type { Expression, ExprNode } from './expressions/ast.ts';
export { evaluate, evaluateExpression, type ExpressionScope } from './expressions/evaluate.ts';
export { FUNCTIONS } from './expressions/functions.ts';
export { MAX_EXPRESSION_LENGTH } from './expressions/lexer.ts';
export { MAX_EXPRESSION_DEPTH, parseExpression } from './expressions/parser.ts';
export { evaluateValue, parseTemplate, type ValueTemplate } from './expressions/template.ts';
export { checkWorkflow, DEFAULT_MAX_ALIAS_COUNT, DEFAULT_MAX_BYTES, loadWorkflow, type LoadOptions } from './load.ts';
export type { LoadedStep, LoadedWorkflow } from './model.ts';
export { renderWorkflowJsonSchema, workflowJsonSchema } from './json-schema.ts';
export { workflowSchema, type InputSpec, type StepDocument, type WorkflowDocument } from './schema.ts';
