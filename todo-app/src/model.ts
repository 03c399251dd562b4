import type { EntityModel, Features } from './types.ts';

export const appTitle = "Todo App";

/** Prefix of this app's localStorage keys, so two generated apps on one origin do not mix. */
export const storageNamespace = "todo-app";

export const entities: readonly EntityModel[] = [
  {
    key: "todos",
    label: "Todo",
    pluralLabel: "Todos",
    titleField: "title",
    toggleField: "completed",
    fields: [
      { name: "title", label: "Title", type: "string", required: true },
      { name: "completed", label: "Completed", type: "boolean", required: false },
    ],
  },
];

export const features: Features = {
  filtering: true,
  search: false,
  sorting: false,
};
