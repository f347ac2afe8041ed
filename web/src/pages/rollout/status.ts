import type { OnboardingStatus } from '@server/modules/rollout/rollout.schema';

/** Colours of the onboarding statuses; always shown with their name, never alone. */
export const STATUS_COLOURS: Record<OnboardingStatus, string> = {
  not_started: 'gray',
  onboarding: 'blue',
  inventory_in_progress: 'yellow',
  complete: 'teal',
};
