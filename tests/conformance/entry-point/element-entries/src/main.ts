import { Button } from './ui/components/button/button';
import { Card } from './ui/components/card';

export const main = [Button, Card];
