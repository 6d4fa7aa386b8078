import { JsonSchema } from '@novu/framework/internal';

export type StepControl = { schema: JsonSchema };
