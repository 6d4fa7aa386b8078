export type WebhookCategoryId = "payments" | "source-control";
