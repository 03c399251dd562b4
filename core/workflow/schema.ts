import { z } from 'zod';
import { DURATION_PATTERN } from './duration.ts';

/**
 * The workflow language as one zod schema: the loader validates files with it and the JSON
 * Schema that editors use is generated from it, so the two cannot disagree. It describes the
 * file as written; durations, expressions and defaults are interpreted by the loader.
 */

// Step ids and input names are read in expressions (`steps.<id>`, `inputs.<name>`), so they must be
// names the expression lexer accepts, minus the ones expressions refuse to read.
const NAME_PATTERN = /^(?!(?:__proto__|constructor|prototype)$)[A-Za-z_][A-Za-z0-9_-]*$/;
const NAME_RULE = 'must start with a letter or _ and use letters, digits, _ and -';

export const USES_PATTERN = /^[a-z][a-z0-9-]*\/[a-z][a-zA-Z0-9-]*(?:@[0-9A-Za-z.^~<>=*+-]+)?$/;

const name = (what: string) => z.string().regex(NAME_PATTERN, `${what} ${NAME_RULE}`);
const duration = (what: string) => {
  const message = `${what} must be a duration such as '250ms', '30s', '5m' or '1h'`;
  return z.string({ error: message }).regex(DURATION_PATTERN, message).describe(`${what}: a duration such as 250ms, 30s, 5m or 1h`);
};

export const INPUT_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array'] as const;
export type InputType = (typeof INPUT_TYPES)[number];

/** The type of an input or of the items of an array input. */
export interface TypeSpec {
  type: InputType;
  enum?: unknown[] | undefined;
  min?: number | undefined;
  max?: number | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  pattern?: string | undefined;
  minItems?: number | undefined;
  maxItems?: number | undefined;
  items?: TypeSpec | undefined;
}

const count = z.number().int().min(0);

const typeShape = {
  type: z.enum(INPUT_TYPES).describe('string, number, integer, boolean, object or array'),
  enum: z.array(z.unknown()).min(1).optional().describe('The only values allowed'),
  min: z.number().optional().describe('Smallest number allowed (number and integer)'),
  max: z.number().optional().describe('Largest number allowed (number and integer)'),
  minLength: count.optional().describe('Fewest characters (string)'),
  maxLength: count.optional().describe('Most characters (string)'),
  pattern: z.string().optional().describe('Regular expression the whole string must match (string)'),
  minItems: count.optional().describe('Fewest items (array)'),
  maxItems: count.optional().describe('Most items (array)'),
};

export const typeSpecSchema: z.ZodType<TypeSpec> = z.strictObject({
  ...typeShape,
  get items() {
    return typeSpecSchema.optional().describe('Type of each item (array)');
  },
});

export const inputSpecSchema = z
  .strictObject({
    ...typeShape,
    get items() {
      return typeSpecSchema.optional().describe('Type of each item (array)');
    },
    description: z.string().optional(),
    required: z.boolean().optional().describe('Defaults to true unless the input has a default'),
    default: z.unknown().optional().describe('Value used when a run does not give one'),
  })
  .describe('A typed run input, read in expressions as inputs.<name>');

export type InputSpec = z.infer<typeof inputSpecSchema>;

const expression = z.string().describe('An expression, with or without ${{ }}');

const foreachItems = z
  .union([expression, z.array(z.unknown())])
  .describe('The list to fan out over: a ${{ }} expression that gives an array, or a literal list');

export const retrySchema = z.union([
  z.number().int().min(1).describe('Attempts in total, the first included'),
  z.strictObject({
    'max-attempts': z.number().int().min(1).optional().describe('Attempts in total, the first included; 1 means no retry'),
    delay: duration('delay').optional(),
    'max-delay': duration('max-delay').optional(),
  }),
]);

export const stepSchema = z
  .strictObject({
    id: name('step id').describe('Unique name of the step; other steps read its result as steps.<id>.output'),
    description: z.string().optional(),
    uses: z
      .string()
      .regex(USES_PATTERN, "uses must be plugin/step or plugin/step@version, such as 'github/clone'")
      .describe('The plugin step to run: plugin/step or plugin/step@version'),
    with: z.unknown().optional().describe("The step's input; strings may contain ${{ }} expressions"),
    needs: z.union([name('needs entry'), z.array(name('needs entry'))]).optional().describe('Steps that must finish first, besides those its expressions read'),
    if: z.union([expression, z.boolean()]).optional().describe('Run the step only when this is true; otherwise it is skipped'),
    foreach: z
      .union([
        foreachItems,
        z.strictObject({
          items: foreachItems,
          concurrency: z.number().int().min(1).optional().describe('How many items run at once'),
        }),
      ])
      .optional()
      .describe('Run the step once per item; with sees item and index'),
    retry: retrySchema.optional().describe("Overrides the plugin step's retry policy"),
    timeout: duration('timeout').optional(),
    'continue-on-error': z.boolean().optional().describe('A failure is recorded but dependants still run'),
  })
  .describe('One step of the workflow');

export type StepDocument = z.infer<typeof stepSchema>;

export const workflowSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'name must start with a letter or digit and use letters, digits, ., _ and -')
      .max(100)
      .describe('The workflow name'),
    version: z.union([z.string().min(1), z.number()]).optional().describe('Your label for this revision; the platform also versions by content'),
    description: z.string().optional(),
    inputs: z.record(name('input name'), inputSpecSchema).optional().describe('Run inputs by name'),
    steps: z.array(stepSchema).min(1).describe('The steps; they run in parallel unless one needs another'),
    outputs: z.record(name('output name'), z.unknown()).optional().describe('The run output: name to value, usually a ${{ }} expression'),
  })
  .describe('A QuantumLayer workflow');

export type WorkflowDocument = z.infer<typeof workflowSchema>;
