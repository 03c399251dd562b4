import type { eventDto, runDto, stepDto } from '../dto.ts';

/** Records as the API sends them (ISO dates), so pages and scripts read the same shapes. */
export type RunView = ReturnType<typeof runDto>;
export type StepView = ReturnType<typeof stepDto>;
export type EventView = ReturnType<typeof eventDto>;
