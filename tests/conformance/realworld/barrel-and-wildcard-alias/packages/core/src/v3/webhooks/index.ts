export type WebhookPresetId = "github" | "stripe";
