// Entry: i18n first (French), then the router.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from '@tanstack/react-router';
import { i18nReady } from './i18n';
import { prefetchScreens, router } from './router';
import './ui/styles.css';
import { registerServiceWorker } from './registerServiceWorker';

void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  ),
);

registerServiceWorker();
prefetchScreens();
