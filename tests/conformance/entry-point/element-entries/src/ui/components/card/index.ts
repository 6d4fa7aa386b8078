import { Button } from '../button';
import { Button as Inner } from '../button/button';

export const Card = [Button, Inner];
