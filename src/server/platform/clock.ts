/** What time it is, for services and jobs; tests replace it to drive time-based jobs without waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
