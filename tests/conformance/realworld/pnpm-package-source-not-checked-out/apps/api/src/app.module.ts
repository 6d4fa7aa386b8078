/* eslint-disable global-require */
import { DynamicModule, Module, Type } from '@nestjs/common';

const enterpriseImports = (): Array<Type | DynamicModule> => {
  const modules: Array<Type | DynamicModule> = [];
  if (process.env.NOVU_ENTERPRISE === 'true' || process.env.CI_EE_TEST === 'true') {
    if (require('@novu/ee-translation')?.EnterpriseTranslationModule) {
      modules.push(require('@novu/ee-translation')?.EnterpriseTranslationModule);
    }
    if (require('@novu/ee-billing')?.BillingModule) {
      modules.push(require('@novu/ee-billing')?.BillingModule.forRoot());
    }
  }

  return modules;
};

@Module({ imports: enterpriseImports() })
export class AppModule {}
