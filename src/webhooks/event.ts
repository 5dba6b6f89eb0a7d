/**
 * The envelope the simulator delivers, as the example contracts document it under `webhooks`:
 * an event id, its type, when it happened, and the resource as the read operation returns it.
 */
export interface WebhookEvent {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

export function webhookEvent(id: string, type: string, at: Date, data: Record<string, unknown>): WebhookEvent {
  return { id, type, createdAt: at.toISOString(), data };
}
