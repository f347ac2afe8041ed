import { createBrowserRouter, Navigate } from 'react-router';
import { SignInPage } from '../pages/auth/SignInPage';
import { OfficeDetailPage } from '../pages/org/offices/OfficeDetailPage';
import { OfficesPage } from '../pages/org/offices/OfficesPage';
import { PeoplePage } from '../pages/org/people/PeoplePage';
import { PersonDetailPage } from '../pages/org/people/PersonDetailPage';
import { RegionDetailPage } from '../pages/org/regions/RegionDetailPage';
import { RegionsPage } from '../pages/org/regions/RegionsPage';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth } from './RequireAuth';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <RequireAuth />,
    children: [
      { index: true, element: <Navigate to="/offices" replace /> },
      { path: 'regions', element: <RegionsPage /> },
      { path: 'regions/:id', element: <RegionDetailPage /> },
      { path: 'offices', element: <OfficesPage /> },
      { path: 'offices/:id', element: <OfficeDetailPage /> },
      { path: 'people', element: <PeoplePage /> },
      { path: 'people/:id', element: <PersonDetailPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
