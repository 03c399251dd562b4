/** Who wrote a project: recorded in its qlayer.json so a revision can regenerate the same base. */
export const TEMPLATES_GENERATOR = { name: 'templates', version: '0.1.0' } as const;
