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
export { planCitizens, visitMs, type Citizen } from './plan.js';
export { Random } from './random.js';
export { localMidnight, isOpenDay } from './time.js';
