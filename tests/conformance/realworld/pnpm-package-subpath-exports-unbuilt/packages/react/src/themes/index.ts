export * from '@novu/js/themes';
