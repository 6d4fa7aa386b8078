'use client';

export * from '@novu/react/hooks';
