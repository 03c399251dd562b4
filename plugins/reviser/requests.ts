/**
 * Change requests as data: each edit kind with the phrasings that ask for it, tried in order on
 * one normalized clause (lower case, "due date" → "duedate", "full stack" → "fullstack"). Named
 * groups carry the words to the edit (see edits/index.ts). A pattern's edit may still decline
 * ("make it searchable" is not a kind), and the next pattern is tried.
 */
export interface RequestPattern {
  edit: string;
  pattern: RegExp;
  /** Match the clause as written (case kept), for names and labels. */
  original?: boolean;
}

const E = '(?:the\\s+|each\\s+|every\\s+|all\\s+|a\\s+|an\\s+)?';
const WORDS = "[a-z0-9][a-z0-9 '/-]*?";

export const REQUEST_PATTERNS: readonly RequestPattern[] = [
  { edit: 'rename-app', original: true, pattern: /^(?:rename|call|name|retitle)\s+(?:the\s+(?:app|application|project|site|website|api|tool|cli)|it|this)\s+(?:to\s+|as\s+)?(?<name>.+)$/i },
  { edit: 'rename-app', original: true, pattern: /^(?:change|set)\s+(?:the\s+)?(?:app(?:lication)?\s+|project\s+|site\s+)?(?:name|title)\s+(?:to|as)\s+(?<name>.+)$/i },
  { edit: 'switch-kind', pattern: new RegExp(`^(?:make|turn|convert|switch|change)\\s+(?:it|this|the\\s+app|the\\s+project)\\s+(?:in)?(?:to\\s+)?(?<kind>${WORDS})(?:\\s+with\\s+(?<with>.+))?$`) },
  { edit: 'label-field', original: true, pattern: new RegExp(`^(?:label|relabel)\\s+${E}(?<field>${WORDS})(?:\\s+(?:field|column))?(?:\\s+(?:of|in|on)\\s+${E}(?<entity>[a-z]+))?\\s+(?:as\\s+)?["'“](?<label>[^"'”]+)["'”]$`, 'i') },
  { edit: 'label-field', original: true, pattern: new RegExp(`^(?:change|set)\\s+the\\s+label\\s+of\\s+${E}(?<field>${WORDS})(?:\\s+(?:of|in|on)\\s+${E}(?<entity>[a-z]+))?\\s+to\\s+["'“]?(?<label>[^"'”]+)["'”]?$`, 'i') },
  { edit: 'rename', pattern: new RegExp(`^rename\\s+${E}(?<from>${WORDS})(?:\\s+(?:field|column|entity))?(?:\\s+(?:of|in|on)\\s+${E}(?<entity>[a-z]+))?\\s+(?:to|as|into)\\s+(?<to>${WORDS})$`) },
  { edit: 'relate', pattern: new RegExp(`^${E}(?<child>[a-z]+)\\s+(?:should\\s+)?(?:belongs?|belonging)\\s+to\\s+${E}(?:one\\s+)?(?<parent>[a-z]+)$`) },
  { edit: 'relate', pattern: new RegExp(`^${E}(?<parent>[a-z]+)\\s+(?:should\\s+)?(?:has|have|contain|contains|hold|holds)\\s+(?:many|multiple|several|a\\s+list\\s+of|lots\\s+of)\\s+(?<child>[a-z]+)$`) },
  { edit: 'relate', pattern: new RegExp(`^(?:link|relate|connect|attach)\\s+${E}(?<child>[a-z]+)\\s+(?:to|with)\\s+${E}(?<parent>[a-z]+)$`) },
  { edit: 'unrelate', pattern: new RegExp(`^(?:unlink|separate|detach)\\s+${E}(?<a>[a-z]+)\\s+(?:from|and)\\s+${E}(?<b>[a-z]+)$`) },
  { edit: 'add-pages', pattern: new RegExp(`^(?:add|include|create)\\s+${E}(?<pages>${WORDS})\\s+pages?$`) },
  { edit: 'remove-pages', pattern: new RegExp(`^(?:remove|delete|drop)\\s+${E}(?<pages>${WORDS})\\s+pages?$`) },
  { edit: 'require-field', pattern: new RegExp(`^(?:make|set)\\s+${E}(?<field>${WORDS})(?:\\s+(?:field|column))?(?:\\s+(?:of|in|on)\\s+${E}(?<entity>[a-z]+))?\\s+(?<flag>required|mandatory|optional)$`) },
  { edit: 'require-field', pattern: new RegExp(`^${E}(?<field>${WORDS})(?:\\s+(?:field|column))?(?:\\s+(?:of|in|on)\\s+${E}(?<entity>[a-z]+))?\\s+(?:is|are|should\\s+be|must\\s+be)\\s+(?<flag>required|mandatory|optional)$`) },
  { edit: 'require-field', pattern: new RegExp(`^(?<flag>require)\\s+${E}(?<field>${WORDS})(?:\\s+(?:field|column))?(?:\\s+(?:of|in|on|for)\\s+${E}(?<entity>[a-z]+))?$`) },
  { edit: 'field-options', pattern: new RegExp(`^(?:make|let)\\s+${E}(?<field>${WORDS})(?:\\s+(?:of|in|on)\\s+${E}(?<entity>[a-z]+))?\\s+(?:be\\s+)?one\\s+of\\s+(?<options>.+)$`) },
  { edit: 'field-type', pattern: new RegExp(`^(?:make|change|turn|set|convert)\\s+${E}(?<field>${WORDS})(?:\\s+(?:field|column))?(?:\\s+(?:of|in|on)\\s+${E}(?<entity>[a-z]+))?\\s+(?:in)?(?:to\\s+)?(?:an?\\s+)?(?<type>${WORDS})(?:\\s+(?:field|type|value))?$`) },
  { edit: 'field-type', pattern: new RegExp(`^${E}(?<field>${WORDS})(?:\\s+(?:of|in|on)\\s+${E}(?<entity>[a-z]+))?\\s+(?:should|must)\\s+be\\s+(?:an?\\s+)?(?<type>${WORDS})$`) },
  { edit: 'features-on', pattern: /^(?:add|enable|include|support|turn\s+on|with|allow)\s+(?<features>.+)$/ },
  { edit: 'features-on', pattern: /^make\s+(?:it|them|the\s+lists?)\s+(?<features>searchable|sortable|filterable|paginated)$/ },
  { edit: 'features-off', pattern: /^(?:remove|disable|drop|turn\s+off|without|no)\s+(?<features>.+)$/ },
  { edit: 'add-fields', pattern: new RegExp(`^add\\s+(?<fields>.+?)\\s+(?:to|on|for|in)\\s+${E}(?<entity>[a-z]+)$`) },
  { edit: 'add-fields', pattern: new RegExp(`^give\\s+${E}(?<entity>[a-z]+)\\s+(?<fields>.+)$`) },
  { edit: 'add-fields', pattern: new RegExp(`^${E}(?<entity>[a-z]+)\\s+(?:should\\s+|must\\s+|also\\s+)?(?:have|has|need|needs|get|gets)\\s+(?<fields>.+)$`) },
  { edit: 'add', pattern: /^(?:add|create|include)\s+(?<things>.+)$/ },
  { edit: 'remove', pattern: new RegExp(`^(?:remove|delete|drop)\\s+(?<things>.+?)(?:\\s+(?:from|of|in)\\s+${E}(?<entity>[a-z]+))?$`) },
];
