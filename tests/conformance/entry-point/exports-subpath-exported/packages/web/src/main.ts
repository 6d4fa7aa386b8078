import { ui } from '@acme/ui';
import { render } from '@acme/ui/testing';
import { button } from '@acme/ui/features/button';

export const main = [ui, render, button];
