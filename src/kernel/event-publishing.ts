/** Whether events leave the service, as readiness reports it. */
export interface EventPublishingStatus {
  /** NATS_URL is set. */
  enabled: boolean;
  connected: boolean;
  lastError: { message: string; at: string } | null;
}

/** Port offered by the events module to health: the state of event publishing. */
export abstract class EventPublishing {
  abstract status(): EventPublishingStatus;

  /** The status with the number of events waiting to go out (reads the outbox). */
  abstract report(): Promise<EventPublishingStatus & { backlog: number }>;
}
