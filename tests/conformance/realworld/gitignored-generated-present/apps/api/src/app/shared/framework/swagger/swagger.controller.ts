/* eslint-disable max-len */
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { INestApplication } from '@nestjs/common';
import metadata from '../../../../metadata';

export const setupSwagger = async (app: INestApplication) => {
  await SwaggerModule.loadPluginMetadata(metadata);
  return SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('Novu API').build());
};
