import './styles.css';
import './early-prefetch';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { apolloClient as client } from './lib/apollo';
import { routes } from './routes';

const router = createBrowserRouter(routes);

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </StrictMode>,
  );
}
