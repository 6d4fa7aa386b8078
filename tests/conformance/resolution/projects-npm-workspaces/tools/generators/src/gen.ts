import { core } from '@acme/core';
import { internal } from '@acme/core/src/internal';

export const gen = [core, internal];
