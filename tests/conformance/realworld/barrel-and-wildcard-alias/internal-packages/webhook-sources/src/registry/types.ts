import { type WebhookPresetId } from "@trigger.dev/core/webhooks";
import { type WebhookCategoryId } from "./categories.js";

export type WebhookSource = { preset: WebhookPresetId; category: WebhookCategoryId };
