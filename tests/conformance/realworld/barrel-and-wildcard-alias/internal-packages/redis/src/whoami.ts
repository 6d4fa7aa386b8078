// Not in the real repo: a deep import that no `exports` subpath declares, next to the real ones.
import { WhoAmIResponseSchema } from "@trigger.dev/core/v3/schemas/api";

export const whoAmI = WhoAmIResponseSchema;
