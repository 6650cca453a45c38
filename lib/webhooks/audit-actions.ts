// Audit action names for webhook endpoints and deliveries.
export const WEBHOOK_AUDIT = {
  create: "webhook.create",
  update: "webhook.update",
  enable: "webhook.enable",
  disable: "webhook.disable",
  rotateSecret: "webhook.rotateSecret",
  delete: "webhook.delete",
  redeliver: "webhook.redeliver",
  autoDisable: "webhook.autoDisable",
} as const;
