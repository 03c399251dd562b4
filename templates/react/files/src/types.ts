export type FieldType = 'string' | 'text' | 'number' | 'integer' | 'boolean' | 'date' | 'email' | 'url' | 'enum' | 'reference';

export interface FieldModel {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  options?: readonly string[];
  /** For references: the `key` of the entity whose id this field holds. */
  references?: string;
}

export interface EntityModel {
  /** Storage key and URL segment: `todos`, `order-items`. */
  key: string;
  label: string;
  pluralLabel: string;
  /** The field shown as an item's title. */
  titleField: string;
  /** The fields a list shows for each item (the title first): the ones that tell items apart. */
  listFields: readonly string[];
  /** The yes/no field a list's checkbox toggles, if any. */
  toggleField?: string;
  fields: readonly FieldModel[];
}

export type Id = number;
export type Item = Record<string, unknown> & { id: Id };

/** Which items of an entity to list: equal-field conditions, a text search, a sort, a page. */
export interface ListQuery {
  offset: number;
  limit: number;
  where?: Record<string, string | number | boolean>;
  search?: string;
  /** A field name; the order items were added in when absent. */
  sort?: string;
}

export interface Page {
  items: Item[];
  /** How many items match in all, across every page. */
  total: number;
}

/** Where items live: the browser's localStorage or the API; the UI only sees this. */
export interface Store {
  list(entity: EntityModel, query: ListQuery): Promise<Page>;
  /** The item, or undefined when there is none with this id. */
  get(entity: EntityModel, id: Id): Promise<Item | undefined>;
  create(entity: EntityModel, values: Record<string, unknown>): Promise<Item>;
  update(entity: EntityModel, id: Id, changes: Record<string, unknown>): Promise<Item>;
  remove(entity: EntityModel, id: Id): Promise<void>;
}

export interface Features {
  filtering: boolean;
  search: boolean;
  sorting: boolean;
}
