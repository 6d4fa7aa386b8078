import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient } from '@tanstack/react-query';
import axios from 'axios';
import { Button } from '@acme/ui';
import { App } from './app';

export const client = [new QueryClient(), axios, createRoot];
export const Root = () => <StrictMode><App /><Button /></StrictMode>;
