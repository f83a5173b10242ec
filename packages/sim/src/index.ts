/** @luot/sim: a seeded office day through the real queue core (docs/simulator.md). */
export {
  DaySimulator,
  type Actor,
  type Feedback,
  type SimAction,
  type SimOptions,
  type SimStats,
  type TicketFacts,
} from './simulator.js';
export {
  runSync,
  simulateDay,
  runLive,
  type SimulatedDay,
  type LiveDevice,
  type LiveHub,
  type Ack,
} from './drivers.js';
export {
  dayProfile,
  DEFAULT_PACE,
  type DayProfile,
  type ProfileOptions,
  type Pace,
  type Span,
  type StaffPlan,
} from './profile.js';
export type { Citizen } from './plan.js';
export { localMidnight, isOpenDay } from './time.js';
export { Random } from './random.js';
