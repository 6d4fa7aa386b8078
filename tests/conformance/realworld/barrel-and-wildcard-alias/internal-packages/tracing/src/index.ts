import { type Attributes } from "@opentelemetry/api";
import { flattenAttributes } from "@trigger.dev/core/v3/utils/flattenAttributes";

export * from "@opentelemetry/semantic-conventions";

export function toAttributes(value: Record<string, unknown>): Attributes {
  return flattenAttributes(value) as Attributes;
}
