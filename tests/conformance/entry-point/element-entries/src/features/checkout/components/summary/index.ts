import { Card } from '../../../../ui/components/card';
import { sort } from '../../../../helpers/data/sort';
import { secret } from '../../../../helpers/data/internal/secret';
import { Button } from '../../../../ui/components/button/button';
import { Local } from './local';

export const Summary = [Card, sort, secret, Button, Local];
