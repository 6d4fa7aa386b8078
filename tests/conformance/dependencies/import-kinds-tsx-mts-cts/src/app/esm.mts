import type { Shape } from '../lib/types';

const mod = await import('../lib/lazy');
export const shape: Shape | undefined = mod.lazy ? undefined : undefined;
