import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';

export const infra = [NestFactory, DataSource];
