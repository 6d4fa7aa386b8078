import { type ButtonVariant } from '../../../styled-system/recipes';

export const BUTTON_SIZE: ButtonVariant['size'] = 'md';
