import { TaskRunErrorCodes, type TaskRunError } from "@trigger.dev/core/v3";
import { RunId } from "@trigger.dev/core/v3/isomorphic";
import { logger } from "~/services/logger.server";
import type { RunStore } from "@internal/run-store";

export async function triggerFailedTask(runStore: RunStore) {
  const error: TaskRunError = { type: "INTERNAL_ERROR", code: TaskRunErrorCodes.TASK_RUN_CRASHED };
  const { friendlyId } = RunId.generate();
  logger.error(friendlyId);
  await runStore.failRun(friendlyId, error);
}
