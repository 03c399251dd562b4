import { sentenceCase } from './names.ts';
import { FIELD_TYPES, type Field, type FieldType } from './spec.ts';

/**
 * Fields from their names: domain data lists fields as `name!, species, birthDate:date,
 * status:enum(open|closed)`, and a field a prompt names ("pets with a species and a birth date")
 * or an entity nobody described gets its type from its name the same way.
 */

const RULES: ReadonlyArray<readonly [RegExp, FieldType]> = [
  [/^email$|Email$/, 'email'],
  [/^(?:url|website|link|homepage|imageUrl|photoUrl)$|Url$/, 'url'],
  [/^(?:date|birthday|deadline|dueDate|startDate|endDate|checkIn|checkOut)$|(?:Date|On|At)$/, 'date'],
  [/^(?:is|has)[A-Z]|^(?:completed|done|paid|active|published|available|pinned|watched|read|favorite|resolved|approved|archived|learned|returned|attended|doneToday|overdue)$/, 'boolean'],
  [/^(?:description|notes|body|bio|content|instructions|address|message|text|summary|reason|comment|answer|story)$/, 'text'],
  [/^(?:price|amount|total|cost|salary|value|weight|distance|balance|budget|rent|goal|target|fee|rate|monthlyLimit|pricePerNight|pricePerDay|hours)$|(?:Price|Amount|Total|Cost)$/, 'number'],
  [/^(?:count|quantity|stock|capacity|age|year|rating|score|seats|clicks|votes|servings|reps|sets|calories|duration|credits|grade|points|position|number|bedrooms|floor|level|streak|mileage|pages|spots|size)$|(?:Minutes|Seconds|Count|Year|Number)$/, 'integer'],
];

export function inferFieldType(name: string): FieldType {
  for (const [pattern, type] of RULES) if (pattern.test(name)) return type;
  return 'string';
}

export function makeField(name: string, type: FieldType = inferFieldType(name), required = false, options?: string[]): Field {
  const field: Field = { name, label: sentenceCase(name), type, required };
  return options === undefined ? field : { ...field, options };
}

const ENTRY = /^([a-z][a-zA-Z0-9]*)(!?)(?::([a-z]+)(?:\(([a-z0-9|-]+)\))?)?(!?)$/;

/** Parses `name!, species, body:text!, status:enum(open|closed)`; `!` marks a required field. */
export function parseFieldList(list: string): Field[] {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = ENTRY.exec(part);
      if (match === null) throw new Error(`field "${part}" is not name[:type[(a|b)]][!]`);
      const [, name = '', bang, type, options, trailingBang] = match;
      if (type !== undefined && !(FIELD_TYPES as readonly string[]).includes(type)) throw new Error(`field "${part}" has unknown type ${type}`);
      const fieldType = (type as FieldType | undefined) ?? inferFieldType(name);
      if ((fieldType === 'enum') !== (options !== undefined)) throw new Error(`field "${part}": enum fields, and only they, list options`);
      return makeField(name, fieldType, bang === '!' || trailingBang === '!', options?.split('|'));
    });
}

/** People-like nouns get contact fields; event-like nouns a date. */
const PERSON = /(?:er|or|ist|ant|ent|ee|ian)$/;
const NOT_PERSON = new Set(['order', 'folder', 'letter', 'paper', 'number', 'center', 'centre', 'poster', 'chapter', 'timer', 'calendar', 'color', 'floor', 'door', 'monitor', 'sensor', 'event', 'document', 'payment', 'comment', 'component', 'apartment', 'equipment', 'assignment', 'appointment', 'shipment', 'treatment', 'investment', 'tournament', 'content', 'segment', 'element', 'plant', 'restaurant', 'coffee', 'fee', 'tree', 'committee', 'degree']);
const EVENT = /(?:ing|tion|sion|ment|ance|ence)$|^(?:visit|meeting|session|shift|match|trip|run|game|class|lesson|loan|rental|stay|shipment|delivery|service|checkup|rsvp)$/;

/** Fields for an entity no data describes, from its name: a name to show, then what it suggests. */
export function inferEntityFields(noun: string): Field[] {
  const fields: Field[] = [makeField('name', 'string', true)];
  if (EVENT.test(noun)) fields.push(makeField('date', 'date'), makeField('notes'));
  else if (PERSON.test(noun) && !NOT_PERSON.has(noun)) fields.push(makeField('email'), makeField('phone'));
  else fields.push(makeField('description'));
  return fields;
}
