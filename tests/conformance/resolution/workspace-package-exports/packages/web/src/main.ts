import { ui } from '@acme/ui';
import { server } from '@acme/ui/server';
import { button } from '@acme/ui/features/button';
const cjs = require('@acme/ui');

export const main = [ui, server, button, cjs];
