import { ui } from '@acme/ui';
import { theme } from '../../ui/src/theme';
import { gone } from './gone';

export const main = [ui, theme, gone];
