import { NestFactory } from '@nestjs/core';
import { createElement } from 'react';

export const main = [NestFactory, createElement];
