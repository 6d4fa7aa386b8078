import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { IsString } from 'class-validator';

export const order = [NestFactory, Test, Logger, IsString];
