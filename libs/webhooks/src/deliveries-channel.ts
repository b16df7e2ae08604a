/**
 * The PostgreSQL channel told of new due deliveries (by the fan-out and by redelivery). A
 * notification is sent when its transaction commits, so a listener never looks too early.
 */
export const DELIVERIES_CHANNEL = 'care_webhook_deliveries';
